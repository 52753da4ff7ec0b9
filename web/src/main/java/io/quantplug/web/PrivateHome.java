package io.quantplug.web;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the Quantplug home private to the user running the server: it holds the embedded database with the users'
 * password hashes, uploaded data sets and plugin jars. Folders become {@code rwx------} (0700) and files
 * {@code rw-------} (0600); symbolic links are not followed. On a file system without POSIX permissions nothing
 * changes. Files written later by the server are created 0600 where the server creates them itself (uploads are
 * temporary files, which the JDK creates 0600).
 */
final class PrivateHome {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateHome.class);
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateHome() {
    }

    /**
     * Restricts a home folder and everything below it.
     *
     * @param home the folder
     * @return how many entries were changed
     */
    static int restrict(Path home) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.isDirectory(home)) {
            return 0;
        }
        int changed = 0;
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE;
                if (!Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                    Files.setPosixFilePermissions(p, wanted);
                    changed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot make the home {} private to its owner: {}", home, e.getMessage());
        }
        return changed;
    }
}
