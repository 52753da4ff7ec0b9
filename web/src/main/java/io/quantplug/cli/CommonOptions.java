package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import io.quantplug.runtime.plugin.ExtensionKey;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginIndex;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;

/** Options every command takes. */
final class CommonOptions {

    /** System property the launcher sets to the distribution folder. */
    static final String DIST_PROPERTY = "quantplug.dist";
    /** Environment variable naming the Quantplug home. */
    static final String HOME_ENV = "QUANTPLUG_HOME";

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Plugin jars to load (default: the plugins/ folder of the distribution).")
    Path pluginsDir;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Quantplug home, where the embedded database lives (default: $QUANTPLUG_HOME, else ~/.quantplug).")
    Path home;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database, e.g. jdbc:postgresql://host/quantplug (default: $QUANTPLUG_DB_URL, else the"
                    + " embedded H2 database of the home). Credentials: $QUANTPLUG_DB_USER, $QUANTPLUG_DB_PASSWORD"
                    + " or $QUANTPLUG_DB_PASSWORD_FILE.")
    String db;

    @Option(names = "--verbose", description = "Log what happens and print stack traces on errors.")
    boolean verbose;

    /**
     * The plugins directory: the option, else {@code <dist>/plugins}, else {@code ./plugins}.
     *
     * @return the directory
     */
    Path pluginsDir() {
        if (pluginsDir != null) {
            return pluginsDir;
        }
        String dist = System.getProperty(DIST_PROPERTY);
        return dist != null ? Path.of(dist, "plugins") : Path.of("plugins");
    }

    /**
     * Starts the plugins that provide the given extensions (every plugin when the home's plugin index cannot tell,
     * e.g. after a jar was added or changed), remembering in the index what the started jars provide.
     *
     * @param needed the extensions the command uses
     * @return the host
     * @throws io.quantplug.runtime.plugin.PluginLoadException when the plugins directory cannot be used
     */
    PluginHost openPlugins(Collection<ExtensionKey> needed) {
        return new PluginIndex(home().resolve("cache").resolve("plugins.idx")).open(pluginsDir(), needed);
    }

    /**
     * The Quantplug home: the option, else {@value #HOME_ENV}, else {@code ~/.quantplug}.
     *
     * @return the directory (created on first use of the store)
     */
    Path home() {
        if (home != null) {
            return home;
        }
        String env = System.getenv(HOME_ENV);
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".quantplug");
    }

    /**
     * Opens the store these options name.
     *
     * @return the open store
     * @throws io.quantplug.runtime.store.StoreUnavailableException when it cannot be reached or migrated
     */
    Store openStore() {
        DatabaseSettings settings;
        try {
            settings = DatabaseSettings.resolve(db, home(), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--db: " + e.getMessage());
        }
        // stored series are read again from columnar copies in the home while they are current
        return Store.open(settings, Clock.systemUTC(), home().resolve("cache").resolve("series"));
    }
}
