package io.quantplug.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes. */
final class CommonOptions {

    /** System property the launcher sets to the distribution folder. */
    static final String DIST_PROPERTY = "quantplug.dist";

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Plugin jars to load (default: the plugins/ folder of the distribution).")
    Path pluginsDir;

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
}
