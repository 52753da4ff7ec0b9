package io.quantplug.app;

import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chunking, resuming after a failure and filling holes, against a stub adapter and a real H2 store. */
class BarDownloadTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instrument BTC_SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("10"));
    private static final long M = 60_000;
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    private static List<String> minutes(List<long[]> ranges) {
        List<String> out = new ArrayList<>();
        ranges.forEach(r -> out.add((r[0] - T0) / M + ".." + (r[1] - T0) / M));
        return out;
    }

    @Test
    void fetchesInChunksKeepsWhatWasStoredWhenTheExchangeFailsAndResumesWithTheRest() {
        StubAdapter adapter = new StubAdapter(Set.of(ExchangeCapability.HISTORICAL_BARS), T0);
        adapter.failOnCall = 2;
        try (Store store = Store.open(DatabaseSettings.embedded(tmp))) {
            BarDownload download = new BarDownload(adapter, store.bars(), 10);
            List<long[]> progress = new ArrayList<>();
            assertThatThrownBy(() -> download.run(BTC_SPOT, Timeframe.M1, T0, T0 + 25 * M,
                    (done, total) -> progress.add(new long[] {done, total})))
                    .isInstanceOf(DownloadStoppedException.class)
                    .hasMessage("exchange 'stub' failed at the chunk from 2024-01-01T00:10:00Z: GET klines failed;"
                            + " the 10 bar(s) stored before stay stored, run the command again to"
                            + " resume");
            assertThat(minutes(adapter.asked)).containsExactly("0..10", "10..20");
            assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("0/25", "10/25");
            assertThat(store.bars().read(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE).size()).isEqualTo(10);

            adapter.asked.clear();
            adapter.failOnCall = -1; // the exchange is back
            BarDownload.Result again = download.run(BTC_SPOT, Timeframe.M1, T0, T0 + 25 * M, (d, t) -> { });
            assertThat(minutes(adapter.asked)).containsExactly("10..20", "20..25");
            assertThat(again.fetched()).isEqualTo(15);
            assertThat(again.alreadyStored()).isEqualTo(10);
            BarSeries stored = store.bars().read(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(stored.size()).isEqualTo(25);
            assertThat(stored.openTimeMillis(24)).isEqualTo(T0 + 24 * M);
            assertThat(stored.close(24)).isEqualTo(124.5);
            assertThat(store.bars().instrument(BTC)).contains(BTC_SPOT);

            adapter.asked.clear();
            BarDownload.Result third = download.run(BTC_SPOT, Timeframe.M1, T0, T0 + 25 * M, (d, t) -> { });
            assertThat(adapter.asked).isEmpty();
            assertThat(third.holes()).isEmpty();
            assertThat(third.alreadyStored()).isEqualTo(25);
        }
    }

    @Test
    void asksOnlyForTheHolesAndCountsWhatTheVenueHasNoBarFor() {
        StubAdapter adapter = new StubAdapter(Set.of(ExchangeCapability.HISTORICAL_BARS), T0 + 3 * M); // "listed" at 3
        try (Store store = Store.open(DatabaseSettings.embedded(tmp))) {
            BarDownload download = new BarDownload(adapter, store.bars(), 100);
            download.run(BTC_SPOT, Timeframe.M1, T0 + 10 * M, T0 + 12 * M, (d, t) -> { });
            download.run(BTC_SPOT, Timeframe.M1, T0 + 15 * M, T0 + 17 * M, (d, t) -> { });
            adapter.asked.clear();

            BarDownload.Result r = download.run(BTC_SPOT, Timeframe.M1, T0, T0 + 20 * M, (d, t) -> { });
            assertThat(minutes(adapter.asked)).containsExactly("0..10", "12..15", "17..20");
            assertThat(r.slotsAsked()).isEqualTo(16);
            assertThat(r.fetched()).isEqualTo(13); // minutes 0, 1 and 2 are before the stub's first bar
            assertThat(r.alreadyStored()).isEqualTo(4);
            assertThat(store.bars().read(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE).size()).isEqualTo(17);
        }
    }
}
