package io.quantplug.runtime.plugin;

import io.quantplug.api.ApiVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Loads plugin jars with PF4J, keeps them loaded, started and swappable, and indexes their extensions.
 *
 * <p>{@link #open} loads each {@code *.jar} of a directory (not its subdirectories) in file-name order. Afterwards
 * plugins are {@linkplain #load loaded}, {@linkplain #replace replaced} by another build, {@linkplain #unload
 * unloaded}, {@linkplain #disable disabled} and {@linkplain #enable enabled} one at a time while the others keep
 * running; a {@link PluginDirectoryWatcher} drives the same operations from the directory. A jar that cannot be used
 * is recorded as {@link PluginStatus#REFUSED} or {@link PluginStatus#FAILED} with the reason, and nothing else
 * changes: a plugin that is not a jar, has no {@code Plugin-Id}, bundles the API, requires an API range that excludes
 * the runtime's, repeats another plugin's id from another file, throws on start, or contributes no extension (or an
 * extension id another plugin already has). A failed replacement leaves the previous version started.
 *
 * <p>Each plugin is a {@link PluginBuild}: a PF4J manager and class loader of its own, loading a private copy of its
 * jar (in a working directory deleted on {@link #close}): the old and the new version of a plugin can be loaded side
 * by side during a swap, and overwriting or deleting the jar in the plugins directory never disturbs the version
 * that runs. Unloading closes the class loader and deletes the copy, so nothing keeps the plugin's classes or its
 * file open. This class is the registry and its state changes; a build's loading is {@link PluginBuild}'s. It stays
 * over 400 lines for its public operations, each documented with its effect on the registry, the catalog and the
 * listeners, and all guarded by one lock.
 *
 * <p>Thread-safety: every method may be called from any thread; changes are serialised, and {@link #catalog()} and
 * {@link #plugins()} return immutable snapshots. Listeners run on the thread that made the change, while it holds the
 * host's lock, before a replaced or unloaded version's class loader is closed: a listener that uses the old
 * extensions (e.g. a session swapping its strategy instances) finishes with them before it returns, and must not
 * call the host's changing methods.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    /** The sub-folder of the plugins directory where the files of upgraded builds go. */
    public static final String RETIRED = "retired";

    /** Told of every change; see the class comment for the thread it runs on. */
    @FunctionalInterface
    public interface Listener {
        /**
         * A plugin changed.
         *
         * @param change what changed
         */
        void pluginChanged(PluginChange change);
    }

    private final Path directory;
    private final String apiVersion;
    private final Path workDirectory;
    /** Loaded, failed or disabled plugins, by plugin id. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Jars refused or failed without a plugin of their id running, by file. */
    private final Map<Path, PluginInfo> rejected = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long copies;
    private boolean closed;
    private volatile ExtensionCatalog catalog = ExtensionCatalog.of(List.of());
    private volatile List<PluginInfo> snapshot = List.of();

    /**
     * A plugin by id: what is known of it, the file it came from, its PF4J side while loaded, and the SHA-256 of the
     * bytes that build was loaded from (null when not loaded).
     */
    private record Entry(PluginInfo info, Path source, PluginBuild loaded, byte[] digest) {
        Entry(PluginInfo info, Path source, PluginBuild loaded) {
            this(info, source, loaded, null);
        }
    }

    private PluginHost(Path directory, String apiVersion, Path workDirectory) {
        this.directory = directory;
        this.apiVersion = apiVersion;
        this.workDirectory = workDirectory;
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
     * Loads and starts every plugin jar in a directory, against a given API version. Of two jars with the same
     * {@code Plugin-Id}, the second in file-name order is refused.
     *
     * @param directory  the plugins directory
     * @param apiVersion the API version plugins' {@code Plugin-Requires} is checked against
     * @return the host
     * @throws PluginLoadException when the directory does not exist or cannot be listed, or no working directory can
     *                             be made for the jars' copies
     */
    public static PluginHost open(Path directory, String apiVersion) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(apiVersion, "apiVersion");
        if (!Files.isDirectory(directory)) {
            throw new PluginLoadException("plugins directory " + directory + " does not exist or is not a directory");
        }
        return open(directory, apiVersion, jarsIn(directory));
    }

    /**
     * Loads and starts some jars of a plugins directory, in the given order ({@link PluginIndex} chooses them).
     *
     * @param directory  the plugins directory, which exists
     * @param apiVersion the API version plugins' {@code Plugin-Requires} is checked against
     * @param jars       the jars to load
     * @return the host
     * @throws PluginLoadException when no working directory can be made for the jars' copies
     */
    static PluginHost open(Path directory, String apiVersion, List<Path> jars) {
        Path work;
        try {
            work = PluginWorkDirectory.create();
        } catch (IOException e) {
            throw new PluginLoadException("cannot create a working directory for plugin jars: " + e.getMessage());
        }
        PluginHost host = new PluginHost(directory, apiVersion, work);
        for (Path jar : jars) {
            host.load(jar);
        }
        return host;
    }

    /**
     * The {@code *.jar} files of a directory, in file-name order.
     *
     * @param directory the directory
     * @return the jars
     * @throws PluginLoadException when the directory cannot be listed
     */
    static List<Path> jarsIn(Path directory) {
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(PluginHost::isJarName).sorted().toList();
        } catch (IOException e) {
            throw new PluginLoadException("cannot list plugins directory " + directory + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new PluginLoadException("cannot list plugins directory " + directory + ": "
                    + e.getCause().getMessage());
        }
    }

    static boolean isJarName(Path p) {
        return p.getFileName().toString().endsWith(".jar");
    }

    /**
     * Adds a listener of changes.
     *
     * @param listener the listener
     */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Loads and starts a jar. When the plugin of its id was loaded from the same file, this is a
     * {@linkplain #replace replacement} by the file's new contents (nothing happens when the file holds the very
     * bytes that run; an older {@code Plugin-Version} than the running one is refused: a downgrade is asked for
     * explicitly with {@link #install(Path, Path, boolean)}). When it was loaded from another file, a higher version
     * is an upgrade ({@code acme-1.0.1.jar} dropped beside {@code acme-1.0.0.jar}): it replaces the running build,
     * and the old file is moved to the {@value #RETIRED} sub-folder; the same or a lower version is refused.
     *
     * @param jar the jar
     * @return what became of it: {@link PluginStatus#STARTED}, or refused or failed with the reason (a replacement
     *         that fails leaves the previous version started)
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized PluginInfo load(Path jar) {
        Path source = jar.toAbsolutePath().normalize();
        JarInspection inspection = JarInspection.of(source);
        Entry current = inspection.id() == null ? loadedFrom(source) : entries.get(inspection.id());
        if (current != null && current.loaded != null && current.source.equals(source) && current.digest != null
                && java.util.Arrays.equals(current.digest, JarDigest.of(source))) {
            return current.info; // the same bytes again (e.g. a jar moved in by install): nothing to swap
        }
        if (current != null && current.info.status() != PluginStatus.DISABLED && inspection.problem() == null) {
            String older = PluginVersions.notNewer(inspection.version(), current.info.version());
            if (!current.source.equals(source)) {
                if (older != null || current.loaded == null) {
                    return reject(source, PluginBuild.refusal(inspection.id(), inspection, source, "plugin id '"
                            + inspection.id() + "' is already loaded from " + current.source.getFileName()
                            + (older == null ? "" : " (" + older + ")")), current);
                }
                PluginInfo upgraded = install(source, inspection, current);
                if (upgraded.status() == PluginStatus.STARTED) {
                    retireFile(current.source, upgraded);
                }
                return upgraded;
            }
            if (current.loaded != null && PluginVersions.isOlder(inspection.version(), current.info.version())) {
                return reject(source, PluginBuild.refusal(inspection.id(), inspection, source, "version "
                        + inspection.version() + " is older than the running " + current.info.version()
                        + "; a downgrade must be asked for (POST /api/plugins?downgrade=true)"), current);
            }
        }
        return install(source, inspection, current);
    }

    /**
     * Moves the file of a build that an upgrade replaced into the directory's {@value #RETIRED} folder (kept for a
     * roll-back; the watcher does not look into sub-folders).
     */
    private void retireFile(Path old, PluginInfo upgrade) {
        if (!old.startsWith(directory.toAbsolutePath().normalize())) {
            return;
        }
        try {
            Path retired = Files.createDirectories(directory.resolve(RETIRED));
            Files.move(old, retired.resolve(old.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LOG.info("plugin {}: {} retired to {}/ by {}", upgrade.id(), old.getFileName(), RETIRED,
                    upgrade.version());
        } catch (IOException e) {
            LOG.warn("plugin {}: cannot retire {}: {}", upgrade.id(), old.getFileName(), e.getMessage());
        }
    }

    /**
     * Replaces a plugin by the build in a jar (any file; it becomes the plugin's file). The new build is loaded and
     * started beside the old one; only when it is ready does the catalog switch, the listeners swap their instances,
     * and the old version unload. If the new build cannot be used, the old one stays started.
     *
     * @param pluginId the plugin to replace
     * @param jar      the new build; its {@code Plugin-Id} must be {@code pluginId}
     * @return the new build started, or refused or failed with the reason
     * @throws IllegalArgumentException when no plugin has that id
     * @throws IllegalStateException    after {@link #close()}
     */
    public synchronized PluginInfo replace(String pluginId, Path jar) {
        Entry current = entry(pluginId);
        Path source = jar.toAbsolutePath().normalize();
        JarInspection inspection = JarInspection.of(source);
        if (inspection.problem() == null && !pluginId.equals(inspection.id())) {
            return reject(source, PluginBuild.refusal(inspection.id(), inspection, source, "its Plugin-Id is '"
                    + inspection.id() + "', not '" + pluginId + "'"), current);
        }
        return install(source, inspection, current);
    }

    /**
     * Installs an uploaded build transactionally: the jar is loaded and started from where it was staged, beside the
     * version of its id that runs (if any); only when it has started is the staged file moved over {@code target}
     * (an atomic rename in the plugins directory) and made the plugin's file, and the old version retired as in
     * {@link #replace}. A build that cannot be used changes nothing: the old version keeps running from its
     * untouched file, no file is put into the plugins directory, and the refusal is answered but not listed (the
     * caller deletes the staged file).
     *
     * @param staged the uploaded jar, on the same file system as {@code target}
     * @param target where it goes in the plugins directory: the running version's file, or a new file
     * @return the new build started (its file is {@code target}), or refused or failed with the reason
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized PluginInfo install(Path staged, Path target) {
        return install(staged, target, false);
    }

    /**
     * {@link #install(Path, Path)}, optionally allowing a downgrade.
     *
     * @param staged    the uploaded jar, on the same file system as {@code target}
     * @param target    where it goes in the plugins directory
     * @param downgrade whether a build older than the running one may replace it (else it is refused)
     * @return the new build started, or refused or failed with the reason
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized PluginInfo install(Path staged, Path target, boolean downgrade) {
        if (closed) {
            throw new IllegalStateException("plugin host is closed");
        }
        Path source = staged.toAbsolutePath().normalize();
        Path file = target.toAbsolutePath().normalize();
        JarInspection inspection = JarInspection.of(source);
        Entry current = inspection.id() == null ? null : entries.get(inspection.id());
        if (!downgrade && current != null && current.loaded != null && inspection.problem() == null
                && PluginVersions.isOlder(inspection.version(), current.info.version())) {
            return PluginBuild.refusal(inspection.id(), inspection, file, "version " + inspection.version()
                    + " is older than the running " + current.info.version() + "; ask for a downgrade"
                    + " (POST /api/plugins?downgrade=true) to install it");
        }
        PluginBuild.Outcome outcome = PluginBuild.load(source, inspection,
                workDirectory.resolve(++copies + "-" + file.getFileName()), directory, apiVersion, owners(current));
        if (outcome.build() == null) {
            LOG.warn("uploaded plugin {} {}: {}{}", file.getFileName(), outcome.info().status().name()
                    .toLowerCase(java.util.Locale.ROOT), outcome.info().problem(), current == null
                    || current.loaded == null ? "" : "; " + current.info.version() + " keeps running");
            return outcome.info();
        }
        byte[] digest = JarDigest.of(source);
        try {
            Files.move(source, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            outcome.build().close();
            return PluginBuild.refusal(outcome.info().id(), inspection, file, "cannot move the upload into the"
                    + " plugins directory: " + e.getMessage());
        }
        PluginInfo o = outcome.info();
        PluginInfo started = new PluginInfo(o.id(), o.version(), o.requires(), o.status(), file, o.extensions(),
                o.problem());
        if (current != null && !current.source.equals(file) && current.source.startsWith(directory)) {
            PluginBuild.deleteQuietly(current.source); // the old build's file leaves with it
        }
        return started(started, file, outcome.build(), digest, current);
    }

    /**
     * Loads a plugin again from its file (e.g. after the file changed, or to restart a failed plugin).
     *
     * @param pluginId the plugin
     * @return what became of it
     * @throws IllegalArgumentException when no plugin has that id
     */
    public synchronized PluginInfo reload(String pluginId) {
        Entry current = entry(pluginId);
        return install(current.source, JarInspection.of(current.source), current);
    }

    /**
     * Stops and unloads a plugin and forgets it; its extensions leave the catalog.
     *
     * @param pluginId the plugin
     * @return what it was
     * @throws IllegalArgumentException when no plugin has that id
     */
    public synchronized PluginInfo unload(String pluginId) {
        Entry current = entry(pluginId);
        entries.remove(pluginId);
        retire(current, null);
        return current.info;
    }

    /**
     * Unloads whatever was loaded from a file (the file was deleted), and forgets a refusal of it.
     *
     * @param jar the file
     * @return the plugin unloaded, or null when none came from that file
     */
    public synchronized PluginInfo unloadFile(Path jar) {
        Path source = jar.toAbsolutePath().normalize();
        if (rejected.remove(source) != null) {
            publish();
        }
        for (Entry e : List.copyOf(entries.values())) {
            if (e.source.equals(source)) {
                return unload(e.info.id());
            }
        }
        return null;
    }

    /**
     * Stops and unloads a plugin but keeps it listed as {@link PluginStatus#DISABLED} until {@linkplain #enable
     * enabled}.
     *
     * @param pluginId the plugin
     * @return the disabled plugin
     * @throws IllegalArgumentException when no plugin has that id
     */
    public synchronized PluginInfo disable(String pluginId) {
        Entry current = entry(pluginId);
        if (current.info.status() == PluginStatus.DISABLED) {
            return current.info;
        }
        PluginInfo off = new PluginInfo(pluginId, current.info.version(), current.info.requires(),
                PluginStatus.DISABLED, current.source, List.of(), null);
        entries.put(pluginId, new Entry(off, current.source, null));
        retire(current, off);
        return off;
    }

    /**
     * Loads and starts a disabled or failed plugin from its file.
     *
     * @param pluginId the plugin
     * @return what became of it
     * @throws IllegalArgumentException when no plugin has that id
     */
    public synchronized PluginInfo enable(String pluginId) {
        Entry current = entry(pluginId);
        if (current.info.status() == PluginStatus.STARTED) {
            return current.info;
        }
        return install(current.source, JarInspection.of(current.source), current);
    }

    private Entry loadedFrom(Path source) {
        for (Entry e : entries.values()) {
            if (e.source.equals(source)) {
                return e;
            }
        }
        return null;
    }

    private Entry entry(String pluginId) {
        if (closed) {
            throw new IllegalStateException("plugin host is closed");
        }
        Entry e = entries.get(Objects.requireNonNull(pluginId, "pluginId"));
        if (e == null) {
            throw new IllegalArgumentException("no plugin '" + pluginId + "'; loaded: " + entries.keySet());
        }
        return e;
    }

    /**
     * Loads and starts a build; on success it takes the place of {@code current} (if any), which is retired after the
     * listeners have been told.
     */
    private PluginInfo install(Path source, JarInspection inspection, Entry current) {
        if (closed) {
            throw new IllegalStateException("plugin host is closed");
        }
        PluginBuild.Outcome outcome = PluginBuild.load(source, inspection,
                workDirectory.resolve(++copies + "-" + source.getFileName()), directory, apiVersion, owners(current));
        if (outcome.build() == null) {
            return reject(source, outcome.info(), current);
        }
        return started(outcome.info(), source, outcome.build(), JarDigest.of(source), current);
    }

    /** Which plugin owns each extension key, except {@code current}'s. */
    private Map<String, String> owners(Entry current) {
        Map<String, String> otherOwners = new HashMap<>();
        for (Entry e : entries.values()) {
            if (e != current) {
                e.info.extensions().forEach(x -> otherOwners.put(PluginBuild.key(x.kind(), x.id()), e.info.id()));
            }
        }
        return otherOwners;
    }

    /** Records a started build in {@code current}'s place, tells the listeners, then retires {@code current}. */
    private PluginInfo started(PluginInfo started, Path source, PluginBuild build, byte[] digest, Entry current) {
        entries.put(started.id(), new Entry(started, source, build, digest));
        rejected.remove(source);
        LOG.info("plugin {}@{} started with {} extension(s){}", started.id(), started.version(),
                started.extensions().size(),
                current == null || current.loaded == null ? "" : " in place of " + current.info.version());
        publish();
        if (current == null || current.loaded == null) {
            tell(new PluginChange(PluginChange.Kind.LOADED, current == null ? null : current.info, started));
        } else {
            tell(new PluginChange(PluginChange.Kind.REPLACED, current.info, started));
            current.loaded.close();
        }
        return started;
    }

    /** Records a jar that cannot be used; a started version of its id stays as it is. */
    private PluginInfo reject(Path source, PluginInfo info, Entry current) {
        boolean running = current != null && current.loaded != null;
        LOG.warn("plugin {} {}: {}{}", source.getFileName(), info.status().name().toLowerCase(), info.problem(),
                running ? "; " + current.info.id() + "@" + current.info.version() + " keeps running" : "");
        if (current != null && !running && current.info.id().equals(info.id())) {
            entries.put(info.id(), new Entry(info, current.source, null));
        } else if (current == null && info.status() == PluginStatus.FAILED) {
            entries.put(info.id(), new Entry(info, source, null)); // loadable, so it can be enabled or reloaded
        } else {
            rejected.put(source, info);
        }
        publish();
        tell(new PluginChange(PluginChange.Kind.FAILED, running ? current.info : null, info));
        return info;
    }

    /** Takes a plugin out: the catalog first, then the listeners, then its class loader. */
    private void retire(Entry current, PluginInfo after) {
        publish();
        if (current.loaded != null) {
            LOG.info("plugin {}@{} {}", current.info.id(), current.info.version(),
                    after == null ? "unloaded" : "disabled");
            tell(new PluginChange(PluginChange.Kind.UNLOADED, current.info, after));
            current.loaded.close();
        }
    }

    private void publish() {
        List<ExtensionInfo> extensions = new ArrayList<>();
        List<PluginInfo> all = new ArrayList<>();
        for (Entry e : entries.values()) {
            all.add(e.info);
            extensions.addAll(e.info.extensions());
        }
        all.addAll(rejected.values());
        all.sort(Comparator.comparing((PluginInfo p) -> p.file().getFileName().toString())
                .thenComparing(PluginInfo::id));
        snapshot = List.copyOf(all);
        catalog = ExtensionCatalog.of(extensions);
    }

    private void tell(PluginChange change) {
        for (Listener l : listeners) {
            try {
                l.pluginChanged(change);
            } catch (RuntimeException e) {
                LOG.error("plugin listener failed on {} of {}", change.kind(), change.pluginId(), e);
            }
        }
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
     * Every plugin and every jar refused or failed, in file-name order: one row per plugin id (started, failed or
     * disabled), plus one per file whose jar was refused or failed while no plugin of its id runs from it (a failed
     * replacement shows as such a row beside the version that keeps running).
     *
     * @return an immutable snapshot
     */
    public List<PluginInfo> plugins() {
        return snapshot;
    }

    /**
     * The SHA-256 of a plugin's jar, lower-case hex: the digest taken when the running build was started from that
     * file (so that recording the builds does not read every jar again), or of the file as it is now otherwise (a
     * refused or failed jar).
     *
     * @param plugin a row of {@link #plugins()}
     * @return the digest, or null when the file cannot be read
     */
    public synchronized String sha256(PluginInfo plugin) {
        Entry e = entries.get(plugin.id());
        byte[] digest = e != null && e.digest() != null && e.info().file().equals(plugin.file())
                && e.info().version().equals(plugin.version()) ? e.digest() : JarDigest.of(plugin.file());
        return digest == null ? null : java.util.HexFormat.of().formatHex(digest);
    }

    /**
     * The jars that were refused or failed.
     *
     * @return the plugins with a problem
     */
    public List<PluginInfo> problems() {
        return snapshot.stream().filter(p -> p.problem() != null).toList();
    }

    /**
     * The extensions of the started plugins.
     *
     * @return an immutable snapshot
     */
    public ExtensionCatalog catalog() {
        return catalog;
    }

    /**
     * Stops and unloads every plugin, in reverse load order, closing their class loaders and deleting the jar copies.
     * Listeners are not told. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Entry> loaded = new ArrayList<>(entries.values());
        Collections.reverse(loaded);
        entries.clear();
        rejected.clear();
        publish();
        for (Entry e : loaded) {
            if (e.loaded != null) {
                e.loaded.close();
            }
        }
        PluginBuild.deleteQuietly(workDirectory.resolve(PluginWorkDirectory.OWNER));
        PluginBuild.deleteQuietly(workDirectory);
    }
}
