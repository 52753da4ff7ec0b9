package io.quantplug.testkit;

import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A plugin loaded from its built jar exactly as the platform loads it: the runtime's {@link PluginHost} (PF4J, a
 * class loader of the plugin's own, the manifest's {@code Plugin-Requires} checked against this runtime's API
 * version, the extensions found through the jar's {@code META-INF/services} files).
 *
 * <pre>{@code
 * try (PluginJar plugin = PluginJar.load(Path.of("target/my-strategy-1.0.0.jar"))) {
 *     BacktestRun run = PluginBacktest.of(plugin.strategy("my-strategy")).csv(bars).run();
 * }
 * }</pre>
 *
 * <p>Close it to unload the plugin and delete the host's copy of the jar. Not for use from several threads at once.
 */
public final class PluginJar implements AutoCloseable {

    private final Path pluginsDirectory;
    private final PluginHost host;
    private final PluginInfo info;

    private PluginJar(Path pluginsDirectory, PluginHost host, PluginInfo info) {
        this.pluginsDirectory = pluginsDirectory;
        this.host = host;
        this.info = info;
    }

    /**
     * Loads and starts a plugin jar.
     *
     * @param jar the plugin jar, e.g. {@code target/my-strategy-1.0.0.jar}
     * @return the started plugin
     * @throws AssertionError       when the host refuses the jar or the plugin fails to start (the message gives the
     *                              host's reason, e.g. a bundled API or an incompatible {@code Plugin-Requires})
     * @throws UncheckedIOException when no temporary plugins directory can be made
     */
    public static PluginJar load(Path jar) {
        Objects.requireNonNull(jar, "jar");
        Path directory;
        try {
            directory = Files.createTempDirectory("quantplug-testkit-plugins-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary plugins directory", e);
        }
        PluginHost host = PluginHost.open(directory);
        PluginInfo info = host.load(jar);
        if (info.status() != PluginStatus.STARTED) {
            host.close();
            deleteQuietly(directory);
            throw new AssertionError("plugin jar " + jar + " is " + info.status() + ": " + info.problem());
        }
        return new PluginJar(directory, host, info);
    }

    /**
     * What the host knows of the plugin: id, version, API range, extensions.
     *
     * @return the plugin's info, status {@code STARTED}
     */
    public PluginInfo info() {
        return info;
    }

    /**
     * The extensions the plugin contributes.
     *
     * @return the catalog of this plugin's extensions
     */
    public ExtensionCatalog catalog() {
        return host.catalog();
    }

    /**
     * A strategy provider of the plugin, created by the plugin's class loader.
     *
     * @param id the strategy id ({@code descriptor().id()})
     * @return the provider
     * @throws AssertionError when the plugin has no strategy of that id (the message lists the ids it has)
     */
    public StrategyProvider strategy(String id) {
        return host.catalog().strategy(id).orElseThrow(() -> new AssertionError("plugin " + info.id()
                + " has no strategy '" + id + "'; it has " + host.catalog().ids(ExtensionKind.STRATEGY)));
    }

    /** Unloads the plugin and deletes the temporary plugins directory. Idempotent. */
    @Override
    public void close() {
        host.close();
        deleteQuietly(pluginsDirectory);
    }

    private static void deleteQuietly(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // an empty temporary directory left behind is harmless
        }
    }
}
