package io.quantplug.runtime.plugin;

import io.quantplug.api.ApiVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which extensions each plugin jar provides, remembered from the last time the jar was started, so that a command
 * starts only the plugins whose extensions it uses ({@link #open}): a backtest of {@code sma-crossover} starts that
 * one plugin instead of all of them.
 *
 * <p>The index is a text file (in the Quantplug home), one line per jar that started: its absolute path, size,
 * modification time, SHA-256, plugin id, version and extension keys. A jar counts as known while its size and
 * modification time are those recorded; the content is not hashed again, because hashing every jar of the
 * distribution (12 MB) costs 130 ms of a command's start-up. Whenever a jar of the directory is not known (new,
 * changed, or refused or failed last time), or the known jars repeat a plugin id or an extension id, or a needed
 * extension is in no known jar, {@link #open} starts every plugin as {@link PluginHost#open(Path)} does, so a broken
 * jar is still refused, an unknown id is still answered with the full list of ids, and the index learns the new
 * jars. The file is a cache: when it cannot be read or written it is ignored.
 *
 * <p>Not thread-safe; two processes writing it at once leave the last one's (complete) file.
 */
public final class PluginIndex {

    private static final Logger LOG = LoggerFactory.getLogger(PluginIndex.class);
    private static final String HEADER = "# quantplug plugin index 1: path, size, modified ms, sha256, id, version,"
            + " extensions";

    private final Path file;

    /**
     * What is remembered of one jar.
     *
     * @param size       its size, bytes
     * @param modified   its modification time, ms since the epoch
     * @param sha256     its SHA-256, lower-case hex
     * @param pluginId   its {@code Plugin-Id}
     * @param version    its {@code Plugin-Version}
     * @param extensions the extensions it provided when started
     */
    record Entry(long size, long modified, String sha256, String pluginId, String version,
                 Set<ExtensionKey> extensions) {
    }

    /**
     * An index kept in a file.
     *
     * @param file the index file, e.g. {@code ~/.quantplug/cache/plugins.idx}; created (with its folder) when first
     *             written
     */
    public PluginIndex(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Loads and starts the plugins of a directory that provide the needed extensions, or every plugin when the index
     * cannot tell (see the class comment), and remembers what the started jars provide.
     *
     * @param directory the plugins directory
     * @param needed    the extensions the command uses
     * @return the host, holding the plugins started
     * @throws PluginLoadException as {@link PluginHost#open(Path)}
     */
    public PluginHost open(Path directory, Collection<ExtensionKey> needed) {
        Objects.requireNonNull(needed, "needed");
        if (!Files.isDirectory(directory)) {
            return PluginHost.open(directory); // names the problem
        }
        List<Path> jars = PluginHost.jarsIn(directory).stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Map<Path, BasicFileAttributes> stats = new LinkedHashMap<>();
        for (Path jar : jars) {
            stats.put(jar, stat(jar));
        }
        Map<Path, Entry> entries = read();
        List<Path> selected = select(jars, stats, entries, Set.copyOf(needed));
        PluginHost host = PluginHost.open(directory, ApiVersion.CURRENT, selected);
        LOG.debug("plugins: {} of {} jar(s) started for {}", selected.size(), jars.size(), needed);
        if (remember(host, jars, stats, entries)) {
            write(entries);
        }
        return host;
    }

    /** The jars to start: those providing a needed extension when every jar is known, else all of them. */
    static List<Path> select(List<Path> jars, Map<Path, BasicFileAttributes> stats, Map<Path, Entry> entries,
                             Set<ExtensionKey> needed) {
        Set<String> ids = new HashSet<>();
        Set<ExtensionKey> provided = new HashSet<>();
        List<Path> selected = new ArrayList<>();
        for (Path jar : jars) {
            Entry e = entries.get(jar);
            if (!matches(e, stats.get(jar)) || !ids.add(e.pluginId())) {
                return jars;
            }
            boolean wanted = false;
            for (ExtensionKey k : e.extensions()) {
                if (!provided.add(k)) {
                    return jars;
                }
                wanted |= needed.contains(k);
            }
            if (wanted) {
                selected.add(jar);
            }
        }
        return provided.containsAll(needed) ? selected : jars;
    }

    private static boolean matches(Entry e, BasicFileAttributes stat) {
        return e != null && stat != null && e.size() == stat.size()
                && e.modified() == stat.lastModifiedTime().toMillis();
    }

    /** Records the jars the host started, forgets the directory's others; whether anything changed. */
    private static boolean remember(PluginHost host, List<Path> jars, Map<Path, BasicFileAttributes> stats,
                                    Map<Path, Entry> entries) {
        Map<Path, Entry> before = Map.copyOf(entries);
        Path dir = host.directory().toAbsolutePath().normalize();
        entries.keySet().removeIf(p -> dir.equals(p.getParent()) && !jars.contains(p));
        for (PluginInfo p : host.plugins()) {
            Path jar = p.file().toAbsolutePath().normalize();
            BasicFileAttributes stat = stats.get(jar);
            String sha = p.status() == PluginStatus.STARTED && stat != null ? host.sha256(p) : null;
            if (sha == null) {
                entries.remove(jar);
            } else {
                entries.put(jar, new Entry(stat.size(), stat.lastModifiedTime().toMillis(), sha, p.id(),
                        p.version(), Set.copyOf(p.extensions().stream().map(ExtensionKey::of).toList())));
            }
        }
        return !before.equals(entries);
    }

    private static BasicFileAttributes stat(Path jar) {
        try {
            return Files.readAttributes(jar, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The index as last written, by jar.
     *
     * @return the entries; empty when the file is missing or unreadable
     */
    Map<Path, Entry> read() {
        Map<Path, Entry> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<ExtensionKey> keys = new ArrayList<>();
                for (String k : f[6].split(",")) {
                    if (!k.isEmpty()) {
                        keys.add(ExtensionKey.parse(k));
                    }
                }
                out.put(Path.of(f[0]), new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4], f[5],
                        Set.copyOf(keys)));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            LOG.debug("plugin index {} ignored: {}", file, e.toString());
            return new LinkedHashMap<>();
        }
    }

    private void write(Map<Path, Entry> entries) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((jar, e) -> text.append(jar).append('\t').append(e.size()).append('\t')
                .append(e.modified()).append('\t').append(e.sha256()).append('\t').append(e.pluginId()).append('\t')
                .append(e.version()).append('\t')
                .append(String.join(",", e.extensions().stream().map(ExtensionKey::toString).sorted().toList()))
                .append('\n'));
        Path temp = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            temp = Files.createTempFile(file.toAbsolutePath().getParent(), "plugins", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.debug("plugin index {} not written: {}", file, e.toString());
            if (temp != null) {
                PluginBuild.deleteQuietly(temp);
            }
        }
    }
}
