package io.quantplug.runtime.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The store, opened: a migrated {@link Database} and its repositories. Opening it also marks the runs of dead
 * processes on this host as {@code INTERRUPTED}. Thread-safe; close it once, after every journal it made.
 */
public final class Store implements AutoCloseable {

    private final Database db;
    private final AuditLog audit;
    private final BarStore bars;
    private final RunStore runs;
    private final PluginRegistry plugins;
    private final UserStore users;
    private final List<Long> interrupted;

    private Store(Database db, Clock clock, Path seriesCopies) {
        this.db = db;
        this.audit = new AuditLog(db, clock);
        this.bars = new BarStore(db, seriesCopies);
        this.runs = new RunStore(db, audit);
        this.plugins = new PluginRegistry(db, audit);
        this.users = new UserStore(db, audit);
        this.interrupted = runs.markInterrupted();
    }

    /**
     * Connects, migrates and recovers.
     *
     * @param settings where and who
     * @return the store
     * @throws StoreUnavailableException when the database cannot be reached or migrated (the message masks the
     *                                   password)
     */
    public static Store open(DatabaseSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /**
     * Connects, migrates and recovers, with the clock that times runs, audit entries and plugin sightings.
     *
     * @param settings where and who
     * @param clock    the clock for stored times (the system clock in production, a fixed one in tests)
     * @return the store
     * @throws StoreUnavailableException when the database cannot be reached or migrated (the message masks the
     *                                   password)
     */
    public static Store open(DatabaseSettings settings, Clock clock) {
        return open(settings, clock, null);
    }

    /**
     * Connects, migrates and recovers, keeping columnar copies of the stored bar series in a local folder, so that
     * a series read again loads from there instead of from its rows ({@link BarStore#read}).
     *
     * @param settings     where and who
     * @param clock        the clock for stored times
     * @param seriesCopies the folder of the copies, e.g. {@code ~/.quantplug/cache/series}, or null for none
     * @return the store
     * @throws StoreUnavailableException when the database cannot be reached or migrated (the message masks the
     *                                   password)
     */
    public static Store open(DatabaseSettings settings, Clock clock, Path seriesCopies) {
        Database db = Database.open(settings);
        try {
            return new Store(db, clock, seriesCopies);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * A new journal on this store's database, with the default capacity and batch size.
     *
     * @return a started journal; close it before the store
     */
    public Journal journal() {
        return new Journal(db, Journal.DEFAULT_CAPACITY, Journal.DEFAULT_BATCH);
    }

    /**
     * The database.
     *
     * @return the database
     */
    public Database database() {
        return db;
    }

    /**
     * Bars and instruments.
     *
     * @return the bar store
     */
    public BarStore bars() {
        return bars;
    }

    /**
     * Runs and their records.
     *
     * @return the run store
     */
    public RunStore runs() {
        return runs;
    }

    /**
     * The audit log.
     *
     * @return the audit log
     */
    public AuditLog audit() {
        return audit;
    }

    /**
     * Plugin builds seen.
     *
     * @return the plugin registry
     */
    public PluginRegistry plugins() {
        return plugins;
    }

    /**
     * Console users.
     *
     * @return the user store
     */
    public UserStore users() {
        return users;
    }

    /**
     * The runs this opening marked interrupted.
     *
     * @return their ids
     */
    public List<Long> interruptedOnOpen() {
        return interrupted;
    }

    /**
     * The user name this process records as the actor of what it does.
     *
     * @return the operating system user
     */
    public static String processUser() {
        return ProcessIdentity.user();
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        db.close();
    }
}
