package io.quantplug.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Who and where this process is, without a DNS look-up (which can hang on a machine without a resolver). */
final class ProcessIdentity {

    private static final String HOST = findHost();

    private ProcessIdentity() {
    }

    static String host() {
        return HOST;
    }

    static String user() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "unknown" : u;
    }

    /**
     * Whether the process that started a run at {@code runCreated} still lives: a process with that pid exists and
     * started no later than the run (a later start is another process reusing the pid).
     */
    static boolean alive(long pid, Instant runCreated) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = p.get().info().startInstant();
        return started.isEmpty() || !started.get().isAfter(runCreated.plusSeconds(1));
    }

    private static String findHost() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String h = Files.readString(Path.of(file)).strip();
                if (!h.isEmpty()) {
                    return h;
                }
            } catch (IOException | RuntimeException ignored) {
                // next source
            }
        }
        return "localhost";
    }
}
