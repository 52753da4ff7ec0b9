package io.quantplug.runtime.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the host knows of one plugin jar.
 *
 * @param id         the {@code Plugin-Id}, or the file name when the jar was refused before its id was read
 * @param version    the {@code Plugin-Version}, or empty when unknown
 * @param requires   the {@code Plugin-Requires} API range, or empty when none is declared
 * @param status     its status
 * @param file       the jar
 * @param extensions the extensions it contributes (empty unless started)
 * @param problem    why it was refused or failed, or null
 */
public record PluginInfo(String id, String version, String requires, PluginStatus status, Path file,
                         List<ExtensionInfo> extensions, String problem) {

    /**
     * Copies the extension list.
     *
     * @param id the {@code Plugin-Id}, or the file name when the jar was refused before its id was read
     * @param version the {@code Plugin-Version}, or empty when unknown
     * @param requires the {@code Plugin-Requires} API range, or empty when none is declared
     * @param status its status
     * @param file the jar
     * @param extensions the extensions it contributes (empty unless started)
     * @param problem why it was refused or failed, or null
     */
    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(file, "file");
        extensions = List.copyOf(extensions);
    }
}
