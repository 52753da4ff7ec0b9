package io.quantplug.plugins.volatility;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.sdk.volatility.GarchFit;
import io.quantplug.sdk.volatility.GarchFitter;
import io.quantplug.sdk.volatility.GarchParameters;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testkit.RecordedSignal;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * regime-trend through the test kit (the runtime's engine and simulated venue) on the 30,240 one-minute BTCUSDT bars
 * of Binance.US, 1 to 21 March 2023 (the bank-failure weeks: SVB, the USDC de-peg), with its defaults (rank regime
 * over 1,000 bars, Donchian 20/10, stop 3 sigma of GARCH(1,1) fitted to 1,000 returns) but one GARCH fit a day
 * ({@code garchRefitBars=1440}), 10 bps fees and 2 bps slippage.
 *
 * <p>The outside truth is a loop over the same file written here from the documented rule, sharing no code with the
 * plugin but sdk-volatility's {@link GarchFitter} (checked against R's fGarch in its
 * {@code GarchFgarchReferenceTest}): the EWMA rank regime, the channels, the GARCH walk-forward with its recursion,
 * the next-open fills, the stop's level and its fills as the venue's rules state them (at the stop, or at the open
 * when a bar gaps through it, less slippage; from the bar after the entry's fill bar). Every trade of the engine must
 * be the loop's, to the bar and the price.
 */
class RegimeTrendBacktestTest {

    static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    static final double LAMBDA = 0.94;
    static final int RANK_WINDOW = 1_000;
    static final int GARCH_WINDOW = 1_000;
    static final int GARCH_REFIT = 1_440;
    static final BigDecimal SLIPPAGE = new BigDecimal("0.0002");

    static double[] open;
    static double[] high;
    static double[] low;
    static double[] close;
    static VolatilityRegime[] regime;
    static double[] sigma;
    static Instrument instrument;
    static BacktestRun run;

    /** A round trip by bar index: entry and exit fill bars and prices, and the stop level. */
    record Trip(int entryBar, BigDecimal entryPrice, int exitBar, BigDecimal exitPrice, ExitReason reason) {
    }

    @BeforeAll
    static void backtest() throws IOException {
        Path csv = SharedData.require(FILE);
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            open[i] = Double.parseDouble(f[1]);
            high[i] = Double.parseDouble(f[2]);
            low[i] = Double.parseDouble(f[3]);
            close[i] = Double.parseDouble(f[4]);
        }
        run = PluginBacktest.of(RegimeTrendProvider.class).parameters(Map.of("garchRefitBars", GARCH_REFIT)).csv(csv)
                .instrument("BTCUSDT").fees(10).slippage(2).run();
        instrument = run.result().config().instrument();
        regime = rankRegimes();
        sigma = garchForecasts();
    }

    /**
     * The rank regime by definition: {@code s2_t = 0.94 s2_{t-1} + 0.06 r_t^2} (seeded with {@code r_1^2}), ranked
     * among the last 1,000 values, {@code p = #{v < s2_t} / n}, LOW below 0.33, MEDIUM below 0.80, HIGH below 0.97;
     * none before 20 values.
     */
    static VolatilityRegime[] rankRegimes() {
        VolatilityRegime[] out = new VolatilityRegime[close.length];
        double[] values = new double[RANK_WINDOW];
        double s2 = Double.NaN;
        for (int t = 1; t < close.length; t++) {
            double r = Math.log(close[t] / close[t - 1]);
            s2 = t == 1 ? r * r : LAMBDA * s2 + (1.0 - LAMBDA) * r * r;
            values[(t - 1) % RANK_WINDOW] = s2;
            int kept = Math.min(t, RANK_WINDOW);
            if (kept < 20) {
                continue;
            }
            int below = 0;
            for (int k = 0; k < kept; k++) {
                below += values[k] < s2 ? 1 : 0;
            }
            double p = (double) below / kept;
            out[t] = p < 0.33 ? VolatilityRegime.LOW : p < 0.80 ? VolatilityRegime.MEDIUM
                    : p < 0.97 ? VolatilityRegime.HIGH : VolatilityRegime.EXTREME;
        }
        return out;
    }

    /**
     * {@code sigma_{t+1|t}} per bar, log-return units: GARCH(1,1) fitted to the last 1,000 percent returns at return
     * 1,000 and every 1,440 returns after, the recursion {@code omega + alpha (x_t - mu)^2 + beta sigma^2} in between;
     * before the first fit the EWMA with normalised weights (none before 20 returns).
     */
    static double[] garchForecasts() {
        double[] out = new double[close.length];
        double[] x = new double[close.length];
        double weighted = 0;
        double weights = 0;
        GarchParameters p = null;
        double v = Double.NaN;
        out[0] = Double.NaN;
        for (int t = 1; t < close.length; t++) {
            double r = Math.log(close[t] / close[t - 1]);
            weighted = LAMBDA * weighted + r * r;
            weights = LAMBDA * weights + 1.0;
            x[t] = 100.0 * r;
            if (p != null) {
                double e = x[t] - p.mu();
                v = p.omega() + p.alpha() * e * e + p.beta() * v;
            }
            if (t >= GARCH_WINDOW && (t - GARCH_WINDOW) % GARCH_REFIT == 0) {
                GarchFit fit = new GarchFitter().fit(Arrays.copyOfRange(x, t - GARCH_WINDOW + 1, t + 1));
                p = fit.parameters();
                v = fit.nextVariance();
            }
            out[t] = p != null ? Math.sqrt(v / 10_000.0) : t < 20 ? Double.NaN : Math.sqrt(weighted / weights);
        }
        return out;
    }

    /** The strategy and the venue by hand: decisions at each close, fills at the next open or at the stop. */
    static List<Trip> handRolled() {
        List<Trip> trips = new ArrayList<>();
        int n = close.length;
        boolean pendingEntry = false;
        boolean pendingExit = false;
        int entryBar = -1;
        BigDecimal entryPrice = null;
        BigDecimal stop = null;
        for (int i = 0; i < n; i++) {
            BigDecimal o = instrument.toTickPrice(open[i]);
            if (pendingExit) {
                trips.add(new Trip(entryBar, entryPrice, i, sell(o), ExitReason.SIGNAL));
                entryBar = -1;
                pendingExit = false;
            } else if (pendingEntry) {
                entryBar = i;
                entryPrice = buy(o);
                BigDecimal distance = BigDecimal.valueOf(3.0 * sigma[i - 1] * entryPrice.doubleValue());
                stop = instrument.roundPrice(entryPrice.subtract(distance), RoundingMode.DOWN);
                pendingEntry = false;
            } else if (entryBar >= 0 && entryBar < i) {
                BigDecimal touched = o.compareTo(stop) <= 0 ? o
                        : instrument.toTickPrice(low[i]).compareTo(stop) <= 0 ? stop : null;
                if (touched != null) {
                    trips.add(new Trip(entryBar, entryPrice, i, sell(touched), ExitReason.STOP));
                    entryBar = -1;
                }
            }
            if (i == n - 1) {
                break;   // a decision on the last close never fills
            }
            VolatilityRegime g = regime[i];
            if (entryBar >= 0) {
                pendingExit = g == VolatilityRegime.EXTREME || (i >= 10 && close[i] < lowest(i, 10));
            } else if (g != null && g != VolatilityRegime.EXTREME && !Double.isNaN(sigma[i]) && i >= 20
                    && close[i] > highest(i, 20)) {
                pendingEntry = true;
            }
        }
        if (entryBar >= 0) {
            trips.add(new Trip(entryBar, entryPrice, n - 1, instrument.toTickPrice(close[n - 1]),
                    ExitReason.END_OF_DATA));
        }
        return trips;
    }

    static double highest(int bar, int bars) {
        double h = Double.NEGATIVE_INFINITY;
        for (int k = bar - bars; k < bar; k++) {
            h = Math.max(h, high[k]);
        }
        return h;
    }

    static double lowest(int bar, int bars) {
        double l = Double.POSITIVE_INFINITY;
        for (int k = bar - bars; k < bar; k++) {
            l = Math.min(l, low[k]);
        }
        return l;
    }

    /** A taker buy 2 bps above, rounded up to the tick. */
    static BigDecimal buy(BigDecimal price) {
        return instrument.roundPrice(price.multiply(BigDecimal.ONE.add(SLIPPAGE)), RoundingMode.UP).stripTrailingZeros();
    }

    /** A taker sell 2 bps below, rounded down to the tick. */
    static BigDecimal sell(BigDecimal price) {
        return instrument.roundPrice(price.multiply(BigDecimal.ONE.subtract(SLIPPAGE)), RoundingMode.DOWN)
                .stripTrailingZeros();
    }

    /** The decision bar of a signal: the bar whose close time the clock read. */
    static int decisionBar(RecordedSignal s) {
        return run.barAt(s.timeMillis() - 1);
    }

    @Test
    void everyTradeIsTheHandRolledLoopsToTheBarAndThePrice() {
        List<Trip> expected = handRolled();
        List<Trip> actual = run.trades().stream().map(t -> new Trip(run.barAt(t.entryTimeMillis()),
                t.entryPrice().stripTrailingZeros(), run.barAt(t.exitTimeMillis()), t.exitPrice().stripTrailingZeros(),
                t.exitReason())).toList();

        assertThat(run.bars()).hasSize(30_240);
        assertThat(actual).containsExactlyElementsOf(expected);
        // every kind of exit happens on these three weeks, so each rule above was exercised
        assertThat(expected).extracting(Trip::reason).contains(ExitReason.SIGNAL, ExitReason.STOP);
        assertThat(expected.size()).isGreaterThan(100);
    }

    @Test
    void entriesCarryTheStrengthOfTheirRegimeAndNoneIsDecidedInExtreme() {
        List<RecordedSignal> entries = run.signals().stream()
                .filter(s -> s.signal().direction() == SignalDirection.LONG).toList();
        assertThat(entries).isNotEmpty();
        for (RecordedSignal s : entries) {
            VolatilityRegime g = regime[decisionBar(s)];
            assertThat(g).as("signal at %s", s.timeMillis()).isIn(VolatilityRegime.LOW, VolatilityRegime.MEDIUM,
                    VolatilityRegime.HIGH);
            double strength = g == VolatilityRegime.LOW ? 1.0 : g == VolatilityRegime.MEDIUM ? 0.5 : 0.25;
            assertThat(s.signal().strength()).as("signal at %s in %s", s.timeMillis(), g).isEqualTo(strength);
            assertThat(s.signal().scores()).containsEntry("volatilityRegime", (double) g.ordinal());
        }
        assertThat(entries).extracting(s -> s.signal().strength()).contains(1.0, 0.5, 0.25);
        // and no entry fill follows a bar classified EXTREME
        for (RoundTrip t : run.trades()) {
            assertThat(regime[run.barAt(t.entryTimeMillis()) - 1]).isNotEqualTo(VolatilityRegime.EXTREME);
        }
        // while long, an EXTREME bar is followed by a FLAT at that close
        long extremeExits = run.signals().stream().filter(s -> s.signal().direction() == SignalDirection.FLAT
                && s.signal().reason().equals("volatility regime EXTREME")).peek(s ->
                assertThat(regime[decisionBar(s)]).isEqualTo(VolatilityRegime.EXTREME)).count();
        assertThat(extremeExits).isPositive();
    }

    @Test
    void eachEntryInvestsItsRegimeStrengthTimesTheCash() {
        // No sizer: the engine buys the signal's strength times the cash as a quote amount Q, and the venue fills
        // floor_lot(Q / (fill price x (1 + 10 bps fee))). The strategy is flat between trades, so the cash before
        // trade i is the capital plus the net P&L of trades 0..i-1.
        BigDecimal cash = run.result().config().initialCapital();
        BigDecimal feeFactor = new BigDecimal("1.001");
        int cut = 0;
        for (RoundTrip t : run.trades()) {
            VolatilityRegime g = regime[run.barAt(t.entryTimeMillis()) - 1];
            BigDecimal strength = new BigDecimal(g == VolatilityRegime.LOW ? "1"
                    : g == VolatilityRegime.MEDIUM ? "0.5" : "0.25");
            BigDecimal quote = cash.multiply(strength);
            BigDecimal expected = instrument.roundQuantityDown(quote.divide(t.entryPrice().multiply(feeFactor),
                    java.math.MathContext.DECIMAL128));
            assertThat(t.quantity()).as("trade at %s in %s", t.entryTimeMillis(), g).isEqualByComparingTo(expected);
            cut += strength.compareTo(BigDecimal.ONE) < 0 ? 1 : 0;
            cash = cash.add(t.pnl());
        }
        assertThat(cut).as("entries cut to half or a quarter").isPositive();
    }

    @Test
    void eachStopExitFillsAtItsLevelOrTheGapLessSlippageOnTheFirstBarThatReachesIt() {
        int stops = 0;
        for (RoundTrip t : run.trades()) {
            if (t.exitReason() != ExitReason.STOP) {
                continue;
            }
            stops++;
            int entryBar = run.barAt(t.entryTimeMillis());
            int exitBar = run.barAt(t.exitTimeMillis());
            // entry - 3 sigma entry, sigma the forecast after the decision bar, rounded down to the tick
            BigDecimal stop = instrument.roundPrice(t.entryPrice().subtract(BigDecimal.valueOf(3.0
                    * sigma[entryBar - 1] * t.entryPrice().doubleValue())), RoundingMode.DOWN);
            BigDecimal exitOpen = instrument.toTickPrice(open[exitBar]);
            BigDecimal filledAt = exitOpen.compareTo(stop) <= 0 ? exitOpen : stop;
            assertThat(t.exitPrice().stripTrailingZeros()).as("trade entered at bar %d", entryBar)
                    .isEqualTo(sell(filledAt));
            assertThat(instrument.toTickPrice(low[exitBar])).isLessThanOrEqualTo(stop);
            for (int k = entryBar + 1; k < exitBar; k++) {
                assertThat(instrument.toTickPrice(low[k])).as("bar %d before the stop", k).isGreaterThan(stop);
            }
        }
        assertThat(stops).isGreaterThan(10);
    }
}
