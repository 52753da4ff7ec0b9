package io.quantplug.samples.sma;

import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testkit.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * SMA crossover 10/30 on 50,000 real Binance BTCUSDT one-minute bars (June/July 2022), run through the test kit,
 * against an outside truth: a hand-rolled loop over the same file's closes, read with a plain split and averaged in
 * exact decimals, which says on which bar each crossing happens; the engine must then enter and exit at the next
 * bar's open, and close what is open at the end at the last close.
 */
class SmaCrossoverTest {

    static final String FILE = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";
    static final double FEE = 0.001;

    static List<BigDecimal> opens;
    static List<BigDecimal> closes;
    static BacktestRun run;

    /** A round trip by bar index: entry and exit fill bars and prices. */
    record Trip(int entryBar, BigDecimal entryPrice, int exitBar, BigDecimal exitPrice, ExitReason reason) {
    }

    @BeforeAll
    static void backtest() throws IOException {
        Path csv = TestData.file(FILE);
        opens = new ArrayList<>();
        closes = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            opens.add(new BigDecimal(f[1]));
            closes.add(new BigDecimal(f[4]));
        }
        run = PluginBacktest.of(SmaCrossoverProvider.class)
                .parameters(Map.of("fast", 10, "slow", 30))
                .csv(csv)
                .instrument("BTCUSDT")
                .fees(10)
                .run();
    }

    @Test
    void tradesEqualAHandRolledCrossoverOfTheSameCloses() {
        List<Trip> expected = handRolled(10, 30);
        List<Trip> actual = run.trades().stream().map(t -> new Trip(run.barAt(t.entryTimeMillis()),
                t.entryPrice().stripTrailingZeros(), run.barAt(t.exitTimeMillis()), t.exitPrice().stripTrailingZeros(),
                t.exitReason())).toList();

        assertThat(run.bars()).hasSize(50_000);
        assertThat(expected).hasSize(978);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void metricsAgreeWithTheTradesAndWithCompoundingTheirPriceChanges() {
        List<RoundTrip> trades = run.trades();
        BigDecimal pnl = trades.stream().map(RoundTrip::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fees = trades.stream().map(RoundTrip::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        long winners = trades.stream().filter(t -> t.pnl().signum() > 0).count();

        assertThat(run.metrics().tradeCount()).isEqualTo(trades.size());
        assertThat(run.metrics().netProfit()).isEqualByComparingTo(pnl);
        assertThat(run.metrics().totalFees()).isEqualByComparingTo(fees);
        assertThat(run.metrics().endEquity()).isEqualByComparingTo(new BigDecimal("10000").add(pnl));
        assertThat(run.metrics().winRate()).isEqualTo((double) winners / trades.size());

        // All cash goes in at each entry, so equity compounds by exit/entry less a 10 bps fee on each side; the
        // cash left over by lot rounding (< 0.00001 BTC) does not compound, an error far below 1e-4.
        double growth = 1;
        for (Trip t : handRolled(10, 30)) {
            growth *= t.exitPrice().doubleValue() * (1 - FEE) / (t.entryPrice().doubleValue() * (1 + FEE));
        }
        assertThat(1 + run.metrics().totalReturn()).isCloseTo(growth, within(1e-4 * growth));
        assertThat(run.metrics().totalReturn()).isLessThan(0); // 978 round trips at 20 bps each
    }

    @Test
    void refusesAFastAverageThatIsNotFasterThanTheSlowOne() {
        PluginBacktest backtest = PluginBacktest.of(SmaCrossoverProvider.class)
                .parameters(Map.of("fast", 30, "slow", 30)).csv(TestData.file(FILE));

        assertThatThrownBy(backtest::run).hasMessageContaining("'fast' = 30 must be below 'slow' = 30");
    }

    /**
     * The crossover by definition: the fast mean crosses above the slow one at bar {@code i} when it is above at
     * {@code i} and was below at the latest earlier bar where they differed (equal bars neither cross nor reset);
     * looked for from the first bar where the slow mean is defined, which only records the state. Means are compared
     * exactly as {@code fastSum * slow} against {@code slowSum * fast}. A crossing fills at the next bar's open.
     */
    static List<Trip> handRolled(int fast, int slow) {
        int n = closes.size();
        List<Trip> trips = new ArrayList<>();
        int lastSign = 0;
        int entryBar = -1;
        for (int i = slow - 1; i < n; i++) {
            BigDecimal fastSum = sum(i - fast + 1, i);
            BigDecimal slowSum = sum(i - slow + 1, i);
            int sign = fastSum.multiply(BigDecimal.valueOf(slow)).compareTo(slowSum.multiply(BigDecimal.valueOf(fast)));
            boolean up = sign > 0 && lastSign < 0;
            boolean down = sign < 0 && lastSign > 0;
            if (sign != 0) {
                lastSign = sign;
            }
            if (i == n - 1) {
                break; // an order decided on the last close never fills
            }
            if (up && entryBar < 0) {
                entryBar = i + 1;
            } else if (down && entryBar >= 0) {
                trips.add(new Trip(entryBar, opens.get(entryBar).stripTrailingZeros(), i + 1,
                        opens.get(i + 1).stripTrailingZeros(), ExitReason.SIGNAL));
                entryBar = -1;
            }
        }
        if (entryBar >= 0) {
            trips.add(new Trip(entryBar, opens.get(entryBar).stripTrailingZeros(), n - 1,
                    closes.get(n - 1).stripTrailingZeros(), ExitReason.END_OF_DATA));
        }
        return trips;
    }

    private static BigDecimal sum(int from, int to) {
        BigDecimal s = BigDecimal.ZERO;
        for (int j = from; j <= to; j++) {
            s = s.add(closes.get(j));
        }
        return s;
    }
}
