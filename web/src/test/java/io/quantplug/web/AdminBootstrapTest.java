package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.auth.AdminBootstrap;
import io.quantplug.web.auth.Passwords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start: no default password, a random one shown once, or the one from the environment. */
class AdminBootstrapTest {

    @Test
    void withoutTheVariableARandomPasswordIsShownOnceAndStoredAsABcryptHashOfCostTwelve(@TempDir Path home) {
        try (Store store = Store.open(DatabaseSettings.resolve(null, home, Map.of()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(AdminBootstrap.ensureAdmin(store, Map.of(), new PrintStream(out, true,
                    StandardCharsets.UTF_8))).isTrue();
            String text = out.toString(StandardCharsets.UTF_8);
            String password = text.substring(text.indexOf("password ") + 9, text.indexOf('\n')).strip();
            assertThat(password).hasSize(24).matches("[A-Za-z0-9_-]+");
            String hash = store.users().find("admin").orElseThrow().passwordHash();
            assertThat(hash).startsWith("$2a$12$").doesNotContain(password);
            assertThat(Passwords.verify(password, hash)).isTrue();

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertThat(AdminBootstrap.ensureAdmin(store, Map.of(), new PrintStream(again, true,
                    StandardCharsets.UTF_8))).isFalse();
            assertThat(again.size()).as("shown only at the first start").isZero();
            assertThat(store.audit().page(0, 10).get(0).details()).doesNotContain(password);
        }
    }

    @Test
    void thePasswordFromTheEnvironmentIsUsedAndNeverPrinted(@TempDir Path home) {
        try (Store store = Store.open(DatabaseSettings.resolve(null, home, Map.of()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AdminBootstrap.ensureAdmin(store, Map.of(AdminBootstrap.PASSWORD_ENV, "from the environment"),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("from the environment");
            assertThat(Passwords.verify("from the environment",
                    store.users().find("admin").orElseThrow().passwordHash())).isTrue();
        }
    }

    @Test
    void aTooShortPasswordInTheEnvironmentIsRefusedAndNoUserIsCreated(@TempDir Path home) {
        try (Store store = Store.open(DatabaseSettings.resolve(null, home, Map.of()))) {
            assertThatThrownBy(() -> AdminBootstrap.ensureAdmin(store, Map.of(AdminBootstrap.PASSWORD_ENV,
                    "admin"), System.out)).hasMessageContaining("QUANTPLUG_ADMIN_PASSWORD")
                    .hasMessageContaining("at least 12");
            assertThat(store.users().find("admin")).isEmpty();
        }
    }
}
