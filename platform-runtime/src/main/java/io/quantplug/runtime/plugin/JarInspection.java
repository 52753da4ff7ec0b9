package io.quantplug.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

/**
 * Reads a candidate plugin jar before PF4J does, to refuse it with a precise reason: not a jar, no manifest, no
 * {@code Plugin-Id}, or bundling the Quantplug API (which would make its classes clash with the host's: the plugin
 * would load but expose no extensions).
 *
 * @param id       the {@code Plugin-Id}, or null when refused before it was read
 * @param version  the {@code Plugin-Version}, or empty
 * @param requires the {@code Plugin-Requires}, or empty
 * @param problem  why the jar cannot be a plugin, or null
 */
public record JarInspection(String id, String version, String requires, String problem) {

    private static final String API_PACKAGE = "io/quantplug/api/";

    /**
     * Reads a jar's manifest and entries.
     *
     * @param jar the file
     * @return what it is, with {@code problem} set when it cannot be a plugin
     */
    public static JarInspection of(Path jar) {
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            return refused(null, "not a readable file");
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest manifest = jf.getManifest();
            if (manifest == null) {
                return refused(null, "not a plugin: the jar has no META-INF/MANIFEST.MF");
            }
            Attributes a = manifest.getMainAttributes();
            String id = trim(a.getValue("Plugin-Id"));
            String version = trim(a.getValue("Plugin-Version"));
            String requires = trim(a.getValue("Plugin-Requires"));
            if (id.isEmpty()) {
                return refused(null, "not a plugin: its manifest has no Plugin-Id");
            }
            if (version.isEmpty()) {
                return new JarInspection(id, version, requires, "its manifest has no Plugin-Version");
            }
            Enumeration<JarEntry> entries = jf.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(API_PACKAGE) && name.endsWith(".class")) {
                    return new JarInspection(id, version, requires, "it bundles the Quantplug API (" + name
                            + "), whose classes would clash with the runtime's; declare platform-api with scope"
                            + " 'provided'");
                }
            }
            return new JarInspection(id, version, requires, null);
        } catch (ZipException e) {
            return refused(null, "not a valid jar (" + e.getMessage() + ")");
        } catch (IOException | SecurityException e) {
            return refused(null, "cannot be read as a jar (" + e.getMessage() + ")");
        }
    }

    private static JarInspection refused(String id, String problem) {
        return new JarInspection(id, "", "", problem);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
