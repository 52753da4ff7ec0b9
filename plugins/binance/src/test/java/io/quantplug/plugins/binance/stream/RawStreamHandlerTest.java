package io.quantplug.plugins.binance.stream;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.exchange.RawMarketListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RawStreamHandler} on the recorded spot BTCUSDT stream of 2024-08-08 (shared {@code binance-ws-raw}
 * recording): messages pass unchanged with the injected receive clock, and the REST snapshot (the recording's own,
 * {@code lastUpdateId} 50093239218) is asked for at the first diff ({@code U} 50093239189) and written once per
 * connection, never when it is older than the stream.
 */
class RawStreamHandlerTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final JsonFactory JSON = new JsonFactory();

    /** Keeps what it is told, as {@code <time> <text>} and {@code snapshot <time> <symbol>} lines. */
    private static final class Kept implements RawMarketListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void onStreamMessage(long receiveTimeNanos, String text) {
            lines.add(receiveTimeNanos + " " + text);
        }

        @Override
        public void onBookSnapshot(long receiveTimeNanos, InstrumentId instrument, String text) {
            lines.add("snapshot " + receiveTimeNanos + " " + instrument.symbol() + " " + text);
        }

        @Override
        public void onConnectionChange(boolean connected, String detail) {
            lines.add((connected ? "up " : "down ") + detail);
        }
    }

    /** A clock the test moves: epoch 1 s + 1 ms per read, monotonic reads unchanged. */
    private long reads;
    private long nanos;
    private final List<CompletableFuture<String>> asked = new ArrayList<>();

    private RawStreamHandler handler(Kept kept, long retryNanos) {
        RawStreamHandler h = new RawStreamHandler(kept, () -> 1_000_000_000L + 1_000_000L * reads++, () -> nanos,
                symbol -> {
                    assertThat(symbol).isEqualTo("BTCUSDT");
                    CompletableFuture<String> f = new CompletableFuture<>();
                    asked.add(f);
                    return f;
                }, retryNanos, new MarketStreamDecoder(JSON), new DepthSnapshotDecoder(JSON));
        h.track(BTC);
        return h;
    }

    @Test
    void passesEveryStreamMessageUnchangedAndWritesTheSnapshotOnceItArrives() {
        List<String> recording = RecordingLines.read("spot_btcusdt_20240808.gz");
        String snapshot = recording.get(7);
        assertThat(snapshot).startsWith("{\"lastUpdateId\":50093239218,");
        Kept kept = new Kept();
        RawStreamHandler h = handler(kept, 1_000_000_000L);
        h.onConnected();
        h.onMessage("{\"result\":null,\"id\":1}");           // the subscription answer is no market data
        for (int i = 0; i < 7; i++) {
            h.onMessage(recording.get(i));
        }
        // asked once at the first diff (line 1); lines 2..7 came within the retry interval
        assertThat(asked).hasSize(1);
        asked.get(0).complete(snapshot);
        h.onMessage(recording.get(8));
        assertThat(h.ignored()).isEqualTo(1);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add((1_000_000_000L + 1_000_000L * i) + " " + recording.get(i));
        }
        expected.add("snapshot 1007000000 BTCUSDT " + snapshot);
        expected.add("1008000000 " + recording.get(8));
        assertThat(kept.lines).isEqualTo(expected);
    }

    @Test
    void aSnapshotOlderThanTheFirstDiffIsDroppedAndAskedForAgainAfterTheRetryInterval() {
        List<String> recording = RecordingLines.read("spot_btcusdt_20240808.gz");
        String snapshot = recording.get(7);
        // the first diff after line 2000: its U is far beyond the snapshot's lastUpdateId
        int from = 2000;
        while (!recording.get(from).contains("@depth")) {
            from++;
        }
        Kept kept = new Kept();
        RawStreamHandler h = handler(kept, 1_000L);
        h.onConnected();
        h.onMessage(recording.get(from));
        assertThat(asked).hasSize(1);
        asked.get(0).complete(snapshot);
        assertThat(kept.lines).noneMatch(l -> l.startsWith("snapshot"));
        int next = from + 1;
        while (!recording.get(next).contains("@depth")) {
            h.onMessage(recording.get(next++));
        }
        assertThat(asked).as("only diffs ask").hasSize(1);
        h.onMessage(recording.get(next));
        assertThat(asked).as("asked again at the next diff").hasSize(2);
        asked.get(1).completeExceptionally(new java.io.UncheckedIOException(new java.io.IOException("HTTP 503")));
        nanos = 500;                                           // within the retry interval: not asked
        h.onMessage(recording.get(next));
        assertThat(asked).hasSize(2);
        nanos = 2_000;
        h.onMessage(recording.get(next));
        assertThat(asked).hasSize(3);
        assertThat(kept.lines).noneMatch(l -> l.startsWith("snapshot"));
    }

    @Test
    void aReconnectAsksForAFreshSnapshotAndDropsTheOneAskedBeforeIt() {
        List<String> recording = RecordingLines.read("spot_btcusdt_20240808.gz");
        String snapshot = recording.get(7);
        Kept kept = new Kept();
        RawStreamHandler h = handler(kept, Long.MAX_VALUE);
        h.onConnected();
        h.onMessage(recording.get(0));
        asked.get(0).complete(snapshot);
        h.onMessage(recording.get(1));
        assertThat(kept.lines.stream().filter(l -> l.startsWith("snapshot"))).hasSize(1);
        h.onMessage(recording.get(5));                         // a diff after the snapshot: nothing asked
        assertThat(asked).hasSize(1);

        h.connectionChanged(false, "connection failed");
        h.onConnected();
        h.connectionChanged(true, "connected");
        h.onMessage(recording.get(0));
        assertThat(asked).as("a fresh snapshot after the reconnect").hasSize(2);
        h.onConnected();                                       // down again before it came
        asked.get(1).complete(snapshot);
        assertThat(kept.lines.stream().filter(l -> l.startsWith("snapshot"))).as("the stale one is dropped")
                .hasSize(1);
        h.onMessage(recording.get(0));
        asked.get(2).complete(snapshot);
        assertThat(kept.lines.stream().filter(l -> l.startsWith("snapshot"))).hasSize(2);
        assertThat(kept.lines).contains("down connection failed", "up connected");

        h.close();
        h.onMessage(recording.get(8));
        h.connectionChanged(false, "closed");
        assertThat(kept.lines.get(kept.lines.size() - 1)).startsWith("snapshot");
    }
}
