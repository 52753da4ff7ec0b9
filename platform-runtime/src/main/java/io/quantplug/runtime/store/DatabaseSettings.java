package io.quantplug.runtime.store;

import io.quantplug.runtime.QuantplugException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the store is and how to sign in. {@link #toString()} masks the password; so does every message the store
 * writes.
 *
 * @param url      JDBC URL, {@code jdbc:h2:file:…} or {@code jdbc:postgresql://…}
 * @param user     user name, or null to take it from the URL
 * @param password password, or null to take it from the URL (or none)
 */
public record DatabaseSettings(String url, String user, String password) {

    /** Environment variable with the JDBC URL, used when no {@code --db} is given. */
    public static final String URL_ENV = "QUANTPLUG_DB_URL";
    /** Environment variable with the database user. */
    public static final String USER_ENV = "QUANTPLUG_DB_USER";
    /** Environment variable with the database password. */
    public static final String PASSWORD_ENV = "QUANTPLUG_DB_PASSWORD";
    /** Environment variable naming a file whose first line is the database password (a mounted secret). */
    public static final String PASSWORD_FILE_ENV = "QUANTPLUG_DB_PASSWORD_FILE";

    /**
     * Checks the URL.
     *
     * @param url      JDBC URL
     * @param user     user name, or null
     * @param password password, or null
     * @throws IllegalArgumentException when the URL is of an unsupported database
     */
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Vendor.ofUrl(url);
    }

    /**
     * The embedded H2 file database of a Quantplug home: {@code HOME/db/quantplug.mv.db}, created on first use.
     * {@code WRITE_DELAY=0} makes every commit reach the file before the commit returns, so a killed process loses
     * no committed row; {@code MAX_COMPACT_TIME=0} skips the compaction H2 otherwise runs when the last connection
     * closes (half a second at the end of every command; H2 still compacts in the background while it runs);
     * {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to the store, so H2's own shutdown hook does not close the
     * database under a journal that is still draining when the process is stopped.
     *
     * @param home the Quantplug home, e.g. {@code ~/.quantplug}
     * @return the settings
     */
    public static DatabaseSettings embedded(Path home) {
        Path file = home.toAbsolutePath().normalize().resolve("db").resolve("quantplug");
        return new DatabaseSettings("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;MAX_COMPACT_TIME=0;DB_CLOSE_ON_EXIT=FALSE",
                null, null);
    }

    /**
     * Settings from the command line and the environment: the URL from {@code urlOption}, else
     * {@value #URL_ENV}, else the embedded database of {@code home}; the user from {@value #USER_ENV}; the password
     * from {@value #PASSWORD_ENV}, else the first line of the file named by {@value #PASSWORD_FILE_ENV}.
     *
     * @param urlOption the {@code --db} option, or null
     * @param home      the Quantplug home
     * @param env       the environment, e.g. {@code System.getenv()}
     * @return the settings
     * @throws QuantplugException       when the password file cannot be read
     * @throws IllegalArgumentException when the URL is of an unsupported database
     */
    public static DatabaseSettings resolve(String urlOption, Path home, Map<String, String> env) {
        String url = urlOption != null && !urlOption.isBlank() ? urlOption : blankToNull(env.get(URL_ENV));
        String user = blankToNull(env.get(USER_ENV));
        String password = env.get(PASSWORD_ENV);
        String passwordFile = blankToNull(env.get(PASSWORD_FILE_ENV));
        if ((password == null || password.isEmpty()) && passwordFile != null) {
            try {
                password = Files.readAllLines(Path.of(passwordFile)).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new QuantplugException(PASSWORD_FILE_ENV + ": cannot read " + passwordFile + ": "
                        + e.getClass().getSimpleName(), e);
            }
        }
        if (url == null) {
            return embedded(home);
        }
        return new DatabaseSettings(url, user, password == null || password.isEmpty() ? null : password);
    }

    /**
     * The vendor of the URL.
     *
     * @return the vendor
     */
    public Vendor vendor() {
        return Vendor.ofUrl(url);
    }

    /**
     * The URL with any password in it masked, for messages.
     *
     * @return the masked URL
     */
    public String maskedUrl() {
        return Secrets.maskUrl(url);
    }

    /**
     * Masks this password (and any URL password) in a text.
     *
     * @param text a text, or null
     * @return the masked text
     */
    public String mask(String text) {
        String masked = Secrets.mask(text, password);
        if (masked != null) {
            for (String secret : Secrets.passwordsIn(url)) {
                masked = masked.replace(secret, Secrets.MASK);
            }
        }
        return masked;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + maskedUrl() + ", user=" + user + ", password="
                + (password == null ? "none" : Secrets.MASK) + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
