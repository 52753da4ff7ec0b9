package io.quantplug.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection pool (HikariCP) to a migrated database. {@link #open} connects, fails fast when the database cannot be
 * reached, and applies the Flyway migrations of {@code db/migration/common} plus those of the vendor's folder
 * ({@code db/migration/h2} or {@code db/migration/postgresql}, same version numbers), so a new database is created
 * on first use and an older one is brought up to date. A database whose schema history already ends at
 * {@link #SCHEMA_VERSION} without a failed migration is opened without running Flyway (whose start-up, a class-path
 * scan and checksum validation, costs more than a short command); the migrations' checksums are then not
 * re-validated. Thread-safe.
 */
public final class Database implements AutoCloseable {

    /**
     * The newest migration version in {@code db/migration}. A database already at this version (every migration
     * applied successfully) is opened without starting Flyway, which would take longer than the rest of a short
     * command; a test keeps this constant equal to the newest migration file.
     */
    static final String SCHEMA_VERSION = "11";

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final Vendor vendor;

    private Database(DatabaseSettings settings, HikariDataSource pool, Vendor vendor) {
        this.settings = settings;
        this.pool = pool;
        this.vendor = vendor;
    }

    /**
     * Connects and migrates.
     *
     * @param settings where and who
     * @return the database
     * @throws StoreUnavailableException when the database cannot be reached or migrated; the message names the URL
     *                                   with its password masked
     */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quantplug-store");
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(1);
        if (settings.vendor() == Vendor.POSTGRESQL) {
            // one multi-row INSERT per JDBC batch instead of one round trip per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to the database " + settings.maskedUrl() + ": "
                    + settings.mask(rootMessage(e)) + (openElsewhere(settings, e) ? ". " + IN_USE : ""), null);
        }
        try {
            Vendor vendor = settings.vendor();
            if (isCurrent(pool)) {
                return new Database(settings, pool, vendor);
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder())
                    .load()
                    .migrate();
            return new Database(settings, pool, vendor);
        } catch (FlywayException | IllegalStateException | SQLException e) {
            pool.close();
            throw new StoreUnavailableException("cannot migrate the database " + settings.maskedUrl() + ": "
                    + settings.mask(rootMessage(e)), null);
        }
    }

    /** What to do when an embedded database is open in another process. */
    static final String IN_USE = "The embedded database is open in another process (a running 'quantplug serve', or"
            + " another command on the same home): stop that process, run this one with --no-store, or let them"
            + " share a PostgreSQL database (--db or QUANTPLUG_DB_URL)";

    /**
     * Whether an embedded H2 database could not be opened because another process holds its file: H2's error 90020
     * ("database may be already in use") or its store's "file is locked".
     */
    static boolean openElsewhere(DatabaseSettings settings, Throwable error) {
        if (settings.vendor() != Vendor.H2) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("The file is locked")) {
                return true;
            }
        }
        return false;
    }

    /** Whether every migration up to {@link #SCHEMA_VERSION} is applied and none failed. */
    private static boolean isCurrent(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history"
                         + " WHERE version IS NOT NULL ORDER BY installed_rank DESC")) {
                boolean first = true;
                boolean current = false;
                while (rs.next()) {
                    if (!rs.getBoolean(2)) {
                        return false;
                    }
                    if (first) {
                        current = SCHEMA_VERSION.equals(rs.getString(1));
                        first = false;
                    }
                }
                return current;
            }
        }
    }

    /**
     * The pooled data source.
     *
     * @return the pool
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * A connection from the pool; the caller closes it.
     *
     * @return a connection with auto-commit on
     * @throws SQLException when none can be had within the connection timeout (5 s)
     */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * The database product.
     *
     * @return the vendor
     */
    public Vendor vendor() {
        return vendor;
    }

    /**
     * The settings, whose {@code toString} masks the password.
     *
     * @return the settings
     */
    public DatabaseSettings settings() {
        return settings;
    }

    /** Closes the pool. */
    @Override
    public void close() {
        pool.close();
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        String first = m == null ? root.getClass().getSimpleName() : m.strip().lines().findFirst().orElse("");
        return root == t || m == null ? first : first + " (" + root.getClass().getSimpleName() + ")";
    }
}
