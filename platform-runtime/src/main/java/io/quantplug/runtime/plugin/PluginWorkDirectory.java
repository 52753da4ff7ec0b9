package io.quantplug.runtime.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working directory a {@link PluginHost} keeps its private jar copies in: {@code quantplug-plugins-*} under the
 * system's temporary directory, with an {@value #OWNER} file naming the process that made it. A server killed
 * before it could delete its directory leaves it behind; the next host to start deletes every such directory whose
 * owner process is gone (directories of running processes, and ones without an owner file, are left alone).
 *
 * <p>Called on the thread that opens the host; not thread-safe against another host sweeping at the same instant
 * (a directory deleted twice is harmless).
 */
final class PluginWorkDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PluginWorkDirectory.class);
    static final String PREFIX = "quantplug-plugins-";
    static final String OWNER = "owner.pid";

    private PluginWorkDirectory() {
    }

    /**
     * Deletes the stale directories, then makes a new one owned by this process.
     *
     * @return the new directory
     * @throws IOException when it cannot be made
     */
    static Path create() throws IOException {
        Path work = Files.createTempDirectory(PREFIX);
        sweep(work.getParent(), work);
        Files.writeString(work.resolve(OWNER), Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        return work;
    }

    /**
     * Deletes every {@code quantplug-plugins-*} directory in {@code parent} whose owner process has ended.
     *
     * @param parent where to look
     * @param keep   a directory never deleted (the caller's own)
     * @return how many were deleted
     */
    static int sweep(Path parent, Path keep) {
        int deleted = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (!dir.equals(keep) && Files.isDirectory(dir) && ownerGone(dir)) {
                    deleteTree(dir);
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot look for stale plugin copies in {}: {}", parent, e.getMessage());
        }
        if (deleted > 0) {
            LOG.info("deleted {} plugin working director{} left by ended processes", deleted,
                    deleted == 1 ? "y" : "ies");
        }
        return deleted;
    }

    private static boolean ownerGone(Path dir) {
        Path owner = dir.resolve(OWNER);
        if (!Files.isRegularFile(owner)) {
            return false;
        }
        try {
            long pid = Long.parseLong(Files.readString(owner, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(PluginBuild::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("cannot delete stale plugin copies {}: {}", dir, e.getMessage());
        }
    }
}
