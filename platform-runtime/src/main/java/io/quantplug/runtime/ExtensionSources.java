package io.quantplug.runtime;

import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.PluginInfo;

import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;

/**
 * Where a {@link Platform}'s extensions come from, and the words its messages use for them: the class-path scan,
 * the check that no id is offered twice, and source labels. Stateless.
 */
final class ExtensionSources {

    private ExtensionSources() {
    }

    /**
     * The providers a class loader lists, each asked for its descriptor once so that a failing one is named here.
     *
     * @param loader where to look
     * @return the extensions, with a null plugin id
     * @throws QuantplugException when a provider cannot be loaded, instantiated or describe itself
     */
    static List<ExtensionInfo> classPath(ClassLoader loader) {
        List<ExtensionInfo> found;
        try {
            found = ExtensionCatalog.fromClassPath(loader);
        } catch (ServiceConfigurationError e) {
            throw new QuantplugException("cannot load the extensions on the class path: " + e.getMessage(), e);
        }
        for (ExtensionInfo e : found) {
            try {
                Objects.requireNonNull(e.descriptor(), "descriptor");
            } catch (RuntimeException | LinkageError ex) {
                throw new QuantplugException("class-path provider " + e.provider().getClass().getName()
                        + ".descriptor() failed: " + ex.getClass().getSimpleName()
                        + (ex.getMessage() == null ? "" : ": " + ex.getMessage()), ex);
            }
        }
        return found;
    }

    /**
     * Checks that each (kind, id) occurs once.
     *
     * @param extensions the class-path extensions, then the plugins' ones
     * @param plugins    the plugins, to name a plugin's jar
     * @throws DuplicateExtensionException on the first id offered twice, naming both providers and where each is
     */
    static void requireUnique(List<ExtensionInfo> extensions, List<PluginInfo> plugins) {
        Map<String, ExtensionInfo> seen = new HashMap<>();
        for (ExtensionInfo e : extensions) {
            ExtensionInfo first = seen.putIfAbsent(e.kind() + "/" + e.id(), e);
            if (first != null) {
                throw new DuplicateExtensionException(e.kind().label() + " id '" + e.id() + "' is provided twice: by "
                        + describe(first, plugins) + " and by " + describe(e, plugins)
                        + "; remove one of them or give one another id");
            }
        }
    }

    /**
     * Where an extension comes from, in a listing.
     *
     * @param e the extension
     * @return {@code class path} or {@code plugin ID}
     */
    static String source(ExtensionInfo e) {
        return e.pluginId() == null ? "class path" : "plugin " + e.pluginId();
    }

    /**
     * Where extensions were looked for, for "nothing available" messages.
     *
     * @param classPath        whether the class path was scanned
     * @param pluginsDirectory the plugins directory, or null
     * @return e.g. {@code the class path or the plugins directory plugins}
     */
    static String label(boolean classPath, Path pluginsDirectory) {
        String dir = pluginsDirectory == null ? null : "the plugins directory " + pluginsDirectory;
        return !classPath ? dir : dir == null ? "the class path" : "the class path or " + dir;
    }

    /** The provider class and where it is: its class-path location, or its plugin and jar. */
    private static String describe(ExtensionInfo e, List<PluginInfo> plugins) {
        String type = e.provider().getClass().getName();
        if (e.pluginId() != null) {
            String jar = plugins.stream().filter(p -> p.id().equals(e.pluginId())).findFirst()
                    .map(p -> " (" + p.file() + ")").orElse("");
            return type + " in plugin '" + e.pluginId() + "'" + jar;
        }
        CodeSource code = e.provider().getClass().getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        return type + " on the class path" + (location == null ? "" : " (" + location + ")");
    }
}
