package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.quantplug.runtime.store.UserStore;
import io.quantplug.web.Api;
import io.quantplug.web.ApiException;
import io.quantplug.web.ClientAddress;
import io.quantplug.web.Json;
import io.quantplug.web.Services;
import io.quantplug.web.auth.Access;
import io.quantplug.web.auth.LoginGuard;
import io.quantplug.web.auth.Passwords;
import io.quantplug.web.auth.Principal;
import io.quantplug.web.auth.Sessions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code /api/auth}: sign in, sign out, who am I. */
public final class AuthRoutes {

    /**
     * The login body.
     *
     * @param username the user
     * @param password the password
     */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + ", ***]";
        }
    }

    /** Longest user name (the users table's column). */
    static final int MAX_USERNAME = 64;

    private final Services s;

    private AuthRoutes(Services s) {
        this.s = s;
    }

    /**
     * Declares the endpoints.
     *
     * @param api the table
     * @param s   the services
     */
    public static void declare(Api api, Services s) {
        AuthRoutes r = new AuthRoutes(s);
        api.add(HandlerType.POST, "/api/auth/login", Access.PUBLIC, "auth",
                "Sign in with {username, password}: sets the session cookie; answers the bearer token and the CSRF"
                        + " token. 429 with Retry-After beyond the sign-in limits: attempts a minute per address,"
                        + " failures a minute per server, 10 failures in 15 minutes per user and address.",
                Login.class, r::login);
        api.add(HandlerType.POST, "/api/auth/logout", Access.VIEWER, "auth", "Sign out: ends the session",
                r::logout);
        api.add(HandlerType.GET, "/api/auth/me", Access.VIEWER, "auth",
                "The signed-in user, role and the session's CSRF token", r::me);
    }

    private void login(Context ctx) {
        ClientAddress.Client client = s.clients().of(ctx);
        String address = client.address();
        LoginGuard.Admission admission = s.loginGuard().admit(address);
        if (!admission.admitted()) {
            ApiException refusal = ApiException.retryLater(429, "too_many_attempts", "too many sign-in attempts"
                    + " from this address; try again in " + seconds(admission.retryAfter()) + " s",
                    seconds(admission.retryAfter()));
            // answered after a pause that holds no thread: a client hammering in a loop slows to one try a second
            ctx.future(() -> CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                    LoginGuard.REFUSAL_DELAY.toMillis(), TimeUnit.MILLISECONDS)).thenRun(() -> {
                        throw refusal;
                    }));
            return;
        }
        Login body;
        String username;
        String password;
        try {
            body = Json.body(ctx, Login.class);
            username = Json.required(body.username(), "username").strip();
            password = Json.required(body.password(), "password");
            if (username.length() > MAX_USERNAME) {
                throw ApiException.badField("username", "a user name has at most " + MAX_USERNAME + " characters");
            }
            if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_LENGTH) {
                throw ApiException.badField("password", "a password has at most " + Passwords.MAX_LENGTH
                        + " bytes in UTF-8");
            }
        } catch (ApiException e) {
            s.loginGuard().failed(address);
            throw e;
        }
        Duration wait = s.throttle().retryAfter(username, address);
        if (!wait.isZero()) {
            throw ApiException.retryLater(429, "too_many_attempts", "too many failed sign-ins for this user from"
                    + " this address; try again in " + seconds(wait) + " s", seconds(wait));
        }
        UserStore.User user = s.store().users().find(username).orElse(null);
        // An unknown name is checked against a dummy hash so that it takes as long as a real one, except from an
        // address that failed recently, while the server is under attack or while every hashing slot is busy: then
        // it is answered at once, so a flood of made-up names cannot queue bcrypt work ahead of real users.
        boolean hashUnknown = !admission.underAttack() && !admission.suspect() && s.loginGuard().slotFree();
        boolean ok = user != null || hashUnknown ? verify(password, user) : false;
        if (!ok || user.disabled()) {
            s.loginGuard().failed(address);
            s.throttle().failed(username, address);
            if (user == null) {
                s.store().audit().append("anonymous", "auth.login_failed", "user/?", "unknown user name ("
                        + username.length() + " characters) from " + address);
            } else {
                s.store().audit().append(username, "auth.login_failed", "user/" + username,
                        "from " + address + (ok ? " (user disabled)" : ""));
            }
            throw new ApiException(401, "bad_credentials", null, "wrong user name or password");
        }
        s.loginGuard().succeeded(address);
        s.throttle().succeeded(username, address);
        Sessions.Session session = s.sessions().open(user.username(), user.role());
        ctx.cookie(new Cookie(Sessions.COOKIE, session.cookie(), "/", -1, client.https(), true,
                null, SameSite.STRICT));
        s.store().audit().append(user.username(), "auth.login", "user/" + user.username(), "from " + address);
        Map<String, Object> out = who(user.username(), user.role(), session);
        out.put("token", session.token());
        ctx.json(out);
    }

    /** Checks a password in one of the server's hashing slots (a dummy hash for an unknown user). */
    private boolean verify(String password, UserStore.User user) {
        if (!s.loginGuard().takeSlot()) {
            throw ApiException.retryLater(503, "busy", "the server is busy checking passwords; try again", 1);
        }
        try {
            return Passwords.verify(password, user == null ? null : user.passwordHash());
        } finally {
            s.loginGuard().releaseSlot();
        }
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
    }

    private void logout(Context ctx) {
        Principal p = Api.principal(ctx);
        s.sessions().close(p.session());
        ctx.cookie(new Cookie(Sessions.COOKIE, "", "/", 0, s.clients().of(ctx).https(), true, null,
                SameSite.STRICT));
        s.store().audit().append(p.username(), "auth.logout", "user/" + p.username(), "");
        ctx.json(Map.of("signedOut", true));
    }

    private void me(Context ctx) {
        Principal p = Api.principal(ctx);
        ctx.json(who(p.username(), p.role(), p.session()));
    }

    private static Map<String, Object> who(String username, UserStore.Role role, Sessions.Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", username);
        out.put("role", role.name().toLowerCase(Locale.ROOT));
        out.put("csrfToken", session.csrf());
        out.put("signedInAt", session.created());
        return out;
    }
}
