package io.quantplug.runtime.plugin;

import io.quantplug.api.ApiVersion;
import io.quantplug.api.ExtensionProvider;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One build of a plugin, loaded: a private copy of its jar in a PF4J manager and class loader of its own, started,
 * with its extensions found. {@link #load} makes one or says precisely why not; {@link #close} stops and unloads it,
 * closes its class loader and deletes the copy. Builds are independent of each other, so the old and the new
 * version of a plugin can be loaded side by side during a swap ({@link PluginHost} decides which one counts).
 *
 * <p>Not thread-safe; the host serialises its calls.
 */
final class PluginBuild {

    private static final Logger LOG = LoggerFactory.getLogger(PluginBuild.class);

    private final Pf4jManager manager;
    private final String pluginId;
    private final Path copy;

    /**
     * What loading a jar gave.
     *
     * @param build the started build, or null when it cannot be used
     * @param info  the plugin, {@link PluginStatus#STARTED} with its extensions, or refused or failed with the reason
     */
    record Outcome(PluginBuild build, PluginInfo info) {
    }

    /** PF4J's jar manager, finding extensions only through the plugins' own provider files. */
    private static final class Pf4jManager extends JarPluginManager {
        Pf4jManager(Path directory, String apiVersion) {
            super(directory);
            setSystemVersion(apiVersion);
        }

        @Override
        protected ExtensionFinder createExtensionFinder() {
            ProviderFileFinder finder = new ProviderFileFinder(this);
            addPluginStateListener(finder);
            return finder;
        }
    }

    private PluginBuild(Pf4jManager manager, String pluginId, Path copy) {
        this.manager = manager;
        this.pluginId = pluginId;
        this.copy = copy;
    }

    /**
     * Checks, copies, loads and starts a jar and finds its extensions.
     *
     * @param source           the jar as the user knows it (named in the result)
     * @param inspection       what {@link JarInspection} read of it
     * @param copy             where its private copy goes (must not exist)
     * @param pluginsDirectory the plugins directory (PF4J's root)
     * @param apiVersion       the API version {@code Plugin-Requires} is checked against
     * @param otherOwners      extension key ({@code kind/id}) to the id of the other plugin that provides it
     * @return the build, or the reason it cannot be used
     */
    static Outcome load(Path source, JarInspection inspection, Path copy, Path pluginsDirectory, String apiVersion,
                        Map<String, String> otherOwners) {
        String id = inspection.id() == null ? source.getFileName().toString() : inspection.id();
        if (inspection.problem() != null) {
            return refused(id, inspection, source, inspection.problem());
        }
        String hostVersion = apiVersion;
        if (!inspection.requires().isEmpty() && !inspection.requires().equals("*")) {
            String problem = incompatibility(inspection.requires(), apiVersion);
            if (problem != null && apiVersion.equals(ApiVersion.CURRENT)
                    && incompatibility(inspection.requires(), ApiVersion.BACKWARD_COMPATIBLE_WITH) == null) {
                // built for the earlier SPI this one only adds to: host it as that version
                hostVersion = ApiVersion.BACKWARD_COMPATIBLE_WITH;
                problem = null;
            }
            if (problem != null) {
                return refused(id, inspection, source, problem);
            }
        }
        try {
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return refused(id, inspection, source, "cannot be copied to " + copy.getParent() + ": "
                    + e.getMessage());
        }
        Pf4jManager manager = new Pf4jManager(pluginsDirectory, hostVersion);
        String pluginId;
        try {
            pluginId = manager.loadPlugin(copy);
        } catch (PluginRuntimeException e) {
            deleteQuietly(copy);
            return refused(id, inspection, source, "PF4J cannot load it: " + e.getMessage());
        }
        PluginBuild build = new PluginBuild(manager, pluginId, copy);
        List<ExtensionInfo> found = new ArrayList<>();
        String problem = build.start();
        if (problem == null) {
            problem = build.collectExtensions(otherOwners, found);
        }
        if (problem != null) {
            build.close();
            return new Outcome(null, new PluginInfo(pluginId, inspection.version(), inspection.requires(),
                    PluginStatus.FAILED, source, List.of(), problem));
        }
        return new Outcome(build, new PluginInfo(pluginId, inspection.version(), inspection.requires(),
                PluginStatus.STARTED, source, found, null));
    }

    private static Outcome refused(String id, JarInspection i, Path jar, String problem) {
        return new Outcome(null, refusal(id, i, jar, problem));
    }

    /**
     * A jar refused before it was loaded.
     *
     * @param id      the plugin id, or the file name when none was read
     * @param i       what was read of the jar
     * @param jar     the jar
     * @param problem why
     * @return the plugin info, {@link PluginStatus#REFUSED}
     */
    static PluginInfo refusal(String id, JarInspection i, Path jar, String problem) {
        return new PluginInfo(id, i.version(), i.requires(), PluginStatus.REFUSED, jar, List.of(), problem);
    }

    private static String incompatibility(String requires, String apiVersion) {
        try {
            boolean compatible = new DefaultVersionManager().checkVersionConstraint(apiVersion, requires);
            return compatible ? null : "requires Quantplug API " + requires + ", but this runtime provides API "
                    + apiVersion + (apiVersion.equals(ApiVersion.CURRENT) ? " (and hosts plugins built for "
                    + ApiVersion.BACKWARD_COMPATIBLE_WITH + ")" : "");
        } catch (RuntimeException e) {
            return "Plugin-Requires '" + requires + "' is not a valid version range (" + e.getMessage() + ")";
        }
    }

    private String start() {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        String pluginClass = wrapper == null ? null : wrapper.getDescriptor().getPluginClass();
        if (pluginClass != null && !pluginClass.isBlank() && !pluginClass.equals(Plugin.class.getName())) {
            try {
                Class.forName(pluginClass, false, wrapper.getPluginClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return "its Plugin-Class " + pluginClass + " cannot be loaded: " + describe(e);
            }
        }
        PluginState state;
        try {
            state = manager.startPlugin(pluginId);
        } catch (RuntimeException | LinkageError e) {
            return "start failed: " + describe(e);
        }
        if (state != PluginState.STARTED) {
            PluginWrapper w = manager.getPlugin(pluginId);
            Throwable cause = w == null ? null : w.getFailedException();
            return "start failed (state " + state + ")" + (cause == null ? "" : ": " + describe(cause));
        }
        return null;
    }

    /** Finds the started build's extensions into {@code into}; returns why they cannot be used, or null. */
    private String collectExtensions(Map<String, String> otherOwners, List<ExtensionInfo> into) {
        for (ExtensionKind kind : ExtensionKind.values()) {
            List<? extends ExtensionProvider> providers;
            try {
                providers = manager.getExtensions(kind.providerType(), pluginId);
            } catch (RuntimeException | LinkageError e) {
                return "cannot create its " + kind.label() + " providers: " + describe(e);
            }
            for (ExtensionProvider p : providers) {
                String extId;
                try {
                    extId = p.descriptor().id();
                } catch (RuntimeException | LinkageError e) {
                    return p.getClass().getName() + ".descriptor() failed: " + describe(e);
                }
                String owner = otherOwners.get(key(kind, extId));
                if (owner != null) {
                    return kind.label() + " id '" + extId + "' is already provided by plugin " + owner;
                }
                into.add(new ExtensionInfo(kind, p, pluginId));
            }
        }
        if (into.isEmpty()) {
            String broken = brokenProvider();
            if (broken != null) {
                return broken;
            }
            return "it contributes no extension: list its providers in"
                    + " META-INF/services/io.quantplug.api.strategy.StrategyProvider (or the enhancement, risk"
                    + " rule or exchange adapter provider file)";
        }
        return null;
    }

    /**
     * Why a provider the plugin lists cannot be created (PF4J skips such a provider with a log line only), or null
     * when every listed provider can be: the real exception, not "no extension".
     */
    private String brokenProvider() {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        for (String name : manager.getExtensionClassNames(pluginId)) {
            try {
                Class.forName(name, true, wrapper.getPluginClassLoader()).getDeclaredConstructor().newInstance();
            } catch (java.lang.reflect.InvocationTargetException e) {
                return "its provider " + name + " cannot be created: " + describe(e.getCause());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return "its provider " + name + " cannot be created: " + describe(e);
            }
        }
        return null;
    }

    /**
     * The key extension ids are unique by.
     *
     * @param kind the kind
     * @param id   the extension id
     * @return {@code kind/id}
     */
    static String key(ExtensionKind kind, String id) {
        return kind + "/" + id;
    }

    /** Stops and unloads the plugin, closing its class loader (and jar), and deletes the copy. */
    void close() {
        try {
            manager.stopPlugin(pluginId);
        } catch (RuntimeException e) {
            LOG.warn("plugin {} failed to stop: {}", pluginId, describe(e));
        }
        try {
            manager.unloadPlugin(pluginId);
        } catch (RuntimeException e) {
            LOG.warn("plugin {} failed to unload: {}", pluginId, describe(e));
        }
        deleteQuietly(copy);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", p, e.getMessage());
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
