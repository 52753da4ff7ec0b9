package io.quantplug.cli;

import io.quantplug.app.alerts.LocalHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quantplug alerts test} sends one test alert per channel and reports each one. */
class AlertsCommandTest {

    @TempDir
    Path home;

    @Test
    void reportsEachChannelOkOrFailedWithoutItsSecret() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.answer("/botsecret-bot-token/sendMessage", 401, "{\"ok\":false,\"description\":\"Unauthorized\"}");
            Files.writeString(home.resolve("tg.token"), "secret-bot-token\n");
            Files.writeString(home.resolve("alerts.yaml"), """
                    channels:
                      - {name: ops, type: webhook, url: "%1$s/hook", kinds: [CIRCUIT_BREAKER]}
                      - {name: tg, type: telegram, token: {file: tg.token}, chatId: "42", baseUrl: "%1$s"}
                    """.formatted(server.url()));
            CliRun run = CliRun.of("alerts", "test", "--home", home.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(QuantplugCli.ALERT_NOT_DELIVERED);
            assertThat(run.out()).contains("2 channels", "  ops: OK",
                    "  tg: FAILED: channel 'tg': POST " + server.url() + "/bot***/sendMessage answered HTTP 401");
            assertThat(run.out() + run.err()).doesNotContain("secret-bot-token");
            // the test alert passes every channel's kinds filter
            assertThat(server.requests("/hook")).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("\"kind\":\"TEST\""));
        }
    }

    @Test
    void withoutAlertsYamlItSaysWhereTheFileBelongs() {
        CliRun run = CliRun.of("alerts", "test", "--home", home.toString());
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.err()).contains("no alerts configured: " + home.resolve("alerts.yaml") + " does not exist");
    }
}
