package io.quantplug.runtime.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 of a jar's bytes, to tell a changed plugin file from the same bytes moved or touched. */
final class JarDigest {

    private JarDigest() {
    }

    /**
     * Hashes a file.
     *
     * @param jar the file
     * @return its SHA-256, or null when it cannot be read (then it counts as changed)
     */
    static byte[] of(Path jar) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
            return sha256.digest();
        } catch (IOException e) {
            return null;
        }
    }
}
