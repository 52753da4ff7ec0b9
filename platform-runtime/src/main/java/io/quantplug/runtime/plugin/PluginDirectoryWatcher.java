package io.quantplug.runtime.plugin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Applies what happens in a plugins directory to a {@link PluginHost}: a new jar is loaded and started, a changed jar
 * replaces the version loaded from it (a hot swap), a deleted jar is unloaded.
 *
 * <p>A jar is acted on only when it is complete: when its size and modification time have not changed for the
 * settle interval. A jar moved in by an atomic rename (write {@code x.jar.tmp}, then rename it to {@code x.jar}) is
 * complete when it appears and waits one interval; one being copied in place keeps changing until the copy ends.
 * Files whose names do not end in {@code .jar} are ignored, so the temporary file of an atomic rename is not
 * picked up. When the operating system drops events (an overflow), the directory is compared with the host anew.
 *
 * <p>Threading: one daemon thread of its own, named {@code quantplug-plugin-watcher}, makes every change; the host
 * serialises them with its other callers. {@link #close()} stops the thread and may be called from any thread.
 */
public final class PluginDirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDirectoryWatcher.class);
    private static final long POLL_MILLIS = 50;

    /** Told of every change the watcher made to the host, on the watcher's thread. */
    @FunctionalInterface
    public interface Reporter {
        /**
         * The watcher changed the host because of a file.
         *
         * @param file   the jar in the plugins directory
         * @param before what the host had from that file or of that plugin id before, or null
         * @param after  what it has now (the plugin loaded, replaced, refused or failed), or null when unloaded
         */
        void changed(Path file, PluginInfo before, PluginInfo after);
    }

    private final PluginHost host;
    private final Reporter reporter;
    private final Path directory;
    private final long settleNanos;
    private final WatchService watchService;
    private final Thread thread;
    private final Map<Path, Observed> pending = new HashMap<>();

    /** The last size and modification time seen of a jar, and since when they have not changed. */
    private record Observed(long size, long modifiedMillis, long sinceNanos) {
    }

    private PluginDirectoryWatcher(PluginHost host, Duration settle, Reporter reporter) throws IOException {
        this.host = host;
        this.reporter = reporter;
        this.directory = host.directory().toAbsolutePath().normalize();
        this.settleNanos = settle.toNanos();
        this.watchService = directory.getFileSystem().newWatchService();
        directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "quantplug-plugin-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching the host's directory.
     *
     * @param host   the host whose {@link PluginHost#directory()} is watched
     * @param settle how long a jar's size and modification time must stay unchanged before it is used; at least
     *               zero, typically 500 ms
     * @return the running watcher
     * @throws IllegalArgumentException when {@code settle} is negative
     * @throws PluginLoadException      when the directory cannot be watched
     */
    public static PluginDirectoryWatcher start(PluginHost host, Duration settle) {
        return start(host, settle, (file, before, after) -> { });
    }

    /**
     * Starts watching the host's directory and reports each change it makes (e.g. to audit changes made through
     * the folder).
     *
     * @param host     the host whose {@link PluginHost#directory()} is watched
     * @param settle   how long a jar must stay unchanged before it is used; at least zero
     * @param reporter told of each change, on the watcher's thread
     * @return the running watcher
     * @throws IllegalArgumentException when {@code settle} is negative
     * @throws PluginLoadException      when the directory cannot be watched
     */
    public static PluginDirectoryWatcher start(PluginHost host, Duration settle, Reporter reporter) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reporter, "reporter");
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle must be at least 0, got " + settle);
        }
        PluginDirectoryWatcher w;
        try {
            w = new PluginDirectoryWatcher(host, settle, reporter);
        } catch (IOException e) {
            throw new PluginLoadException("cannot watch plugins directory " + host.directory() + ": "
                    + e.getMessage());
        }
        w.rescan(); // whatever changed between the host's first scan and the registration
        w.thread.start();
        return w;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            rescan();
                        } else {
                            onEvent(directory.resolve((Path) event.context()), event.kind());
                        }
                    }
                    if (!key.reset()) {
                        LOG.error("plugins directory {} can no longer be watched (deleted?)", directory);
                        return;
                    }
                }
                settle();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } catch (RuntimeException | Error e) {
            LOG.error("plugin directory watcher stopped", e);
        }
    }

    private void onEvent(Path file, WatchEvent.Kind<?> kind) {
        if (!PluginHost.isJarName(file)) {
            return;
        }
        if (kind == StandardWatchEventKinds.ENTRY_DELETE) {
            pending.remove(file);
            unload(file);
        } else {
            observe(file);
        }
    }

    /** Compares the directory with the host: every jar is looked at again, every vanished source unloaded. */
    private void rescan() {
        Set<Path> present = new HashSet<>();
        for (Path jar : PluginHost.jarsIn(directory)) {
            Path p = jar.toAbsolutePath().normalize();
            present.add(p);
            if (!known(p)) {
                observe(p);
            }
        }
        for (PluginInfo info : host.plugins()) {
            Path source = info.file().toAbsolutePath().normalize();
            if (source.startsWith(directory) && !present.contains(source)) {
                unload(source);
            }
        }
    }

    private boolean known(Path file) {
        for (PluginInfo info : host.plugins()) {
            if (info.file().toAbsolutePath().normalize().equals(file)) {
                return true;
            }
        }
        return false;
    }

    private void observe(Path file) {
        Observed seen = look(file, pending.get(file), System.nanoTime());
        if (seen == null) {
            pending.remove(file); // its delete event follows
        } else {
            pending.put(file, seen);
        }
    }

    /**
     * The file's size and modification time: {@code before} itself when they have not changed, a new observation
     * when they have, null when the file is gone.
     */
    private static Observed look(Path file, Observed before, long nowNanos) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = a.lastModifiedTime().toMillis();
            if (before != null && before.size == a.size() && before.modifiedMillis == modified) {
                return before;
            }
            return new Observed(a.size(), modified, nowNanos);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return before;
        }
    }

    /** Loads the pending jars that have not changed for the settle interval. */
    private void settle() {
        long now = System.nanoTime();
        List<Path> ready = new ArrayList<>();
        for (Iterator<Map.Entry<Path, Observed>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Observed> e = it.next();
            Observed seen = e.getValue();
            Observed current = look(e.getKey(), seen, now);
            if (current == null) {
                it.remove();
            } else if (current != seen) {
                e.setValue(current);
            } else if (now - seen.sinceNanos >= settleNanos) {
                it.remove();
                ready.add(e.getKey());
            }
        }
        for (Path file : ready) {
            PluginInfo before = of(file);
            PluginInfo info = host.load(file);
            if (info != before) {
                LOG.info("plugins directory: {} -> {}@{} {}", file.getFileName(), info.id(), info.version(),
                        info.status());
                report(file, before, info);
            }
        }
    }

    private void unload(Path file) {
        PluginInfo before = of(file);
        PluginInfo gone = host.unloadFile(file);
        if (gone != null || before != null) {
            report(file, gone != null ? gone : before, null);
        }
    }

    /** What the host lists from a file, or null. */
    private PluginInfo of(Path file) {
        Path f = file.toAbsolutePath().normalize();
        for (PluginInfo p : host.plugins()) {
            if (p.file().toAbsolutePath().normalize().equals(f)) {
                return p;
            }
        }
        return null;
    }

    private void report(Path file, PluginInfo before, PluginInfo after) {
        try {
            reporter.changed(file, before, after);
        } catch (RuntimeException e) {
            LOG.error("reporting the change of {} failed", file.getFileName(), e);
        }
    }

    /** Stops watching; waits up to a second for the thread to end. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            watchService.close();
            thread.join(1_000);
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
