package io.quantplug.app.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.quantplug.app.alerts.LocalHttpServer.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Delivery off the caller's thread: kinds filters, de-duplication, rate limits, retries, and a full queue. */
class AlertDispatcherTest {

    @TempDir
    Path home;
    LocalHttpServer server;
    final MutableClock clock = new MutableClock(Instant.parse("2024-08-08T00:00:00Z"));
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    AlertDispatcher dispatcher(String yaml) throws Exception {
        Path file = home.resolve(AlertsFile.FILE_NAME);
        Files.writeString(file, yaml.replace("${server}", server.url()));
        return AlertsFile.read(file).openDispatcher(file, Map.of(), clock, 3, Duration.ofMillis(10));
    }

    static Alert alert(AlertKind kind, String source, String message) {
        return new Alert(kind, 0, "paper x BTCUSDT 1m", "BTCUSDT.BINANCE", message, source);
    }

    String message(LocalHttpServer.Request r) {
        try {
            return json.readTree(r.body()).get("message").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFlappingConditionIsSentOncePerIntervalWithTheRepeatsCounted() throws Exception {
        try (AlertDispatcher d = dispatcher("""
                minIntervalSeconds: 300
                channels:
                  - {name: hook, type: webhook, url: "${server}/hook"}
                """)) {
            for (int i = 1; i <= 5; i++) {
                d.publish(alert(AlertKind.DISCONNECT, "disconnected", "down #" + i));
            }
            d.publish(alert(AlertKind.DISCONNECT, "reconnected", "back")); // another condition: not suppressed
            await("two deliveries", () -> server.requests("/hook").size() == 2);
            clock.advance(Duration.ofSeconds(299));
            d.publish(alert(AlertKind.DISCONNECT, "disconnected", "down #6"));
            d.publish(alert(AlertKind.PLUGIN_FAULT, "marker", "marker")); // once sent, #6 was looked at
            await("the marker", () -> server.requests("/hook").size() == 3);
            clock.advance(Duration.ofSeconds(1));
            d.publish(alert(AlertKind.DISCONNECT, "disconnected", "down #7"));
            await("the fourth delivery", () -> server.requests("/hook").size() == 4);
        }
        assertThat(server.requests("/hook")).map(this::message).containsExactly("down #1", "back", "marker",
                "down #7 (5 similar alerts suppressed before this one)");
    }

    @Test
    void eachChannelTakesOnlyItsKindsAndAtMostMaxPerHour() throws Exception {
        try (AlertDispatcher d = dispatcher("""
                minIntervalSeconds: 0
                channels:
                  - {name: rejects, type: webhook, url: "${server}/rejects", kinds: [ORDER_REJECTED], maxPerHour: 2}
                  - {name: all, type: webhook, url: "${server}/all"}
                """)) {
            d.publish(alert(AlertKind.PLUGIN_FAULT, "a", "fault"));
            for (int i = 1; i <= 4; i++) {
                d.publish(alert(AlertKind.ORDER_REJECTED, "r", "rejected #" + i));
            }
            await("all five on the unfiltered channel", () -> server.requests("/all").size() == 5);
            clock.advance(Duration.ofMinutes(30)); // half an hour refills one of the two
            d.publish(alert(AlertKind.ORDER_REJECTED, "r", "rejected #5"));
            await("six on the unfiltered channel", () -> server.requests("/all").size() == 6);
        }
        assertThat(server.requests("/rejects")).map(this::message).containsExactly("rejected #1", "rejected #2",
                "rejected #5 (2 similar alerts suppressed before this one)");
    }

    @Test
    void aFailingChannelIsRetriedWithBackoffWithoutHoldingUpTheOthers() throws Exception {
        server.answer("/down", 503, "{\"error\":\"maintenance\"}");
        AlertDispatcher d = dispatcher("""
                channels:
                  - {name: down, type: webhook, url: "${server}/down"}
                  - {name: up, type: webhook, url: "${server}/up"}
                """);
        try (d) {
            d.publish(alert(AlertKind.PLUGIN_FAULT, "f", "first"));
            d.publish(alert(AlertKind.ORDER_REJECTED, "r", "second"));
            await("both alerts on the working channel", () -> server.requests("/up").size() == 2);
            await("three attempts per alert on the failing one", () -> d.failed() == 2);
        }
        assertThat(server.requests("/down")).hasSize(6);
        assertThat(server.requests("/up")).map(this::message).containsExactly("first", "second");
    }

    @Test
    void publishNeverBlocksAndAFullQueueDropsAlerts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AlertChannel stuck = new AlertChannel() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public void send(Alert alert) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AlertDispatcher d = new AlertDispatcher(java.util.List.of(new AlertDispatcher.Route(stuck,
                new AlertThrottle(clock, java.util.Set.of(), Duration.ZERO, 3_600))), 10, 1, Duration.ZERO);
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            d.publish(alert(AlertKind.ORDER_REJECTED, "r" + i, "n" + i));
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(tookMillis).isLessThan(2_000);
        // one alert is with the stuck channel, ten wait: the rest were dropped
        assertThat(d.dropped()).isBetween(989L, 990L);
        release.countDown();
        d.close();
    }
}
