package io.quantplug.web.auth;

import io.quantplug.runtime.store.Store;
import io.quantplug.runtime.store.UserStore;
import java.io.PrintStream;
import java.util.Map;

/**
 * The first start: when the store has no user {@value #ADMIN}, creates it — with the password in
 * {@value #PASSWORD_ENV} when set (checked like any password), otherwise a random one printed once to the console
 * (never to the log). There is no default password.
 */
public final class AdminBootstrap {

    /** The first admin's user name. */
    public static final String ADMIN = "admin";
    /** The environment variable holding the first admin's password. */
    public static final String PASSWORD_ENV = "QUANTPLUG_ADMIN_PASSWORD";

    private AdminBootstrap() {
    }

    /**
     * Creates the admin when missing.
     *
     * @param store the store
     * @param env   the environment
     * @param out   where a generated password is shown
     * @return true when the admin was created now
     * @throws IllegalArgumentException when {@value #PASSWORD_ENV} is set but not an acceptable password
     */
    public static boolean ensureAdmin(Store store, Map<String, String> env, PrintStream out) {
        if (store.users().find(ADMIN).isPresent()) {
            return false;
        }
        String given = env.get(PASSWORD_ENV);
        String password;
        if (given != null && !given.isEmpty()) {
            String problem = Passwords.problem(given, ADMIN);
            if (problem != null) {
                throw new IllegalArgumentException(PASSWORD_ENV + ": " + problem);
            }
            password = given;
        } else {
            password = Passwords.random();
        }
        store.users().create(ADMIN, Passwords.hash(password), UserStore.Role.ADMIN, "server");
        if (given == null || given.isEmpty()) {
            out.println("Created user '" + ADMIN + "' with the password " + password);
            out.println("  It is shown only this once. Sign in and change it, or set " + PASSWORD_ENV
                    + " before the first start.");
        } else {
            out.println("Created user '" + ADMIN + "' with the password from " + PASSWORD_ENV + ".");
        }
        return true;
    }
}
