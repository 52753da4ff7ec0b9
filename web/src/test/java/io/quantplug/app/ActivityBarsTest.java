package io.quantplug.app;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.runtime.session.TickSink;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Volume and dollar bars of the Tardis BTCUSDT futures trades, checked bar by bar against a plain loop over the
 * CSV's lines in this test (exact decimal sums, López de Prado's rule: a bar closes with the trade that reaches its
 * threshold), and replayed: each bar comes right after the trade that completed it.
 */
class ActivityBarsTest {

    private static final String CSV =
            "binance-usdm-btcusdt-trades-2020-02-22-tardis/binance-futures_trades_2020-02-22_BTCUSDT_first9999.csv";
    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "BINANCE_FUTURES");

    @TempDir
    Path tmp;

    /** One bar as the reference loop makes it. */
    private record Expected(long open, long close, double o, double h, double l, double c, BigDecimal volume) {
    }

    /** The bars of the CSV by a plain reading: {@code timestamp} (µs) to ms, price, amount; exact decimal sums. */
    private static List<Expected> reference(Path file, boolean dollar, BigDecimal threshold) throws IOException {
        List<String> rows = Files.readAllLines(file);
        List<Expected> bars = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        long open = 0;
        double o = 0;
        double h = 0;
        double l = 0;
        int n = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            long t = Long.parseLong(f[2]) / 1_000;
            BigDecimal price = new BigDecimal(f[6]);
            BigDecimal amount = new BigDecimal(f[7]);
            double p = price.doubleValue();
            if (n == 0) {
                open = t;
                o = p;
                h = p;
                l = p;
            }
            h = Math.max(h, p);
            l = Math.min(l, p);
            n++;
            volume = volume.add(amount);
            sum = sum.add(dollar ? price.multiply(amount) : amount);
            if (sum.compareTo(threshold) >= 0) {
                bars.add(new Expected(open, t, o, h, l, p, volume));
                sum = BigDecimal.ZERO;
                volume = BigDecimal.ZERO;
                n = 0;
            }
        }
        return bars;
    }

    @Test
    void volumeAndDollarBarsEqualAPlainReadingOfTheCsvFromTheFileAndFromItsCompactCopy() throws IOException {
        Path file = SharedData.require(CSV);
        for (String spec : new String[] {"volume:20", "volume:7.5", "dollar:200000", "dollar:1000000"}) {
            BarSpec bars = BarSpec.parse(spec);
            List<Expected> expected = reference(file, spec.startsWith("dollar"),
                    new BigDecimal(spec.substring(spec.indexOf(':') + 1)));
            assertThat(expected.size()).as(spec).isGreaterThan(30);
            for (Path cache : new Path[] {null, tmp.resolve("ticks"), tmp.resolve("ticks")}) { // CSV, import, copy
                RecordingTicks.Scan scan = RecordingTicks.scan(file, cache, bars);
                assertThat(scan.series()).isNull();
                List<Bar> made = scan.bars(ID);
                assertThat(made).as(spec).hasSize(expected.size());
                for (int i = 0; i < made.size(); i++) {
                    Bar b = made.get(i);
                    Expected e = expected.get(i);
                    String at = spec + " bar " + i;
                    assertThat(b.openTimeMillis()).as(at).isEqualTo(e.open());
                    assertThat(b.closeTimeMillis()).as(at).isEqualTo(e.close());
                    assertThat(new double[] {b.open(), b.high(), b.low(), b.close()}).as(at)
                            .containsExactly(e.o(), e.h(), e.l(), e.c());
                    assertThat(b.volume()).as(at).isCloseTo(e.volume().doubleValue(), within(1e-9));
                }
                long span = expected.get(expected.size() - 1).close() - expected.get(0).open();
                assertThat(scan.timeframe().millis()).isEqualTo(span / expected.size());
            }
        }
    }

    @Test
    void aReplayHandsEachBarOverRightAfterTheTradeThatCompletedIt() {
        Path file = SharedData.require(CSV);
        BarSpec spec = BarSpec.parse("volume:20");
        RecordingTicks.Scan scan = RecordingTicks.scan(file, null, spec);
        long[] lastTrade = {Long.MIN_VALUE};
        long[] trades = {0};
        TickSink sink = new TickSink() {
            @Override
            public void onTrade(TradeTick trade) {
                lastTrade[0] = trade.timeMillis();
                trades[0]++;
            }

            @Override
            public void onOrderBook(OrderBookView book) {
            }
        };
        List<Bar> replayed = new ArrayList<>();
        try (RecordingTicks ticks = RecordingTicks.open(file, null, ID, spec, scan.timeframe())) {
            for (Bar b = ticks.next(sink); b != null; b = ticks.next(sink)) {
                assertThat(b.closeTimeMillis()).isEqualTo(lastTrade[0]);
                assertThat(b.timeframe()).isEqualTo(scan.timeframe());
                replayed.add(b);
            }
            assertThat(ticks.summary().bars()).isEqualTo(replayed.size());
        }
        assertThat(trades[0]).isEqualTo(9_999); // the trades after the last bar are replayed, in no bar
        assertThat(replayed).isEqualTo(scan.bars(ID));
    }

    @Test
    void barOptionValuesAreParsedOrRefusedWithTheOptionAndItsRange() {
        assertThat(BarSpec.parse("1s").length().millis()).isEqualTo(1_000);
        assertThat(BarSpec.parse("volume:50").label()).isEqualTo("volume:50");
        assertThat(BarSpec.parse("dollar:2e6").label()).isEqualTo("dollar:2000000");
        assertThat(BarSpec.parse("DOLLAR:2000000").threshold()).isEqualTo(2_000_000.0);
        assertThatThrownBy(() -> BarSpec.parse("volume:0")).isInstanceOf(UserInputException.class)
                .hasMessage("--bar volume = 0 is out of range: allowed > 0 and <= 1e15");
        assertThatThrownBy(() -> BarSpec.parse("dollar:-5")).hasMessageContaining("allowed > 0 and <= 1e15");
        assertThatThrownBy(() -> BarSpec.parse("volume:lots")).hasMessageContaining("--bar 'volume:lots'")
                .hasMessageContaining("a number > 0 and <= 1e15");
        assertThatThrownBy(() -> BarSpec.parse("tick:100")).hasMessageContaining("must be volume or dollar");
        assertThatThrownBy(() -> BarSpec.parse("50v")).hasMessageContaining("--bar '50v'")
                .hasMessageContaining("volume:QUANTITY");
        assertThatThrownBy(() -> RecordingTicks.scan(SharedData.require(CSV), null, BarSpec.parse("volume:1e6")))
                .hasMessageContaining("--bar volume:1000000: the 9999 trades of").hasMessageContaining("do not fill"
                        + " one bar");
    }
}
