package io.quantplug.runtime.plugin;

import io.quantplug.runtime.plugin.testplugin.CounterStrategyProvider;
import io.quantplug.runtime.plugin.testplugin.GuardRuleProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds plugin jars for tests from compiled test classes. Public for the tests of other packages. */
public final class TestJars {

    private TestJars() {
    }

    /**
     * Writes a jar.
     *
     * @param file        where
     * @param manifest    main manifest attributes
     * @param textEntries further entries, text by name
     * @param classes     compiled classes to pack
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path jar(Path file, Map<String, String> manifest, Map<String, String> textEntries, Class<?>... classes)
            throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            for (Class<?> c : classes) {
                String name = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(name));
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
            for (Map.Entry<String, String> e : textEntries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    /**
     * A plugin manifest of version 1.2.3.
     *
     * @param id       the Plugin-Id
     * @param requires the Plugin-Requires
     * @return the attributes
     */
    public static Map<String, String> manifest(String id, String requires) {
        return Map.of("Plugin-Id", id, "Plugin-Version", "1.2.3", "Plugin-Requires", requires);
    }

    /**
     * A plugin jar of {@link CounterStrategyProvider}: plugin {@code pluginId} at {@code version}, whose strategy id is
     * the plugin id and whose mean-of-closes window is {@code window}.
     *
     * @param file     where
     * @param pluginId the Plugin-Id and strategy id
     * @param version  the Plugin-Version
     * @param window   the window, in bars
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path counterJar(Path file, String pluginId, String version, int window) throws IOException {
        return jar(file, Map.of("Plugin-Id", pluginId, "Plugin-Version", version, "Plugin-Requires", ">=0.1.0"),
                Map.of("META-INF/services/io.quantplug.api.strategy.StrategyProvider",
                        CounterStrategyProvider.class.getName() + "\n",
                        "counter.properties", "id=" + pluginId + "\nversion=" + version + "\nwindow=" + window + "\n"),
                withNested(CounterStrategyProvider.class));
    }

    /** A class and its nested classes, to pack together. */
    private static Class<?>[] withNested(Class<?> c) {
        Class<?>[] nested = c.getDeclaredClasses();
        Class<?>[] all = new Class<?>[nested.length + 1];
        all[0] = c;
        System.arraycopy(nested, 0, all, 1, nested.length);
        return all;
    }

    /**
     * A plugin jar of {@link GuardRuleProvider}: plugin {@code guard} at {@code version}, with risk rule id
     * {@code guard}.
     *
     * @param file    where
     * @param version the Plugin-Version and the rule's version label
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path guardJar(Path file, String version) throws IOException {
        return jar(file, Map.of("Plugin-Id", "guard", "Plugin-Version", version, "Plugin-Requires", ">=0.1.0"),
                Map.of("META-INF/services/io.quantplug.api.risk.RiskRuleProvider",
                        GuardRuleProvider.class.getName() + "\n", "guard.properties", "version=" + version + "\n"),
                withNested(GuardRuleProvider.class));
    }

    /** The provider file listing {@code EchoStrategyProvider}. */
    public static final Map<String, String> ECHO_SERVICE = Map.of(
            "META-INF/services/io.quantplug.api.strategy.StrategyProvider",
            "io.quantplug.runtime.plugin.testplugin.EchoStrategyProvider\n");
}
