package io.quantplug.runtime.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the database is, who signs in, and that no password ever reaches a message. */
class DatabaseSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void urlPasswordsAreMasked() {
        assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/q?user=quant&password=s3cr%21t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/q?user=quant&password=***&ssl=true");
        assertThat(Secrets.maskUrl("jdbc:postgresql://quant:s3cret@db/q"))
                .isEqualTo("jdbc:postgresql://quant:***@db/q");
        assertThat(Secrets.maskUrl("jdbc:h2:file:/x/db;USER=sa;PASSWORD=hunter2;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/x/db;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(Secrets.maskUrl("jdbc:postgresql://db/q")).isEqualTo("jdbc:postgresql://db/q");
        assertThat(Secrets.mask("FATAL: password hunter2 is wrong", "hunter2"))
                .isEqualTo("FATAL: password *** is wrong");
    }

    @Test
    void driverMessagesQuotingAUrlPasswordInAnotherFormAreMasked() {
        // pgjdbc takes "quant:s3cret@db" of this URL for the host name (its parseURL gives
        // PGHOST=quant:s3cret@db), and the connection's cause is then an UnknownHostException quoting it.
        DatabaseSettings s = DatabaseSettings.resolve("jdbc:postgresql://quant:s3cret@db/q?pwd=hunter2", tmp,
                Map.of());
        assertThat(s.mask("The connection attempt failed. java.net.UnknownHostException: quant:s3cret@db;"
                + " pwd hunter2")).isEqualTo("The connection attempt failed. java.net.UnknownHostException:"
                + " quant:***@db; pwd ***");
        assertThat(Secrets.passwordsIn("jdbc:postgresql://quant:s3cret@db/q?pwd=hunter2"))
                .containsExactly("hunter2", "s3cret");
    }

    @Test
    void defaultIsTheEmbeddedDatabaseOfTheHome() {
        DatabaseSettings s = DatabaseSettings.resolve(null, tmp, Map.of());
        assertThat(s.vendor()).isEqualTo(Vendor.H2);
        assertThat(s.url()).startsWith("jdbc:h2:file:" + tmp.toAbsolutePath().resolve("db").resolve("quantplug"))
                .contains("WRITE_DELAY=0");
    }

    @Test
    void optionBeatsEnvironmentAndPasswordComesFromASecretFile() throws IOException {
        Path secret = Files.writeString(tmp.resolve("pw"), "from-file\n");
        DatabaseSettings s = DatabaseSettings.resolve("jdbc:postgresql://db/q", tmp, Map.of(
                DatabaseSettings.URL_ENV, "jdbc:postgresql://other/q",
                DatabaseSettings.USER_ENV, "quant",
                DatabaseSettings.PASSWORD_FILE_ENV, secret.toString()));
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db/q");
        assertThat(s.user()).isEqualTo("quant");
        assertThat(s.password()).isEqualTo("from-file");
        assertThat(s.toString()).doesNotContain("from-file").contains("password=***");

        DatabaseSettings env = DatabaseSettings.resolve(null, tmp, Map.of(DatabaseSettings.URL_ENV,
                "jdbc:postgresql://other/q", DatabaseSettings.PASSWORD_ENV, "from-env"));
        assertThat(env.url()).isEqualTo("jdbc:postgresql://other/q");
        assertThat(env.password()).isEqualTo("from-env");
    }

    @Test
    void unsupportedUrlIsRefusedWithItsPasswordMasked() {
        assertThatThrownBy(() -> DatabaseSettings.resolve("jdbc:mysql://db/q?password=hunter2", tmp, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database URL jdbc:mysql://db/q?password=***: use jdbc:postgresql://HOST/DB"
                        + " or jdbc:h2:file:PATH");
    }

    @Test
    void unreachableDatabaseFailsFastWithAMaskedOneLineMessage() {
        DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/quantplug?password=hunter2",
                "quant", "hunter2");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Store.open(s))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot connect to the database jdbc:postgresql://127.0.0.1:1/quantplug"
                        + "?password=***: ")
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("Connection")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    }
}
