package io.quantplug.plugins.binance.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.api.exchange.Balance;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.plugins.binance.testserver.StreamTestServer;
import io.quantplug.sdk.book.SequenceRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listen-key lifecycle of {@link UserDataStream} against {@link StreamTestServer}'s {@code /ws/{key}}: key
 * created, kept alive on schedule (100 ms here instead of 30 min), recorded execution reports decoded, a new key
 * and a reconnect on {@code listenKeyExpired} and on a failed keep-alive, and the key closed at the end.
 */
class UserDataStreamTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> connection = new CopyOnWriteArrayList<>();
    private volatile boolean failKeepAlive;
    private StreamTestServer server;
    private UserDataStream stream;

    private final ListenKeySource keys = new ListenKeySource() {
        private int created;

        @Override
        public synchronized String create() {
            String key = "key-" + (++created);
            calls.add("create " + key);
            return key;
        }

        @Override
        public void keepAlive(String listenKey) {
            calls.add("keepAlive " + listenKey);
            if (failKeepAlive) {
                failKeepAlive = false;
                throw new IllegalStateException("-1125 This listenKey does not exist.");
            }
        }

        @Override
        public void close(String listenKey) {
            calls.add("close " + listenKey);
        }
    };

    private final UserDataListener listener = new UserDataListener() {
        @Override
        public void onOrderEvent(OrderEvent event) {
            events.add(event);
        }

        @Override
        public void onBalances(List<Balance> balances, long timeMillis) {
        }

        @Override
        public void onBalanceDelta(String asset, BigDecimal delta, long timeMillis) {
        }
    };

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        scheduler.shutdownNow();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for: " + what).isLessThan(deadline);
            LockSupport.parkNanos(5_000_000);
        }
    }

    @Test
    void keepsTheListenKeyAliveDecodesReportsAndRenewsAnExpiredKey() {
        server = new StreamTestServer(RecordingLines.raw("spot_btcusdt_20240808.gz"), SequenceRule.SPOT, 0);
        StreamSettings settings = new StreamSettings(StreamSettings.NEVER_STALE, Duration.ofHours(23),
                Duration.ofMillis(20), 2.0, 0.5, Duration.ofMillis(200), Duration.ofSeconds(5));
        stream = new UserDataStream(HttpClient.newHttpClient(), server.userDataBase(), keys,
                new UserDataDecoder(new ObjectMapper(), "BINANCE"), listener,
                (up, detail) -> connection.add((up ? "up: " : "down: ") + detail), scheduler, System::nanoTime,
                settings, Duration.ofMillis(100));
        stream.open();

        await("connected with key-1", () -> server.userDataKeys().contains("key-1"));
        await("two keep-alives", () -> calls.stream().filter("keepAlive key-1"::equals).count() >= 2);

        server.sendUserData(Fixtures.read("spot/user_data_json/execution_report_new.json"));
        await("the execution report", () -> !events.isEmpty());
        assertThat(events.get(0)).isEqualTo(new OrderAccepted(new ClientOrderId("x-TD67BGP9-T0000000000000"),
                InstrumentId.of("ETHUSDT", "BINANCE"), 1709654400000L));

        server.sendUserData("{\"e\":\"listenKeyExpired\",\"E\":1576653824250,\"listenKey\":\"key-1\"}");
        await("reconnected with key-2", () -> server.userDataKeys().contains("key-2"));

        failKeepAlive = true;
        await("reconnected with key-3 after a failed keep-alive", () -> server.userDataKeys().contains("key-3"));

        stream.close();
        assertThat(calls).contains("create key-1", "create key-2", "create key-3", "close key-3");
        assertThat(connection).noneMatch(s -> s.contains("key-"));   // the key never shows in connection details
        assertThat(connection.get(connection.size() - 1)).isEqualTo("down: closed");
    }
}
