package io.quantplug.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin working directories left by a killed process are deleted; those of live processes are kept. */
class PluginWorkDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void directoriesOfEndedProcessesAreDeletedAndLiveOnesKept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path stale = owned(tmp.resolve(PluginWorkDirectory.PREFIX + "stale"), ended.pid());
        Files.writeString(Files.createDirectories(stale.resolve("sub")).resolve("1-x.jar"), "copy");
        Path live = owned(tmp.resolve(PluginWorkDirectory.PREFIX + "live"), ProcessHandle.current().pid());
        Path unowned = Files.createDirectories(tmp.resolve(PluginWorkDirectory.PREFIX + "unowned"));
        Path other = owned(tmp.resolve("something-else"), ended.pid());

        assertThat(PluginWorkDirectory.sweep(tmp, null)).isEqualTo(1);

        assertThat(stale).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(unowned).isDirectory();
        assertThat(other).isDirectory();
    }

    @Test
    void aNewDirectoryNamesItsOwner() throws IOException {
        Path work = PluginWorkDirectory.create();
        try {
            assertThat(Files.readString(work.resolve(PluginWorkDirectory.OWNER)))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        } finally {
            Files.delete(work.resolve(PluginWorkDirectory.OWNER));
            Files.delete(work);
        }
    }

    private static Path owned(Path dir, long pid) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PluginWorkDirectory.OWNER), Long.toString(pid));
        return dir;
    }
}
