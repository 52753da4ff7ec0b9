package io.quantplug.plugins.volatility;

import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.session.Rejection;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testkit.RecordedSignal;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The black-swan-guard with its defaults in a test-kit backtest of regime-trend (EWMA stop sigma) on the Binance.US
 * BTCUSDT one-minute bars of 1 to 21 March 2023, against a loop over the same closes written here from the documented
 * rule: EWMA with normalised weights ({@code lambda} 0.94), armed after 100 returns, trip on
 * {@code |r_t| > 6 sigma_{t|t-1}} or {@code sigma_{t+1|t} / sigma_{t-9|t-10} > 3}, resume after 30 bars in a row with
 * {@code |r_t| < 3 sigma_{t|t-1}} and that ratio below 1.5.
 *
 * <p>The runtime behind the test kit does not implement {@code RiskContext.report} and {@code closePosition} yet
 * (they throw, the SPI defaults), so this run checks the refusals only; the events and the closes are checked with a
 * fake context in {@link BlackSwanGuardTest}.
 */
class BlackSwanGuardBacktestTest {

    static double[] close;
    static boolean[] tripped;
    static int trips;
    static BacktestRun run;

    @BeforeAll
    static void backtest() throws IOException {
        Path csv = SharedData.require(RegimeTrendBacktestTest.FILE);
        List<String> lines = Files.readAllLines(csv);
        close = new double[lines.size() - 1];
        for (int i = 0; i < close.length; i++) {
            close[i] = Double.parseDouble(lines.get(i + 1).split(",")[4]);
        }
        run = PluginBacktest.of(RegimeTrendProvider.class).parameters(Map.of("volatilityModel", "ewma")).csv(csv)
                .instrument("BTCUSDT").fees(10).riskRule(new BlackSwanGuardProvider(), Map.of()).run();
        tripped = handRolledGuard();
    }

    /** Whether the guard is tripped after each bar, by the documented rule. */
    static boolean[] handRolledGuard() {
        boolean[] out = new boolean[close.length];
        double[] after = new double[close.length];
        double weighted = 0;
        double weights = 0;
        boolean on = false;
        int calm = 0;
        for (int t = 1; t < close.length; t++) {
            int seen = t - 1;   // returns before this one
            double before = seen >= 20 ? Math.sqrt(weighted / weights) : Double.NaN;
            boolean armed = seen >= 100 && before > 0;
            double r = Math.log(close[t] / close[t - 1]);
            weighted = 0.94 * weighted + r * r;
            weights = 0.94 * weights + 1.0;
            after[t] = t >= 20 ? Math.sqrt(weighted / weights) : Double.NaN;
            double lagged = t - 10 >= 1 ? after[t - 10] : Double.NaN;
            double ratio = lagged > 0 ? after[t] / lagged : Double.NaN;
            if (!on) {
                if (armed && (Math.abs(r) > 6 * before || ratio > 3)) {
                    on = true;
                    calm = 0;
                    trips++;
                }
            } else {
                calm = armed && Math.abs(r) < 3 * before && ratio < 1.5 ? calm + 1 : 0;
                if (calm >= 30) {
                    on = false;
                    calm = 0;
                }
            }
            out[t] = on;
        }
        return out;
    }

    static int decisionBar(long timeMillis) {
        return run.barAt(timeMillis - 1);
    }

    @Test
    void everyEntryDecidedWhileTrippedIsRefusedAndNoOtherOrderIs() {
        Set<Integer> refused = run.result().rejections().stream()
                .peek(r -> assertThat(r.reason().code()).isEqualTo("BLACK_SWAN_GUARD"))
                .map(Rejection::timeMillis).map(BlackSwanGuardBacktestTest::decisionBar)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> entriesWhileTripped = run.signals().stream()
                .filter(s -> s.signal().direction() == SignalDirection.LONG).map(RecordedSignal::timeMillis)
                .map(BlackSwanGuardBacktestTest::decisionBar).filter(i -> tripped[i])
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(trips).isGreaterThan(5);
        assertThat(refused).isNotEmpty().isEqualTo(entriesWhileTripped);
        for (RoundTrip t : run.trades()) {   // what filled was decided while the guard was not tripped
            assertThat(tripped[run.barAt(t.entryTimeMillis()) - 1]).isFalse();
        }
        assertThat(run.faults()).isEmpty();   // report and closePosition unsupported: the guard carries on
    }
}
