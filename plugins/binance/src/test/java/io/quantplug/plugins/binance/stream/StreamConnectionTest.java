package io.quantplug.plugins.binance.stream;

import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.plugins.binance.testserver.RecordingListener;
import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.plugins.binance.testserver.StreamTestServer;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamConnection} + {@link MarketStreamHandler} against {@link StreamTestServer} replaying the shared
 * spot BTCUSDT recording at 20x: after a dropped connection, a skipped depth update and a silent stream, the
 * client reconnects, resubscribes, resyncs its book from the server's depth snapshot and agrees again with the
 * recorded bookTickers. Loopback only; waits poll with a timeout, nothing sleeps for a fixed time.
 */
class StreamConnectionTest {

    private static final List<String> STREAMS = List.of("btcusdt@depth@100ms", "btcusdt@bookTicker",
            "btcusdt@trade");
    private static List<String> recording;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final HttpClient http = HttpClient.newHttpClient();
    private final RecordingListener listener = new RecordingListener();
    private BookTickerCheck check;
    private final AtomicLong snapshotsFetched = new AtomicLong();
    private StreamTestServer server;
    private StreamConnection connection;
    private MarketStreamHandler handler;

    @BeforeAll
    static void readRecording() {
        recording = RecordingLines.raw("spot_btcusdt_20240808.gz");
    }

    private void start(Duration staleAfter) {
        start(staleAfter, Duration.ofHours(23));
    }

    private void start(Duration staleAfter, Duration maxAge) {
        server = new StreamTestServer(recording, SequenceRule.SPOT, 20.0);
        DepthSnapshotDecoder snapshots = new DepthSnapshotDecoder(new JsonFactory());
        DepthSnapshotSource source = symbol -> {
            snapshotsFetched.incrementAndGet();
            HttpRequest get = HttpRequest.newBuilder(URI.create(server.restBase() + "/api/v3/depth?symbol=" + symbol
                    + "&limit=5000")).build();
            CompletableFuture<DepthSnapshot> f = http.sendAsync(get, HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> snapshots.decode(r.body()));
            return f;
        };
        handler = new MarketStreamHandler(new MarketStreamDecoder(new JsonFactory()), "BINANCE", SequenceRule.SPOT,
                source, listener, t -> check.onTicker(t), System::nanoTime, 5, 10_000, TimeUnit.MILLISECONDS.toNanos(200));
        handler.track("BTCUSDT");
        check = new BookTickerCheck(handler.sequencer("BTCUSDT"));
        StreamHandler checked = new StreamHandler() {
            @Override
            public void onConnected() {
                handler.onConnected();
            }

            @Override
            public void onMessage(String text) {
                handler.onMessage(text);
                check.afterMessage();
            }
        };
        StreamSettings settings = new StreamSettings(staleAfter, maxAge, Duration.ofMillis(50), 2.0,
                0.5, Duration.ofMillis(400), Duration.ofSeconds(5));
        connection = new StreamConnection(http, server::streamUri, STREAMS, checked, listener::onConnectionChange,
                scheduler, System::nanoTime, settings);
        connection.open();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
        scheduler.shutdownNow();
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(() -> "timed out waiting for: " + what + "; " + diagnostics())
                    .isLessThan(deadline);
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    private String diagnostics() {
        DepthSequencer seq = handler.sequencer("BTCUSDT");
        return "connection " + listener.connection + ", trades " + listener.trades.size() + ", books "
                + listener.books.size() + ", book " + seq.state() + " at " + seq.lastUpdateId() + " (buffered "
                + seq.buffered() + ", gaps " + seq.gaps() + "), snapshots fetched " + snapshotsFetched
                + ", compared " + check.compared + ", mismatches " + check.mismatches + ", server sent " + server.sent()
                + ", skipped messages " + handler.skipped();
    }

    private void awaitAgreementsBeyond(long count) {
        await((count + 10) + " agreements with bookTickers", () -> check.compared.get() >= count + 10);
    }

    @Test
    void reconnectsResubscribesAndResyncsAfterADroppedConnection() {
        start(Duration.ofSeconds(10));
        awaitAgreementsBeyond(0);
        long before = check.compared.get();
        long fetchesBefore = snapshotsFetched.get();

        server.dropConnections();

        await("a second connection with a second subscription", () -> server.subscribeRequests().size() == 2);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.subscribeRequests().get(1))
                .contains("\"method\":\"SUBSCRIBE\"", "\"btcusdt@depth@100ms\"", "\"btcusdt@bookTicker\"");
        awaitAgreementsBeyond(before);
        assertThat(snapshotsFetched.get()).as("a fresh snapshot after the reconnect").isGreaterThan(fetchesBefore);
        assertThat(check.mismatches).isEmpty();
        assertThat(listener.connection).anyMatch(s -> s.startsWith("down: ")).anyMatch(s -> s.startsWith("up: "));
        assertThat(listener.connection.get(0)).startsWith("up: connected to 127.0.0.1");
        assertThat(listener.trades).isNotEmpty();
        assertThat(listener.books).isNotEmpty().allMatch(b -> b.bids().size() <= 5 && b.asks().size() <= 5);
    }

    @Test
    void aSkippedDepthUpdateIsDetectedAndTheBookResyncsFromANewSnapshot() {
        start(Duration.ofSeconds(10));
        awaitAgreementsBeyond(0);
        long before = check.compared.get();

        server.skipNextDepthUpdate();

        await("the gap is detected", () -> handler.sequencer("BTCUSDT").gaps() == 1);
        assertThat(server.skippedDepthUpdates()).isEqualTo(1);
        awaitAgreementsBeyond(before);
        assertThat(check.mismatches).isEmpty();
        assertThat(server.connections()).as("a gap needs no reconnect").isEqualTo(1);
    }

    @Test
    void aSilentStreamIsTreatedAsDownAndReconnected() {
        start(Duration.ofMillis(600));
        awaitAgreementsBeyond(0);
        long before = check.compared.get();

        server.silence(true);
        await("the silence is noticed", () -> listener.connection.stream()
                .anyMatch(s -> s.startsWith("down: no message for")));
        server.silence(false);

        await("a reconnect", () -> server.subscribeRequests().size() >= 2);
        awaitAgreementsBeyond(before);
        assertThat(check.mismatches).isEmpty();
    }

    @Test
    void reconnectsOnItsOwnAtTheMaximumConnectionAge() {
        // Binance ends a connection at 24 h; the connection leaves first, at maxConnectionAge (1.5 s here)
        start(Duration.ofSeconds(10), Duration.ofMillis(1500));
        awaitAgreementsBeyond(0);
        await("a reconnect at the age limit", () -> server.subscribeRequests().size() >= 2);
        long before = check.compared.get();
        assertThat(listener.connection).anyMatch(s -> s.startsWith("down: connection reached its maximum age"));
        awaitAgreementsBeyond(before);
        assertThat(check.mismatches).isEmpty();
    }
}
