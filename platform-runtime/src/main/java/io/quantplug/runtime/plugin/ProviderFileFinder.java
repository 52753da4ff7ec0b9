package io.quantplug.runtime.plugin;

import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.ServiceProviderExtensionFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * PF4J's service-provider extension finder, reading exactly the four Quantplug provider files of each plugin
 * ({@code META-INF/services/io.quantplug.api.strategy.StrategyProvider} and the enhancement, risk rule and exchange
 * adapter ones) instead of scanning the {@code META-INF/services} directory.
 *
 * <p>Why: PF4J looks the directory up as a resource, which a jar without directory entries does not have (some
 * build tools omit them), so such a plugin silently showed no extensions; and scanning the directory also loads
 * the service classes of libraries a plugin bundles. The application class path is not scanned at all (embedding
 * uses {@link java.util.ServiceLoader} directly). Files are read without URL caches, so no jar stays open.
 */
final class ProviderFileFinder extends ServiceProviderExtensionFinder {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderFileFinder.class);

    ProviderFileFinder(PluginManager pluginManager) {
        super(pluginManager);
    }

    @Override
    public Map<String, Set<String>> readClasspathStorages() {
        return Map.of();
    }

    @Override
    public Map<String, Set<String>> readPluginsStorages() {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (PluginWrapper plugin : pluginManager.getPlugins()) {
            Set<String> classNames = new LinkedHashSet<>();
            ClassLoader loader = plugin.getPluginClassLoader();
            for (ExtensionKind kind : ExtensionKind.values()) {
                String name = "META-INF/services/" + kind.providerType().getName();
                try {
                    Enumeration<URL> urls = loader instanceof URLClassLoader own
                            ? own.findResources(name) : loader.getResources(name);
                    while (urls.hasMoreElements()) {
                        read(urls.nextElement(), classNames);
                    }
                } catch (IOException e) {
                    LOG.warn("plugin {}: cannot read {}: {}", plugin.getPluginId(), name, e.getMessage());
                }
            }
            result.put(plugin.getPluginId(), classNames);
        }
        return result;
    }

    /** Reads a provider-configuration file: one class name per line, {@code #} starts a comment. */
    private static void read(URL url, Set<String> into) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!name.isEmpty()) {
                    into.add(name);
                }
            }
        }
    }
}
