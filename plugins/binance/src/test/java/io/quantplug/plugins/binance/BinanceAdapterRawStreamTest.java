package io.quantplug.plugins.binance;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.exchange.RawMarketListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import io.quantplug.sdk.marketdata.RecordedBookVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BinanceAdapter#connectRaw} through the provider and the SPI alone, against a {@link BinanceTestExchange}
 * replaying the shared spot BTCUSDT recording of 2024-08-08: the messages arrive byte for byte as recorded, a REST
 * snapshot follows the subscription, and the lines written from them rebuild a book that agrees with every recorded
 * bookTicker it reaches ({@link RecordedBookVerifier}), across a dropped connection too.
 */
class BinanceAdapterRawStreamTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instant CLOCK = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path tmp;

    /** Keeps lines in the recording format, {@code <receive ns> <text>}, and connection changes apart. */
    private static final class Lines implements RawMarketListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> connection = new CopyOnWriteArrayList<>();

        @Override
        public void onStreamMessage(long receiveTimeNanos, String text) {
            lines.add(receiveTimeNanos + " " + text);
        }

        @Override
        public void onBookSnapshot(long receiveTimeNanos, InstrumentId instrument, String text) {
            assertThat(instrument).isEqualTo(BTC);
            lines.add(receiveTimeNanos + " " + text);
        }

        @Override
        public void onConnectionChange(boolean connected, String detail) {
            connection.add((connected ? "up: " : "down: ") + detail);
        }

        long snapshots() {
            return lines.stream().filter(l -> l.contains(" {\"lastUpdateId\"")).count();
        }

        long messages() {
            return lines.size() - snapshots();
        }
    }

    private static ExchangeAdapter adapter(BinanceTestExchange exchange) {
        BinanceAdapterProvider provider = new BinanceAdapterProvider(k -> null,
                Clock.fixed(CLOCK, ZoneOffset.UTC), HttpClient.newHttpClient());
        return provider.create(provider.descriptor().parameters().resolve(new HashMap<>(exchange.adapterParameters())));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for: " + what).isLessThan(deadline);
            LockSupport.parkNanos(5_000_000);
        }
    }

    private RecordedBookVerifier.Result verify(List<String> lines) throws IOException {
        Path file = Files.write(tmp.resolve("recorded.txt"), lines);
        try (BinanceRecordingReader reader = BinanceRecordingReader.open(List.of(file), new JsonFactory())) {
            return new RecordedBookVerifier(10_000).verify(reader);
        }
    }

    @Test
    void messagesArriveAsRecordedWithASnapshotAndRebuildTheBook() throws IOException {
        List<String> recorded = Fixtures.recording("spot_btcusdt_20240808.gz");
        int snapshotAt = 0;
        while (!recorded.get(snapshotAt).contains(" {\"lastUpdateId\"")) {
            snapshotAt++;
        }
        Lines kept = new Lines();
        try (BinanceTestExchange exchange = BinanceTestExchange.spot()
                .recording("BTCUSDT", 20, "spot_btcusdt_20240808.gz").start();
             ExchangeAdapter adapter = adapter(exchange)) {
            assertThat(adapter.capabilities()).contains(ExchangeCapability.RAW_MARKET_STREAMS);
            adapter.connectRaw(List.of(BTC), List.of("trade", "depth", "BOOKTICKER"), kept);
            await("3000 messages and a snapshot", () -> kept.messages() >= 3000 && kept.snapshots() == 1);
            adapter.close();
            assertThat(exchange.streams().subscribeRequests()).singleElement().isEqualTo(
                    "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@depth@100ms\","
                            + "\"btcusdt@bookTicker\"],\"id\":1}");
            assertThat(exchange.rest().requests()).filteredOn(r -> r.path().equals("/api/v3/depth"))
                    .singleElement().matches(r -> r.rawQuery().equals("symbol=BTCUSDT&limit=1000"));
        }
        List<String> lines = List.copyOf(kept.lines);
        long previous = TimeUnit.MILLISECONDS.toNanos(CLOCK.toEpochMilli());
        int replayed = snapshotAt + 1;    // the server replays the lines after the recording's own snapshot
        for (String line : lines) {
            long time = Long.parseLong(line.substring(0, line.indexOf(' ')));
            assertThat(time).as("receive times start at the clock and never go back").isGreaterThanOrEqualTo(previous)
                    .isLessThan(previous + TimeUnit.MINUTES.toNanos(1));
            previous = time;
            String text = line.substring(line.indexOf(' ') + 1);
            if (!text.startsWith("{\"lastUpdateId\"")) {
                String original = recorded.get(replayed++);
                assertThat(text).isEqualTo(original.substring(original.indexOf(' ') + 1));
            }
        }
        RecordedBookVerifier.Result r = verify(lines);
        assertThat(r.snapshots()).isEqualTo(1);
        assertThat(r.checks()).isGreaterThan(20);
        assertThat(r.mismatches()).as(r.firstMismatches().toString()).isZero();
        assertThat(r.resyncs()).isZero();
    }

    @Test
    void aDroppedConnectionIsFollowedByAFreshSnapshotAndTheBookResyncs() throws IOException {
        Lines kept = new Lines();
        try (BinanceTestExchange exchange = BinanceTestExchange.spot()
                .recording("BTCUSDT", 10, "spot_btcusdt_20240808.gz").start();
             ExchangeAdapter adapter = adapter(exchange)) {
            adapter.connectRaw(List.of(BTC), List.of("depth", "bookTicker"), kept);
            await("500 messages and a snapshot", () -> kept.messages() >= 500 && kept.snapshots() == 1);
            exchange.streams().dropConnections();
            await("a second snapshot " + kept.connection + exchange.streams().subscribeRequests(),
                    () -> kept.snapshots() == 2);
            long at = kept.messages();
            await("2000 more messages", () -> kept.messages() >= at + 2000);
            adapter.close();
            assertThat(exchange.streams().subscribeRequests()).hasSize(2);
        }
        assertThat(kept.connection).filteredOn(c -> c.startsWith("up: connected")).hasSize(2);
        assertThat(kept.connection).anyMatch(c -> c.startsWith("down: "));
        RecordedBookVerifier.Result r = verify(List.copyOf(kept.lines));
        assertThat(r.snapshots()).isEqualTo(2);
        assertThat(r.checks()).isGreaterThan(20);
        assertThat(r.mismatches()).as(r.firstMismatches().toString()).isZero();
    }

    @Test
    void anUnknownStreamIsRefusedWithTheAllowedNames() {
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().start();
             ExchangeAdapter adapter = adapter(exchange)) {
            assertThatThrownBy(() -> adapter.connectRaw(List.of(BTC), List.of("trade", "ticker"), new Lines()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("streams: unknown stream 'ticker'; allowed: trade, aggTrade, depth, bookTicker");
            assertThatThrownBy(() -> adapter.connectRaw(List.of(InstrumentId.of("BTCUSDT", "BINANCE_USDM")),
                    List.of("trade"), new Lines())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not on venue BINANCE");
            assertThat(exchange.streams().connections()).isZero();
        }
    }
}
