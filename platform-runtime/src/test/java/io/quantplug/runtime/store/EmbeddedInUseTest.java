package io.quantplug.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded database held open by another process (as a running {@code quantplug serve} holds its home's) is
 * refused with what to do about it, not only H2's "file is locked".
 */
class EmbeddedInUseTest {

    @TempDir
    Path home;

    @Test
    void aDatabaseOpenInAnotherProcessSaysWhatToDo() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(home);
        Store.open(settings).close(); // migrated
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), settings.url()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("OPEN");
            assertThatThrownBy(() -> Store.open(settings)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("cannot connect to the database " + settings.maskedUrl())
                    .hasMessageContaining("The embedded database is open in another process (a running 'quantplug"
                            + " serve', or another command on the same home): stop that process, run this one with"
                            + " --no-store, or let them share a PostgreSQL database (--db or QUANTPLUG_DB_URL)");
        } finally {
            holder.destroy();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try (Store again = Store.open(settings)) { // free again once the other process is gone
            assertThat(again.runs().list()).isEmpty();
        }
    }

    /** The other process: opens the database, says {@code OPEN}, and holds it until it is killed. */
    public static final class Holder {

        private Holder() {
        }

        /**
         * Holds the database.
         *
         * @param args the JDBC URL
         * @throws Exception never expected
         */
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0])) {
                System.out.println(c.isValid(5) ? "OPEN" : "NOT OPEN");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }
}
