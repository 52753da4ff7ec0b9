package io.quantplug.runtime.store;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.QuantplugException;
import io.quantplug.runtime.data.BarSeries;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bars in and out, on H2 and on a real PostgreSQL (which imports through COPY). */
class BarStoreTest {

    private static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "BINANCE");
    private static final Instrument ETH_SPOT = Instrument.spot(ETH, "ETH", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.0001"), new BigDecimal("5"));
    private static final long T0 = Instant.parse("2023-03-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    private static BarSeries threeBars(double lastClose) {
        return BarSeries.of(Timeframe.M1, new long[] {T0, T0 + 60_000, T0 + 120_000},
                new double[] {1600.5, 1601.25, 1599.0}, new double[] {1602, 1603.75, 1601},
                new double[] {1599.5, 1598.5, 1598.25}, new double[] {1601.25, 1599.0, lastClose},
                new double[] {12.3456, 7.0001, 1e-5});
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void barsAndInstrumentReadBackExactly(Vendor vendor) {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            BarStore.ImportResult r = store.bars().importBars(ETH_SPOT, threeBars(1600.75));
            assertThat(r.inserted()).isEqualTo(3);
            assertThat(r.alreadyThere()).isZero();

            BarSeries back = store.bars().read(ETH, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(back).hasToString(threeBars(1600.75).toString());
            for (int i = 0; i < 3; i++) {
                assertThat(back.openTimeMillis(i)).isEqualTo(T0 + i * 60_000L);
                assertThat(back.volume(i)).isEqualTo(threeBars(1600.75).volume(i));
                assertThat(back.close(i)).isEqualTo(threeBars(1600.75).close(i));
            }
            assertThat(store.bars().instrument(ETH)).contains(ETH_SPOT);
            assertThat(store.bars().list()).singleElement().satisfies(s -> {
                assertThat(s.instrument()).isEqualTo(ETH);
                assertThat(s.timeframe()).isEqualTo(Timeframe.M1);
                assertThat(s.bars()).isEqualTo(3);
                assertThat(s.first()).isEqualTo(Instant.ofEpochMilli(T0));
                assertThat(s.last()).isEqualTo(Instant.ofEpochMilli(T0 + 120_000));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void rangeReadIsHalfOpen(Vendor vendor) {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            store.bars().importBars(ETH_SPOT, threeBars(1600.75));
            BarSeries middle = store.bars().read(ETH, Timeframe.M1, T0 + 60_000, T0 + 120_000);
            assertThat(middle.size()).isEqualTo(1);
            assertThat(middle.open(0)).isEqualTo(1601.25);
            assertThat(store.bars().read(ETH, Timeframe.H1, Long.MIN_VALUE, Long.MAX_VALUE).isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void reimportAddsNothingAndAConflictingBarStoresNothing(Vendor vendor) {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            store.bars().importBars(ETH_SPOT, threeBars(1600.75));
            BarStore.ImportResult again = store.bars().importBars(ETH_SPOT, threeBars(1600.75));
            assertThat(again.inserted()).isZero();
            assertThat(again.alreadyThere()).isEqualTo(3);

            BarSeries conflicting = BarSeries.of(Timeframe.M1, new long[] {T0 + 120_000, T0 + 180_000},
                    new double[] {1599.0, 1600}, new double[] {1601, 1601}, new double[] {1598.25, 1599},
                    new double[] {1600.5, 1600}, new double[] {1e-5, 1});
            assertThatThrownBy(() -> store.bars().importBars(ETH_SPOT, conflicting))
                    .isInstanceOf(QuantplugException.class)
                    .hasMessageContaining("2023-03-01T00:02:00Z differs from the stored one")
                    .hasMessageContaining("nothing was imported");
            assertThat(store.bars().read(ETH, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE).size()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void coverageNamesTheHolesBeforeBetweenAndAfterTheStoredBars(Vendor vendor) {
        long m = 60_000;
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            // stored 00:00, 00:01, 00:02 and, after a 3-minute hole, 00:06
            store.bars().importBars(ETH_SPOT, threeBars(1600.75));
            store.bars().importBars(ETH_SPOT, BarSeries.of(Timeframe.M1, new long[] {T0 + 6 * m},
                    new double[] {1600}, new double[] {1601}, new double[] {1599}, new double[] {1600.5},
                    new double[] {2}));

            BarCoverage wide = store.bars().coverage(ETH, Timeframe.M1, T0 - 2 * m, T0 + 10 * m);
            assertThat(wide.storedBars()).isEqualTo(4);
            assertThat(wide.missing()).containsExactly(new BarCoverage.Hole(T0 - 2 * m, T0),
                    new BarCoverage.Hole(T0 + 3 * m, T0 + 6 * m), new BarCoverage.Hole(T0 + 7 * m, T0 + 10 * m));
            assertThat(wide.missingSlots(Timeframe.M1)).isEqualTo(2 + 3 + 3);

            // a range inside the stored bars, whose ends fall inside bars' spans, has no hole
            BarCoverage inner = store.bars().coverage(ETH, Timeframe.M1, T0 - 30_000, T0 + 3 * m);
            assertThat(inner.storedBars()).isEqualTo(3);
            assertThat(inner.missing()).isEmpty();

            BarCoverage otherTimeframe = store.bars().coverage(ETH, Timeframe.H1, T0, T0 + 2 * 3_600_000);
            assertThat(otherTimeframe.storedBars()).isZero();
            assertThat(otherTimeframe.missing()).containsExactly(new BarCoverage.Hole(T0, T0 + 2 * 3_600_000));
            assertThat(otherTimeframe.missing().get(0).slots(Timeframe.H1)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void realFileRoundTripsBarForBar(Vendor vendor) {
        BarSeries file = RealBacktest.series();
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            BarStore.ImportResult r = store.bars().importBars(RealBacktest.INSTRUMENT, file);
            assertThat(r.inserted()).isEqualTo(file.size());
            BarSeries back = store.bars().read(RealBacktest.BTCUSDT, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(back.size()).isEqualTo(file.size());
            for (int i = 0; i < file.size(); i++) {
                assertThat(back.openTimeMillis(i)).isEqualTo(file.openTimeMillis(i));
                assertThat(back.open(i)).isEqualTo(file.open(i));
                assertThat(back.high(i)).isEqualTo(file.high(i));
                assertThat(back.low(i)).isEqualTo(file.low(i));
                assertThat(back.close(i)).isEqualTo(file.close(i));
                assertThat(back.volume(i)).isEqualTo(file.volume(i));
            }
        }
    }

    /** The same values, bar for bar. */
    private static void assertSameBars(BarSeries actual, BarSeries expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.openTimeMillis(i)).isEqualTo(expected.openTimeMillis(i));
            assertThat(new double[] {actual.open(i), actual.high(i), actual.low(i), actual.close(i),
                actual.volume(i)}).containsExactly(expected.open(i), expected.high(i), expected.low(i),
                    expected.close(i), expected.volume(i));
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aSeriesReadAgainComesFromItsColumnarCopyWhileItsBarCountHolds(Vendor vendor)
            throws IOException, SQLException {
        BarSeries file = RealBacktest.series();
        BarSeries firstWeek = file.slice(file.openTimeMillis(0), file.openTimeMillis(0) + 7 * 86_400_000L);
        Path copies = tmp.resolve("series");
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings, Clock.systemUTC(), copies)) {
            store.bars().importBars(RealBacktest.INSTRUMENT, firstWeek);
            assertSameBars(store.bars().read(RealBacktest.BTCUSDT, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE),
                    firstWeek);
            try (var files = Files.list(copies)) {
                assertThat(files.count()).isEqualTo(1); // the first read made the copy
            }

            // ranges are cut from the copy as from the rows: half-open
            long from = file.openTimeMillis(100);
            long to = file.openTimeMillis(2_000);
            assertSameBars(store.bars().read(RealBacktest.BTCUSDT, Timeframe.M1, from, to),
                    firstWeek.slice(from, to));

            // the rest of the month imported (by this or another process): the count moved, the rows are read again
            store.bars().importBars(RealBacktest.INSTRUMENT, file);
            assertSameBars(store.bars().read(RealBacktest.BTCUSDT, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE),
                    file);
            // the copy answers: with the rows deleted behind the count's back, a read still gives every bar
            try (Connection c = store.database().connection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM bars");
            }
            assertSameBars(store.bars().read(RealBacktest.BTCUSDT, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE),
                    file);
            // and a damaged copy is read around: the rows again (none now)
            try (var files = Files.list(copies)) {
                Files.write(files.findFirst().orElseThrow(), new byte[] {1, 2, 3});
            }
            assertThat(store.bars().read(RealBacktest.BTCUSDT, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE)
                    .size()).isZero();
            assertThat(store.bars().read(InstrumentId.of("NOPE", "BINANCE"), Timeframe.M1, Long.MIN_VALUE,
                    Long.MAX_VALUE).size()).isZero();
        }
    }
}
