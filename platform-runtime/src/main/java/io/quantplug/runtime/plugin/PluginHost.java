package io.quantplug.runtime.plugin;

import io.quantplug.api.ApiVersion;
import io.quantplug.api.ExtensionProvider;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads the plugin jars of one directory with PF4J and indexes their extensions.
 *
 * <p>Each {@code *.jar} of the directory (not its subdirectories), in file-name order, is inspected, loaded,
 * started and searched for providers listed in its {@code META-INF/services}. A jar that cannot be used is
 * recorded as {@link PluginStatus#REFUSED} or {@link PluginStatus#FAILED} with the reason, and the others load
 * anyway: a plugin that is not a jar, has no {@code Plugin-Id}, bundles the API, requires an API range that excludes
 * {@link ApiVersion#CURRENT}, repeats another plugin's id, throws on start, or contributes no extension (or an
 * extension id another plugin already has).
 *
 * <p>Thread-safety: build and close on one thread; the results ({@link #plugins()}, {@link #catalog()}) are
 * immutable snapshots safe to share.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Path directory;
    private final String apiVersion;
    private final Pf4jManager manager;
    private final List<PluginInfo> plugins = new ArrayList<>();
    private ExtensionCatalog catalog = ExtensionCatalog.of(List.of());

    /** PF4J's jar manager, finding extensions only through the plugins' own provider files. */
    private static final class Pf4jManager extends JarPluginManager {
        Pf4jManager(Path directory) {
            super(directory);
        }

        @Override
        protected ExtensionFinder createExtensionFinder() {
            ProviderFileFinder finder = new ProviderFileFinder(this);
            addPluginStateListener(finder);
            return finder;
        }
    }

    private PluginHost(Path directory, String apiVersion) {
        this.directory = directory;
        this.apiVersion = apiVersion;
        this.manager = new Pf4jManager(directory);
        this.manager.setSystemVersion(apiVersion);
    }

    /**
     * Loads and starts every plugin jar in a directory, against the API version of this runtime.
     *
     * @param directory the plugins directory
     * @return the host
     * @throws PluginLoadException when the directory does not exist or cannot be listed
     */
    public static PluginHost open(Path directory) {
        return open(directory, ApiVersion.CURRENT);
    }

    /**
     * Loads and starts every plugin jar in a directory, against a given API version.
     *
     * @param directory  the plugins directory
     * @param apiVersion the API version plugins' {@code Plugin-Requires} is checked against
     * @return the host
     * @throws PluginLoadException when the directory does not exist or cannot be listed
     */
    public static PluginHost open(Path directory, String apiVersion) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new PluginLoadException("plugins directory " + directory + " does not exist or is not a directory");
        }
        PluginHost host = new PluginHost(directory, apiVersion);
        host.loadAll();
        return host;
    }

    private void loadAll() {
        List<Path> jars;
        try (Stream<Path> s = Files.list(directory)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginLoadException("cannot list plugins directory " + directory + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new PluginLoadException("cannot list plugins directory " + directory + ": "
                    + e.getCause().getMessage());
        }
        Map<String, Path> loadedIds = new HashMap<>();
        Map<String, String> extensionOwners = new HashMap<>();
        List<ExtensionInfo> extensions = new ArrayList<>();
        for (Path jar : jars) {
            PluginInfo info = loadOne(jar, loadedIds, extensionOwners);
            if (info.problem() != null) {
                LOG.warn("plugin {} {}: {}", jar.getFileName(), info.status().name().toLowerCase(), info.problem());
            } else {
                LOG.info("plugin {}@{} started with {} extension(s)", info.id(), info.version(),
                        info.extensions().size());
            }
            plugins.add(info);
            if (info.status() == PluginStatus.STARTED) {
                extensions.addAll(info.extensions());
            }
        }
        catalog = ExtensionCatalog.of(extensions);
    }

    private PluginInfo loadOne(Path jar, Map<String, Path> loadedIds, Map<String, String> extensionOwners) {
        String fileName = jar.getFileName().toString();
        JarInspection inspection = JarInspection.of(jar);
        String id = inspection.id() == null ? fileName : inspection.id();
        if (inspection.problem() != null) {
            return refused(id, inspection, jar, inspection.problem());
        }
        if (loadedIds.containsKey(id)) {
            return refused(id, inspection, jar, "plugin id '" + id + "' is already loaded from "
                    + loadedIds.get(id).getFileName());
        }
        if (!inspection.requires().isEmpty() && !inspection.requires().equals("*")) {
            boolean compatible;
            try {
                compatible = manager.getVersionManager().checkVersionConstraint(apiVersion, inspection.requires());
            } catch (RuntimeException e) {
                return refused(id, inspection, jar, "Plugin-Requires '" + inspection.requires()
                        + "' is not a valid version range (" + e.getMessage() + ")");
            }
            if (!compatible) {
                return refused(id, inspection, jar, "requires Quantplug API " + inspection.requires()
                        + ", but this runtime provides API " + apiVersion);
            }
        }
        String pluginId;
        try {
            pluginId = manager.loadPlugin(jar);
        } catch (PluginRuntimeException e) {
            return refused(id, inspection, jar, "PF4J cannot load it: " + e.getMessage());
        }
        loadedIds.put(pluginId, jar);
        PluginState state;
        try {
            state = manager.startPlugin(pluginId);
        } catch (RuntimeException | LinkageError e) {
            return failed(pluginId, inspection, jar, "start failed: " + describe(e));
        }
        if (state != PluginState.STARTED) {
            PluginWrapper w = manager.getPlugin(pluginId);
            Throwable cause = w == null ? null : w.getFailedException();
            return failed(pluginId, inspection, jar, "start failed (state " + state + ")"
                    + (cause == null ? "" : ": " + describe(cause)));
        }
        List<ExtensionInfo> found = new ArrayList<>();
        for (ExtensionKind kind : ExtensionKind.values()) {
            List<? extends ExtensionProvider> providers;
            try {
                providers = manager.getExtensions(kind.providerType(), pluginId);
            } catch (RuntimeException | LinkageError e) {
                return failed(pluginId, inspection, jar, "cannot create its " + kind.label() + " providers: "
                        + describe(e));
            }
            for (ExtensionProvider p : providers) {
                String extId;
                try {
                    extId = p.descriptor().id();
                } catch (RuntimeException | LinkageError e) {
                    return failed(pluginId, inspection, jar, p.getClass().getName() + ".descriptor() failed: "
                            + describe(e));
                }
                String key = kind + "/" + extId;
                if (extensionOwners.containsKey(key)) {
                    return failed(pluginId, inspection, jar, kind.label() + " id '" + extId
                            + "' is already provided by plugin " + extensionOwners.get(key));
                }
                found.add(new ExtensionInfo(kind, p, pluginId));
            }
        }
        if (found.isEmpty()) {
            return failed(pluginId, inspection, jar, "it contributes no extension: list its providers in"
                    + " META-INF/services/io.quantplug.api.strategy.StrategyProvider (or the enhancement, risk"
                    + " rule or exchange adapter provider file)");
        }
        for (ExtensionInfo e : found) {
            extensionOwners.put(e.kind() + "/" + e.id(), pluginId);
        }
        return new PluginInfo(pluginId, inspection.version(), inspection.requires(), PluginStatus.STARTED, jar,
                found, null);
    }

    private static PluginInfo refused(String id, JarInspection i, Path jar, String problem) {
        return new PluginInfo(id, i.version(), i.requires(), PluginStatus.REFUSED, jar, List.of(), problem);
    }

    private PluginInfo failed(String pluginId, JarInspection i, Path jar, String problem) {
        try {
            manager.stopPlugin(pluginId);
            manager.unloadPlugin(pluginId);
        } catch (RuntimeException e) {
            LOG.debug("could not unload failed plugin {}", pluginId, e);
        }
        return new PluginInfo(pluginId, i.version(), i.requires(), PluginStatus.FAILED, jar, List.of(), problem);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /**
     * The plugins directory.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Every jar seen, with its status, in file-name order.
     *
     * @return the plugins
     */
    public List<PluginInfo> plugins() {
        return List.copyOf(plugins);
    }

    /**
     * The jars that were refused or failed.
     *
     * @return the plugins with a problem
     */
    public List<PluginInfo> problems() {
        return plugins.stream().filter(p -> p.problem() != null).toList();
    }

    /**
     * The extensions of the started plugins.
     *
     * @return the catalog
     */
    public ExtensionCatalog catalog() {
        return catalog;
    }

    /**
     * Stops and unloads every plugin, closing their jars. Plugins are stopped one by one, in reverse load order:
     * PF4J 3.15's {@code stopPlugins()} removes from the list it iterates and throws
     * {@link java.util.ConcurrentModificationException} as soon as two plugins are started.
     */
    @Override
    public void close() {
        catalog = ExtensionCatalog.of(List.of());
        List<String> ids = new ArrayList<>();
        manager.getPlugins().forEach(w -> ids.add(w.getPluginId()));
        java.util.Collections.reverse(ids);
        for (String id : ids) {
            try {
                manager.stopPlugin(id);
            } catch (RuntimeException e) {
                LOG.warn("plugin {} failed to stop: {}", id, describe(e));
            }
            manager.unloadPlugin(id);
        }
    }
}
