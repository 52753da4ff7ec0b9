package io.quantplug.app.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each channel delivers to a local server started here, and the payload it sent is what the service documents. */
class AlertChannelsTest {

    static final String TELEGRAM_TOKEN = "123456:AAH-test-bot-token";
    static final String SLACK_TOKEN = "xoxb-test-slack-token";
    static final Alert REJECTED = new Alert(AlertKind.ORDER_REJECTED, 1_723_075_200_000L,
            "paper sma-crossover BTCUSDT 1m", "BTCUSDT.BINANCE",
            "order sma-1 of sma-crossover rejected by RISK_RULE max-notional: MAX_ORDER_NOTIONAL: 1500 > 1000",
            "RISK_RULE|max-notional|MAX_ORDER_NOTIONAL");

    @TempDir
    Path home;
    LocalHttpServer server;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    List<AlertChannel> channels(String yaml, Map<String, String> env) throws Exception {
        Path file = home.resolve(AlertsFile.FILE_NAME);
        Files.writeString(file, yaml.replace("${server}", server.url()));
        return AlertsFile.read(file).openChannels(file, env);
    }

    AlertChannel channel(String yaml, Map<String, String> env) throws Exception {
        return channels(yaml, env).get(0);
    }

    @Test
    void webhookPostsTheAlertAsJsonWithItsBearerToken() throws Exception {
        try (AlertChannel c = channel("""
                channels:
                  - {name: ops, type: webhook, url: "${server}/hook", bearerToken: {env: HOOK_TOKEN}}
                """, Map.of("HOOK_TOKEN", "hook-secret"))) {
            c.send(REJECTED);
        }
        LocalHttpServer.Request r = server.requests("/hook").get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("Authorization")).isEqualTo("Bearer hook-secret");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("kind").asText()).isEqualTo("ORDER_REJECTED");
        assertThat(body.get("instrument").asText()).isEqualTo("BTCUSDT.BINANCE");
        assertThat(body.get("time").asText()).isEqualTo("2024-08-08T00:00:00Z");
        assertThat(body.get("timeMillis").asLong()).isEqualTo(1_723_075_200_000L);
        assertThat(body.get("session").asText()).isEqualTo("paper sma-crossover BTCUSDT 1m");
        assertThat(body.get("message").asText()).isEqualTo(REJECTED.message());
        assertThat(body.get("text").asText()).contains("ORDER_REJECTED", "BTCUSDT.BINANCE", "MAX_ORDER_NOTIONAL");
    }

    @Test
    void telegramCallsSendMessageWithTheChatIdAndText() throws Exception {
        server.answer("/bot" + TELEGRAM_TOKEN + "/sendMessage", 200,
                "{\"ok\":true,\"result\":{\"message_id\":7,\"chat\":{\"id\":-1001234567890}}}");
        try (AlertChannel c = channel("""
                channels:
                  - {name: tg, type: telegram, token: {env: TG_TOKEN}, chatId: "-1001234567890", baseUrl: "${server}/"}
                """, Map.of("TG_TOKEN", TELEGRAM_TOKEN))) {
            c.send(REJECTED);
        }
        List<LocalHttpServer.Request> got = server.requests("/bot" + TELEGRAM_TOKEN + "/sendMessage");
        assertThat(got).hasSize(1);
        JsonNode body = json.readTree(got.get(0).body());
        assertThat(body.get("chat_id").asText()).isEqualTo("-1001234567890");
        assertThat(body.get("text").asText()).contains("ORDER_REJECTED", "BTCUSDT.BINANCE", REJECTED.message());
    }

    @Test
    void telegramRefusalIsAnErrorWithTheTokenMasked() throws Exception {
        server.answer("/bot" + TELEGRAM_TOKEN + "/sendMessage", 401,
                "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        try (AlertChannel c = channel("""
                channels:
                  - {name: tg, type: telegram, token: {env: TG_TOKEN}, chatId: "42", baseUrl: "${server}"}
                """, Map.of("TG_TOKEN", TELEGRAM_TOKEN))) {
            assertThatThrownBy(() -> c.send(REJECTED)).isInstanceOf(AlertDeliveryException.class)
                    .hasMessageContaining("channel 'tg'").hasMessageContaining("/bot***/sendMessage")
                    .hasMessageContaining("HTTP 401").hasMessageContaining("Unauthorized")
                    .message().doesNotContain(TELEGRAM_TOKEN).doesNotContain("AAH-test");
        }
    }

    @Test
    void unreachableTelegramIsAnErrorWithTheTokenMasked() throws Exception {
        String dead = server.url();
        server.close();
        Path file = home.resolve(AlertsFile.FILE_NAME);
        Files.writeString(file, "channels:\n  - {name: tg, type: telegram, token: {file: tg.token}, chatId: \"42\","
                + " baseUrl: \"" + dead + "\"}\n");
        Files.writeString(home.resolve("tg.token"), TELEGRAM_TOKEN + "\n");
        try (AlertChannel c = AlertsFile.read(file).openChannels(file, Map.of()).get(0)) {
            assertThatThrownBy(() -> c.send(REJECTED)).isInstanceOf(AlertDeliveryException.class)
                    .hasMessageContaining("channel 'tg'").hasMessageContaining("ConnectException")
                    .message().doesNotContain(TELEGRAM_TOKEN);
        }
        server = new LocalHttpServer();
    }

    @Test
    void slackIncomingWebhookGetsTheTextAsJson() throws Exception {
        try (AlertChannel c = channel("""
                channels:
                  - {name: slack, type: slack, webhookUrl: {env: SLACK_HOOK}}
                """, Map.of("SLACK_HOOK", server.url() + "/services/T000/B000/XXXX"))) {
            c.send(REJECTED);
        }
        LocalHttpServer.Request r = server.requests("/services/T000/B000/XXXX").get(0);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("text").asText()).contains("ORDER_REJECTED", "BTCUSDT.BINANCE", REJECTED.message());
    }

    @Test
    void slackChatPostMessageSendsChannelAndTextWithTheBotToken() throws Exception {
        server.answer("/api/chat.postMessage", 200, "{\"ok\":true,\"channel\":\"C024BE91L\",\"ts\":\"1.000\"}");
        try (AlertChannel c = channel("""
                channels:
                  - {name: slack, type: slack, token: {env: SLACK_TOKEN}, channel: "#alerts", baseUrl: "${server}"}
                """, Map.of("SLACK_TOKEN", SLACK_TOKEN))) {
            c.send(REJECTED);
        }
        LocalHttpServer.Request r = server.requests("/api/chat.postMessage").get(0);
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + SLACK_TOKEN);
        Map<String, String> form = Arrays.stream(r.body().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(form.get("channel")).isEqualTo("#alerts");
        assertThat(form.get("text")).contains("ORDER_REJECTED", "BTCUSDT.BINANCE", REJECTED.message());
    }

    @Test
    void slackErrorIsReportedWithoutTheToken() throws Exception {
        server.answer("/api/chat.postMessage", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
        try (AlertChannel c = channel("""
                channels:
                  - {name: slack, type: slack, token: {env: SLACK_TOKEN}, channel: "#nowhere", baseUrl: "${server}"}
                """, Map.of("SLACK_TOKEN", SLACK_TOKEN))) {
            assertThatThrownBy(() -> c.send(REJECTED)).isInstanceOf(AlertDeliveryException.class)
                    .hasMessageContaining("channel_not_found").message().doesNotContain(SLACK_TOKEN);
        }
    }

    @Test
    void emailIsDeliveredOverSmtpWithSubjectAndRecipients() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            smtp.setUser("alerts@example.com", "alerts", "smtp-secret");
            Path file = home.resolve(AlertsFile.FILE_NAME);
            Files.writeString(file, "channels:\n  - name: mail\n    type: email\n    host: 127.0.0.1\n    port: "
                    + smtp.getSmtp().getPort() + "\n    transport: smtp\n    username: alerts\n"
                    + "    password: {env: SMTP_PASSWORD}\n    from: alerts@example.com\n"
                    + "    to: [trader@example.com, ops@example.com]\n");
            try (AlertChannel c = AlertsFile.read(file).openChannels(file, Map.of("SMTP_PASSWORD", "smtp-secret"))
                    .get(0)) {
                c.send(REJECTED);
            }
            MimeMessage[] got = smtp.getReceivedMessages();
            assertThat(got).hasSize(2); // one copy per recipient's mailbox
            assertThat(got[0].getSubject()).isEqualTo("[quantplug] ORDER_REJECTED BTCUSDT.BINANCE");
            assertThat(Arrays.stream(got[0].getRecipients(Message.RecipientType.TO)).map(Object::toString))
                    .containsExactly("trader@example.com", "ops@example.com");
            assertThat(GreenMailUtil.getBody(got[0])).contains(REJECTED.message().substring(0, 40));
        } finally {
            smtp.stop();
        }
    }
}
