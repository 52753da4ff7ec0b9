package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.sdk.volatility.GarchFit;
import io.quantplug.sdk.volatility.GarchFitter;
import io.quantplug.sdk.volatility.GarchParameters;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The walk-forward schedule of {@link GarchForecaster} on real BTCUSDT 1-minute bars: each fit uses exactly the
 * trailing window of closes up to the bar of the fit (compared with sdk-volatility's fitter run on that window
 * alone), and between fits the variance follows the GARCH(1,1) recursion written out here.
 */
class GarchForecasterTest {

    static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";

    private static final int WINDOW = 100;
    private static final int REFIT = 50;
    private static List<Bar> bars;

    @BeforeAll
    static void readBars() {
        Path file = SharedData.require(FILE);
        bars = new BarFileReader().read(file).series().toBars(InstrumentId.of("BTCUSDT", "BINANCE")).subList(0, 220);
    }

    @Test
    void refitsOnPastClosesOnlyAndFollowsTheRecursionInBetween() {
        double[] closes = bars.stream().mapToDouble(Bar::close).toArray();
        RecentBars kept = new RecentBars(WINDOW + 1);
        GarchForecaster garch = new GarchForecaster(WINDOW, REFIT, 10);
        GarchFitter fitter = new GarchFitter();

        for (int t = 0; t < WINDOW; t++) {       // bars 0 .. 99: 100 closes, 99 returns: too few for the first fit
            kept.add(bars.get(t));
            garch.onBar(kept);
        }
        assertThat(garch.available()).isFalse();

        kept.add(bars.get(WINDOW));              // bar 100: closes 0 .. 100 are the first 100 returns
        garch.onBar(kept);
        GarchFit first = fitter.fitCloses(Arrays.copyOfRange(closes, 0, WINDOW + 1));
        assertThat(garch.parameters()).isEqualTo(first.parameters());
        assertThat(garch.nextVariance()).isEqualTo(first.nextVariance());

        // bars 101 .. 149: v <- omega + alpha (r_t - mu)^2 + beta v, r_t = 100 ln(C_t / C_t-1), same parameters
        GarchParameters p = garch.parameters();
        double v = first.nextVariance();
        for (int t = WINDOW + 1; t < WINDOW + REFIT; t++) {
            kept.add(bars.get(t));
            garch.onBar(kept);
            double r = 100 * Math.log(closes[t] / closes[t - 1]);
            v = p.omega() + p.alpha() * (r - p.mu()) * (r - p.mu()) + p.beta() * v;
            assertThat(garch.parameters()).isSameAs(p);
            assertThat(garch.nextVariance()).isCloseTo(v, within(1e-12 * v));
        }

        kept.add(bars.get(WINDOW + REFIT));      // bar 150: 50 bars after the first fit, refit on closes 50 .. 150
        garch.onBar(kept);
        GarchFit second = fitter.fitCloses(Arrays.copyOfRange(closes, REFIT, WINDOW + REFIT + 1));
        assertThat(garch.parameters()).isEqualTo(second.parameters());
        assertThat(garch.nextVariance()).isEqualTo(second.nextVariance());
        assertThat(garch.fits()).isEqualTo(2);
        // a fit that had seen the next bar would differ: the forecaster did not look ahead
        GarchFit withNextBar = fitter.fitCloses(Arrays.copyOfRange(closes, REFIT + 1, WINDOW + REFIT + 2));
        assertThat(garch.parameters()).isNotEqualTo(withNextBar.parameters());
    }

    @Test
    void aWindowOfEqualClosesIsNotFittedAndTheNextAttemptWaitsForTheSchedule() {
        RecentBars kept = new RecentBars(WINDOW + 1);
        GarchForecaster garch = new GarchForecaster(WINDOW, REFIT, 10);
        FakeContext ctx = new FakeContext(FakeContext.BTCUSDT, java.util.Map.of());
        for (int t = 0; t <= WINDOW; t++) {
            kept.add(ctx.bar(t, 20000, 20000, 20000, 20000));
            garch.onBar(kept);
        }
        assertThat(garch.available()).isFalse();
        assertThat(garch.lastFailure()).contains("zero variance");
    }
}
