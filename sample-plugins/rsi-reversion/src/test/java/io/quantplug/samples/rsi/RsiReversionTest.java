package io.quantplug.samples.rsi;

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

/**
 * RSI reversion 14 / 30 / 70 on 50,000 real Binance BTCUSDT one-minute bars (June/July 2022), run through the test
 * kit, against a hand-rolled Wilder RSI over the same file's closes (read with a plain split): long on the bar after
 * RSI crosses below 30, flat on the bar after it crosses above 70.
 */
class RsiReversionTest {

    static final String FILE = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";

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
        run = PluginBacktest.of(new RsiReversionProvider())
                .parameters(Map.of("period", 14, "lower", 30, "upper", 70))
                .csv(csv)
                .fees(10)
                .run();
    }

    @Test
    void tradesEqualAHandRolledWilderRsiOfTheSameCloses() {
        List<Trip> expected = handRolled(14, 30, 70);
        List<Trip> actual = run.trades().stream().map(t -> new Trip(run.barAt(t.entryTimeMillis()),
                t.entryPrice().stripTrailingZeros(), run.barAt(t.exitTimeMillis()), t.exitPrice().stripTrailingZeros(),
                t.exitReason())).toList();

        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void metricsAgreeWithTheTrades() {
        List<RoundTrip> trades = run.trades();
        BigDecimal pnl = trades.stream().map(RoundTrip::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        long winners = trades.stream().filter(t -> t.pnl().signum() > 0).count();

        assertThat(run.metrics().tradeCount()).isEqualTo(trades.size());
        assertThat(run.metrics().netProfit()).isEqualByComparingTo(pnl);
        assertThat(run.metrics().endEquity()).isEqualByComparingTo(new BigDecimal("10000").add(pnl));
        assertThat(run.metrics().winRate()).isEqualTo((double) winners / trades.size());
        assertThat(run.metrics().maxDrawdown()).isBetween(0.0, 1.0);
    }

    @Test
    void refusesALowerLevelAboveTheUpperOne() {
        PluginBacktest backtest = PluginBacktest.of(RsiReversionProvider.class)
                .parameters(Map.of("lower", 80, "upper", 70)).csv(TestData.file(FILE));

        assertThatThrownBy(backtest::run).hasMessageContaining("'lower'").hasMessageContaining("must be below 'upper'");
    }

    /**
     * Wilder (1978): with {@code n = period}, the first average gain and loss are the means of the first {@code n}
     * close-to-close changes, then {@code avg = (avg * (n - 1) + x) / n}; {@code RSI = 100 - 100 / (1 + gain/loss)},
     * 100 when only gains, 50 when no movement. RSI crossing below {@code lower} (from above, equal values neither
     * crossing nor resetting, the first RSI only recording the state) enters at the next open; crossing above
     * {@code upper} exits at the next open.
     */
    static List<Trip> handRolled(int period, double lower, double upper) {
        int n = closes.size();
        List<Trip> trips = new ArrayList<>();
        double gain = 0;
        double loss = 0;
        int lowerSign = 0;
        int upperSign = 0;
        int entryBar = -1;
        for (int i = 1; i < n; i++) {
            double change = closes.get(i).doubleValue() - closes.get(i - 1).doubleValue();
            double up = Math.max(change, 0);
            double down = Math.max(-change, 0);
            if (i <= period) {
                gain += up / period;
                loss += down / period;
                if (i < period) {
                    continue;
                }
            } else {
                gain = (gain * (period - 1) + up) / period;
                loss = (loss * (period - 1) + down) / period;
            }
            double rsi = loss == 0 ? (gain == 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss);
            int belowSign = Double.compare(rsi, lower) == 0 ? 0 : (rsi > lower ? 1 : -1);
            int aboveSign = Double.compare(rsi, upper) == 0 ? 0 : (rsi > upper ? 1 : -1);
            boolean crossedBelow = belowSign < 0 && lowerSign > 0;
            boolean crossedAbove = aboveSign > 0 && upperSign < 0;
            lowerSign = belowSign != 0 ? belowSign : lowerSign;
            upperSign = aboveSign != 0 ? aboveSign : upperSign;
            if (i == n - 1) {
                break; // an order decided on the last close never fills
            }
            if (crossedBelow && entryBar < 0) {
                entryBar = i + 1;
            } else if (crossedAbove && entryBar >= 0) {
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
}
