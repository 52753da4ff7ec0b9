package io.quantplug.sdk.volatility;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Every estimator on a six-bar fixture whose values were worked out by hand below (logs to 12 digits), and the
 * RiskMetrics recursion on Hull's published EWMA example.
 *
 * <pre>
 *  bar   open    high   low   close
 *   0   100     102     99    101
 *   1   101.5   104    100    103
 *   2   103     105    101    102
 *   3   101.5   103     98     99
 *   4    99     101     97    100
 *   5   100.5   106    100    105
 * </pre>
 * Annualisation: daily bars, 365 bars a year ({@link Timeframe#barsPerYear()} of {@code 1d}).
 */
class VolatilityEstimatorsTest {

    static final double[] OPEN = {100, 101.5, 103, 101.5, 99, 100.5};
    static final double[] HIGH = {102, 104, 105, 103, 101, 106};
    static final double[] LOW = {99, 100, 101, 98, 97, 100};
    static final double[] CLOSE = {101, 103, 102, 99, 100, 105};

    private static final OhlcBars BARS = OhlcBars.of(OPEN, HIGH, LOW, CLOSE);
    /** Hand values are given to 12-13 significant digits. */
    private static final double EPS = 1e-14;

    @Test
    void closeToCloseIsTheSampleVarianceOfLogReturns() {
        // r1 = ln(103/101) =  0.019608471388      (r - rbar)^2 = 1.401975521457e-4
        // r2 = ln(102/103) = -0.009756174945                     3.070955391189e-4
        // r3 = ln( 99/102) = -0.029852963150                     1.415334359990e-3
        // r4 = ln(100/ 99) =  0.010050335854                     5.209209120596e-6
        // r5 = ln(105/100) =  0.048790164169                     1.682820688236e-3
        // rbar = 0.038839833316 / 5 = 0.007767966663;  sum of squares = 3.550657348611e-3
        // variance = 3.550657348611e-3 / (5 - 1) = 8.876643371527e-4
        // annualised = sqrt(365 * 8.876643371527e-4) = 0.569207767920
        VolatilityEstimator e = new CloseToCloseEstimator();
        assertThat(e.variance(BARS)).isCloseTo(8.876643371527e-4, within(EPS));
        assertThat(e.annualisedVolatility(BARS, Timeframe.D1)).isCloseTo(0.569207767920, within(1e-11));
    }

    @Test
    void parkinsonScalesTheMeanSquaredLogRangeByFourLnTwo() {
        // (ln H/L)^2:  ln(102/99)^2 = 0.029852963150^2 = 8.911994088162e-4
        //              ln(104/100)^2 = 0.039220713153^2 = 1.538264340252e-3
        //              ln(105/101)^2 = 0.038839833316^2 = 1.508532652035e-3
        //              ln(103/98)^2  = 0.049761509559^2 = 2.476207833597e-3
        //              ln(101/97)^2  = 0.040409538338^2 = 1.632930788680e-3
        //              ln(106/100)^2 = 0.058268908124^2 = 3.395265653960e-3
        // sum = 1.144240067734e-2;  4 ln 2 = 2.772588722240
        // variance = 1.144240067734e-2 / (2.772588722240 * 6) = 6.878289463777e-4
        // annualised = sqrt(365 * 6.878289463777e-4) = 0.501056449343
        VolatilityEstimator e = new ParkinsonEstimator();
        assertThat(e.variance(BARS)).isCloseTo(6.878289463777e-4, within(EPS));
        assertThat(e.annualisedVolatility(BARS, Timeframe.D1)).isCloseTo(0.501056449343, within(1e-11));
    }

    @Test
    void garmanKlassCombinesTheRangeAndTheOpenToCloseMove() {
        // term = 0.5 (ln H/L)^2 - (2 ln 2 - 1)(ln C/O)^2,  2 ln 2 - 1 = 0.386294361120
        //  bar 0: ln(101/100)   =  0.009950330853: 0.5*8.911994088162e-4 - 0.386294361120*9.900908408751e-5
        //                                          = 4.073530535255e-4
        //  bar 1: ln(103/101.5) =  0.014670189748: 0.5*1.538264340252e-3 - 0.386294361120*2.152144672363e-4
        //                                          = 6.859960350012e-4
        //  bar 2: ln(102/103)   = -0.009756174945: 0.5*1.508532652035e-3 - 0.386294361120*9.518294956456e-5
        //                                          = 7.174976893260e-4
        //  bar 3: ln(99/101.5)  = -0.024938948347: 0.5*2.476207833597e-3 - 0.386294361120*6.219511446669e-4
        //                                          = 9.978476967215e-4
        //  bar 4: ln(100/99)    =  0.010050335854: 0.5*1.632930788680e-3 - 0.386294361120*1.010092507682e-4
        //                                          = 7.774460903475e-4
        //  bar 5: ln(105/100.5) =  0.043802622658: 0.5*3.395265653960e-3 - 0.386294361120*1.918669751754e-3
        //                                          = 9.564615210265e-4
        // variance = 4.542602085948e-3 / 6 = 7.571003476580e-4;  annualised = sqrt(365 * that) = 0.525682058753
        VolatilityEstimator e = new GarmanKlassEstimator();
        assertThat(e.variance(BARS)).isCloseTo(7.571003476580e-4, within(EPS));
        assertThat(e.annualisedVolatility(BARS, Timeframe.D1)).isCloseTo(0.525682058753, within(1e-11));
    }

    @Test
    void rogersSatchellAveragesTheDriftFreeRangeProducts() {
        // term = ln(H/C) ln(H/O) + ln(L/C) ln(L/O)
        //  bar 0: 0.009852296443*0.019802627296 + (-0.020000666707)*(-0.010050335854) = 3.961147721684e-4
        //  bar 1: 0.009661910912*0.024332100660 + (-0.029558802242)*(-0.014888612494) = 6.751841412216e-4
        //  bar 2: 0.028987536873*0.019231361928 + (-0.009852296443)*(-0.019608471388) = 7.506582859201e-4
        //  bar 3: 0.039609138095*0.014670189748 + (-0.010152371464)*(-0.035091319811) = 9.373336854876e-4
        //  bar 4: 0.009950330853*0.020000666707 + (-0.030459207485)*(-0.020408871631) = 8.206513065590e-4
        //  bar 5: 0.009478743955*0.053281366613 + (-0.048790164169)*(-0.004987541511) = 7.483834007977e-4
        // variance = 4.328325592154e-3 / 6 = 7.213875986924e-4;  annualised = 0.513133972294
        VolatilityEstimator e = new RogersSatchellEstimator();
        assertThat(e.variance(BARS)).isCloseTo(7.213875986924e-4, within(EPS));
        assertThat(e.annualisedVolatility(BARS, Timeframe.D1)).isCloseTo(0.513133972294, within(1e-11));
    }

    @Test
    void yangZhangWeighsOvernightOpenToCloseAndRogersSatchell() {
        // n = 5 periods (bars 1..5).
        //  o_i = ln(O_i/C_{i-1}):  ln(101.5/101) = 0.004938281641, ln(103/103) = 0, ln(101.5/102) = -0.004914014802,
        //                          ln(99/99) = 0, ln(100.5/100) = 0.004987541511          obar = 0.001002361670
        //  c_i = ln(C_i/O_i):      0.014670189748, -0.009756174945, -0.024938948347, 0.010050335854, 0.043802622658
        //                                                                                 cbar = 0.006765604993
        //  V_O  = sum (o_i - obar)^2 / 4 = 1.709652319468e-5
        //  V_C  = sum (c_i - cbar)^2 / 4 = 6.807901273387e-4
        //  V_RS = (RS terms of bars 1..5 above) / 5 = 3.932210819986e-3 / 5 = 7.864421639972e-4
        //  k    = 0.34 / (1.34 + 6/4) = 0.34 / 2.84 = 0.119718309859
        // variance = 1.709652319468e-5 + 0.119718309859 * 6.807901273387e-4 + 0.880281690141 * 7.864421639972e-4
        //          = 7.908902039299e-4;  annualised = sqrt(365 * that) = 0.537284770335
        VolatilityEstimator e = new YangZhangEstimator();
        assertThat(YangZhangEstimator.k(5)).isCloseTo(0.119718309859, within(1e-12));
        assertThat(e.variance(BARS)).isCloseTo(7.908902039299e-4, within(EPS));
        assertThat(e.annualisedVolatility(BARS, Timeframe.D1)).isCloseTo(0.537284770335, within(1e-11));
    }

    @Test
    void ewmaNormalisesTheRiskMetricsWeights() {
        // r_i^2 (from the close-to-close case) with weights 0.94^(5-i):
        //   0.94^4 = 0.78074896 * 3.844921501888e-4
        //   0.94^3 = 0.830584   * 9.518294956456e-5
        //   0.94^2 = 0.8836     * 8.911994088162e-4
        //   0.94   = 0.94       * 1.010092507682e-4
        //   1      = 1          * 2.380480119680e-3
        // weighted sum = 3.642141894401e-3;  weights = 1 + 0.94 + 0.8836 + 0.830584 + 0.78074896 = 4.43493296
        // variance = 3.642141894401e-3 / 4.43493296 = 8.212394476424e-4;  annualised = 0.547496482536
        EwmaEstimator e = new EwmaEstimator();
        assertThat(e.lambda()).isEqualTo(0.94);
        assertThat(e.variance(BARS)).isCloseTo(8.212394476424e-4, within(EPS));
        assertThat(e.annualisedVolatility(BARS, Timeframe.D1)).isCloseTo(0.547496482536, within(1e-11));
    }

    @Test
    void ewmaUpdateReproducesHullsWorkedExample() {
        // Hull, Options, Futures, and Other Derivatives, "Estimating Volatilities and Correlations", EWMA example:
        // lambda = 0.90, yesterday's volatility 1% a day, yesterday's return 2%:
        // sigma^2 = 0.9 * 0.0001 + 0.1 * 0.0004 = 0.00013, i.e. a volatility of 1.14% a day.
        EwmaEstimator e = new EwmaEstimator(0.90);
        double variance = e.update(0.01 * 0.01, 0.02);
        assertThat(variance).isCloseTo(0.00013, within(1e-18));
        assertThat(Math.sqrt(variance)).isCloseTo(0.0114, within(0.00005));
    }

    @Test
    void ewmaOnALongSeriesApproachesTheSeededRiskMetricsRecursion() {
        // After 400 returns 0.94^400 ~ 1.7e-11: the normalised weights and the plain recursion (any seed) agree.
        int n = 401;
        double[] c = new double[n];
        c[0] = 100;
        for (int i = 1; i < n; i++) {
            c[i] = c[i - 1] * Math.exp(0.01 * Math.sin(i * 0.7) + 0.004 * Math.cos(i * 1.3));
        }
        OhlcBars bars = OhlcBars.of(c, c, c, c);
        EwmaEstimator e = new EwmaEstimator();
        double recursion = 0.0;
        for (int i = 1; i < n; i++) {
            recursion = e.update(recursion, Math.log(c[i] / c[i - 1]));
        }
        assertThat(e.variance(bars)).isCloseTo(recursion, within(recursion * 1e-9));
    }

    @Test
    void annualisationUsesTheBarLengthOverA365DayYear() {
        VolatilityEstimator e = new ParkinsonEstimator();
        double perBar = e.volatility(BARS);
        assertThat(e.annualisedVolatility(BARS, Timeframe.H1)).isCloseTo(perBar * Math.sqrt(8760), within(1e-12));
        assertThat(e.annualisedVolatility(BARS, Timeframe.D1)).isCloseTo(perBar * Math.sqrt(365), within(1e-12));
        assertThat(e.annualisedVolatility(BARS, 252)).isCloseTo(perBar * Math.sqrt(252), within(1e-12));
        assertThatIllegalArgumentException().isThrownBy(() -> e.annualisedVolatility(BARS, 0))
                .withMessageContaining("periodsPerYear");
    }

    @Test
    void platformBarsGiveTheSameSeries() {
        InstrumentId id = InstrumentId.of("BTCUSDT", "BINANCE");
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < OPEN.length; i++) {
            bars.add(new Bar(id, Timeframe.D1, i * Timeframe.D1.millis(), OPEN[i], HIGH[i], LOW[i], CLOSE[i], 1));
        }
        assertThat(new YangZhangEstimator().variance(OhlcBars.of(bars)))
                .isEqualTo(new YangZhangEstimator().variance(BARS));
        List<Bar> reversed = new ArrayList<>(bars);
        java.util.Collections.reverse(reversed);
        assertThatIllegalArgumentException().isThrownBy(() -> OhlcBars.of(reversed))
                .withMessageContaining("bars[1]").withMessageContaining("oldest first");
    }

    @Test
    void tooFewBarsAreRefusedNamingTheEstimatorAndTheCount() {
        OhlcBars two = BARS.last(2);
        assertThatIllegalArgumentException().isThrownBy(() -> new CloseToCloseEstimator().variance(two))
                .withMessage("close-to-close needs at least 3 bars, got 2 (parameter bars)");
        assertThatIllegalArgumentException().isThrownBy(() -> new YangZhangEstimator().variance(two))
                .withMessageContaining("yang-zhang needs at least 3 bars");
        assertThatIllegalArgumentException().isThrownBy(() -> new EwmaEstimator().variance(BARS.last(1)))
                .withMessageContaining("ewma needs at least 2 bars, got 1");
        assertThat(new ParkinsonEstimator().variance(BARS.last(1))).isCloseTo(3.395265653960e-3 / 2.772588722240,
                within(1e-13));
    }

    @Test
    void badPricesAreRefusedNamingTheArrayAndIndex() {
        double[] low = LOW.clone();
        low[3] = 0;
        assertThatIllegalArgumentException().isThrownBy(() -> OhlcBars.of(OPEN, HIGH, low, CLOSE))
                .withMessage("low[3] must be finite and > 0, got 0.0");
        double[] close = CLOSE.clone();
        close[2] = Double.NaN;
        assertThatIllegalArgumentException().isThrownBy(() -> OhlcBars.of(OPEN, HIGH, LOW, close))
                .withMessageContaining("close[2]");
        double[] high = HIGH.clone();
        high[4] = 99.5;   // below the close of 100
        assertThatIllegalArgumentException().isThrownBy(() -> OhlcBars.of(OPEN, high, LOW, CLOSE))
                .withMessageStartingWith("bar 4: low <= open, close <= high does not hold");
        assertThatIllegalArgumentException().isThrownBy(() -> OhlcBars.of(OPEN, HIGH, LOW, new double[5]))
                .withMessageContaining("same length");
        assertThatIllegalArgumentException().isThrownBy(() -> new EwmaEstimator(1.0))
                .withMessageContaining("lambda");
    }

    @Test
    void inputArraysAreCopied() {
        double[] close = CLOSE.clone();
        OhlcBars bars = OhlcBars.of(OPEN, HIGH, LOW, close);
        close[5] = 1e9;
        assertThat(bars.close(5)).isEqualTo(105);
    }
}
