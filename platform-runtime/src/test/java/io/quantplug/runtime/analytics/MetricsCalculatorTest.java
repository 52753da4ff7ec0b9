package io.quantplug.runtime.analytics;

import io.quantplug.api.instrument.InstrumentId;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric formulas of {@link MetricsCalculator} on small hand-made equity curves and trade lists. Every expected
 * value is derived by hand in the comments (exact arithmetic; the assertions allow for binary rounding only).
 */
class MetricsCalculatorTest {

    private static final long DAY = 86_400_000L;
    private static final double DAILY = 365.0;
    private static final Offset<Double> EXACT = Offset.offset(1e-12);
    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");

    private static EquityCurve daily(double... equity) {
        long[] times = new long[equity.length];
        for (int i = 0; i < equity.length; i++) {
            times[i] = i * DAY;
        }
        return new EquityCurve(times, equity);
    }

    /** A long trip of 1 unit entered at 100 with the given net P&amp;L (no fees). */
    private static RoundTrip trip(String pnl) {
        BigDecimal p = new BigDecimal(pnl);
        return new RoundTrip("s-1", BTC, PositionSide.LONG, 0, DAY, new BigDecimal("100"),
                new BigDecimal("100").add(p), BigDecimal.ONE, p, BigDecimal.ZERO, p, ExitReason.SIGNAL);
    }

    private static PerformanceMetrics compute(EquityCurve curve, List<RoundTrip> trades, long barsInMarket) {
        return MetricsCalculator.compute(curve, trades, DAILY, barsInMarket, new BigDecimal("100"),
                BigDecimal.valueOf(curve.equity(curve.size() - 1)), new BigDecimal("1.5"));
    }

    /*
     * Curve A, one point a day: E = 100, 110, 99, 108.9, 87.12, 108.9 (days 0..5), so N = 5 returns
     *   r = +0.10, -0.10, +0.10, -0.20, +0.25.
     * mean = 0.15 / 5 = 0.03
     * deviations 0.07, -0.13, 0.07, -0.23, 0.22; squares 0.0049 + 0.0169 + 0.0049 + 0.0529 + 0.0484 = 0.128
     * sample variance = 0.128 / (5 - 1) = 0.032; s = sqrt(0.032) = 0.178885438...
     * P = 365: volatility = sqrt(0.032) * sqrt(365) = sqrt(11.68) = 3.417601498...
     * Sharpe = 0.03 / sqrt(0.032) * sqrt(365) = 3.204001404...
     * downside: min(r, 0)^2 = 0.01 and 0.04; DD = sqrt(0.05 / 5) = 0.1; Sortino = 0.03 / 0.1 * sqrt(365) = 5.731491952...
     * total return = 108.9 / 100 - 1 = 0.089
     * span 5 days = 5/365 years: CAGR = 1.089^(365/5) - 1 = 1.089^73 - 1 = 503.70222...
     * running high 110 from day 1; deepest trough 87.12 on day 4: max drawdown = (110 - 87.12) / 110 = 0.208;
     *   the curve never gets back to 110, so the duration runs to the end: day 5 - day 1 = 4 days
     * Calmar = CAGR / 0.208 = 2421.645...
     */
    private static final EquityCurve CURVE_A = daily(100, 110, 99, 108.9, 87.12, 108.9);

    @Test
    void returnAndGrowthOfTheCurve() {
        PerformanceMetrics m = compute(CURVE_A, List.of(), 3);
        assertThat(m.totalReturn()).isCloseTo(0.089, EXACT);
        assertThat(m.cagr()).isCloseTo(Math.pow(1.089, 73) - 1, Offset.offset(1e-9));
        assertThat(m.cagr()).isCloseTo(503.7022282876647, Offset.offset(1e-9));
    }

    @Test
    void volatilityIsTheSampleStandardDeviationScaledBySqrtP() {
        PerformanceMetrics m = compute(CURVE_A, List.of(), 3);
        assertThat(m.annualizedVolatility()).isCloseTo(Math.sqrt(11.68), EXACT);
        assertThat(m.annualizedVolatility()).isCloseTo(3.4176014981270124, EXACT);
    }

    @Test
    void sharpeIsMeanOverSampleDeviationTimesSqrtP() {
        PerformanceMetrics m = compute(CURVE_A, List.of(), 3);
        assertThat(m.sharpe()).isCloseTo(0.03 / Math.sqrt(0.032) * Math.sqrt(365), EXACT);
        assertThat(m.sharpe()).isCloseTo(3.204001404494074, EXACT);
    }

    @Test
    void sortinoUsesTheDownsideDeviationOverAllPeriods() {
        PerformanceMetrics m = compute(CURVE_A, List.of(), 3);
        // over the 2 losing periods only it would be sqrt(0.05 / 2) = 0.158..., giving 3.62...
        assertThat(m.sortino()).isCloseTo(0.3 * Math.sqrt(365), EXACT);
        assertThat(m.sortino()).isCloseTo(5.731491952362839, EXACT);
    }

    @Test
    void maxDrawdownWithoutRecoveryLastsToTheEnd() {
        PerformanceMetrics m = compute(CURVE_A, List.of(), 3);
        assertThat(m.maxDrawdown()).isCloseTo(0.208, EXACT);
        assertThat(m.maxDrawdownDuration()).isEqualTo(Duration.ofDays(4));
        assertThat(m.calmar()).isCloseTo((Math.pow(1.089, 73) - 1) / 0.208, Offset.offset(1e-8));
    }

    @Test
    void drawdownDurationBelongsToTheDeepestDrawdownNotTheLongest() {
        // E = 100, 120, 90, 120, 118, 117, 116, 115, 130 (days 0..8)
        // deepest: 120 (day 1) -> 90 (day 2) = 0.25, back at 120 on day 3: 2 days
        // a shallower one, 120 (day 3) -> 115 (day 7) = 0.0417, lasts 5 days but is not the maximum
        PerformanceMetrics m = compute(daily(100, 120, 90, 120, 118, 117, 116, 115, 130), List.of(), 0);
        assertThat(m.maxDrawdown()).isCloseTo(0.25, EXACT);
        assertThat(m.maxDrawdownDuration()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void drawdownIsDatedFromTheLastTimeAtTheHighBeforeTheTrough() {
        // E = 100, 120, 120, 90, 120: the high 120 is held on days 1 and 2; the trough is day 3 and the
        // recovery day 4. The peak is the last point at the high before the trough (day 2), as pyfolio's
        // underwater-curve convention does: 4 - 2 = 2 days.
        PerformanceMetrics m = compute(daily(100, 120, 120, 90, 120), List.of(), 0);
        assertThat(m.maxDrawdown()).isCloseTo(0.25, EXACT);
        assertThat(m.maxDrawdownDuration()).isEqualTo(Duration.ofDays(2));
    }

    /*
     * Trades with net P&L +10, -4, +6, -2, 0 (entered at 100, 1 unit):
     * win rate = 2 / 5 = 0.4 (a zero trade is not a win)
     * profit factor = (10 + 6) / |-4 - 2| = 16 / 6 = 2.666...
     * average trade = (10 - 4 + 6 - 2 + 0) / 5 = 2
     * average trade return = (0.10 - 0.04 + 0.06 - 0.02 + 0) / 5 = 0.02
     * exposure = 3 bars in the market / 5 bars = 0.6
     */
    @Test
    void tradeStatisticsUseNetRoundTripPnl() {
        List<RoundTrip> trades = List.of(trip("10"), trip("-4"), trip("6"), trip("-2"), trip("0"));
        PerformanceMetrics m = compute(CURVE_A, trades, 3);
        assertThat(m.tradeCount()).isEqualTo(5);
        assertThat(m.winRate()).isCloseTo(0.4, EXACT);
        assertThat(m.profitFactor()).isCloseTo(16.0 / 6.0, EXACT);
        assertThat(m.averageTrade()).isEqualByComparingTo("2");
        assertThat(m.averageTradeReturn()).isCloseTo(0.02, EXACT);
        assertThat(m.exposure()).isCloseTo(0.6, EXACT);
    }

    @Test
    void moneyFiguresArePassedThroughExactly() {
        PerformanceMetrics m = MetricsCalculator.compute(CURVE_A, List.of(), DAILY, 0, new BigDecimal("100"),
                new BigDecimal("108.90000001"), new BigDecimal("1.5"));
        assertThat(m.startEquity()).isEqualByComparingTo("100");
        assertThat(m.endEquity()).isEqualByComparingTo("108.90000001");
        assertThat(m.netProfit()).isEqualByComparingTo("8.90000001");
        assertThat(m.totalFees()).isEqualByComparingTo("1.5");
    }

    @Test
    void flatCurveHasNaNRatiosWhereTheDenominatorIsZero() {
        // returns 0, 0: s = 0, DD = 0, max drawdown 0
        PerformanceMetrics m = compute(daily(100, 100, 100), List.of(), 0);
        assertThat(m.totalReturn()).isZero();
        assertThat(m.cagr()).isZero();
        assertThat(m.annualizedVolatility()).isZero();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.maxDrawdownDuration()).isEqualTo(Duration.ZERO);
        assertThat(m.calmar()).isNaN();
    }

    @Test
    void curveThatOnlyRisesHasNaNSortinoAndCalmar() {
        // r = 0.1, 0.2: no downside, no drawdown
        PerformanceMetrics m = compute(daily(100, 110, 132), List.of(), 2);
        assertThat(m.sortino()).isNaN();
        assertThat(m.calmar()).isNaN();
        assertThat(m.sharpe()).isFinite();
    }

    @Test
    void noTradesGiveNaNTradeRatios() {
        PerformanceMetrics m = compute(CURVE_A, List.of(), 0);
        assertThat(m.tradeCount()).isZero();
        assertThat(m.winRate()).isNaN();
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.averageTradeReturn()).isNaN();
        // a BigDecimal cannot be NaN: the average of no trades is undefined, reported as null
        assertThat(m.averageTrade()).isNull();
    }

    @Test
    void onlyWinningTradesGiveNaNProfitFactor() {
        PerformanceMetrics m = compute(CURVE_A, List.of(trip("5"), trip("1")), 1);
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(m.profitFactor()).isNaN();
    }

    @Test
    void oneReturnHasNoSampleDeviation() {
        // N = 1: the sample standard deviation divides by N - 1 = 0
        PerformanceMetrics m = compute(daily(100, 105), List.of(), 1);
        assertThat(m.totalReturn()).isCloseTo(0.05, EXACT);
        assertThat(m.annualizedVolatility()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.exposure()).isEqualTo(1.0);
    }

    @Test
    void curveWithoutBarsHasNaNRatios() {
        // only the start point: no returns, no span, no bars
        PerformanceMetrics m = compute(daily(100), List.of(), 0);
        assertThat(m.totalReturn()).isZero();
        assertThat(m.cagr()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        // exposure = bars in the market / bars = 0 / 0
        assertThat(m.exposure()).isNaN();
    }

    @Test
    void curveOfManyPointsMatchesTheFormulaOnAGeneratedPath() {
        // a 2-point-per-step zigzag: returns alternate +2 % and -1 %, 100 times each
        List<Double> e = new ArrayList<>();
        e.add(1000.0);
        for (int i = 0; i < 200; i++) {
            e.add(e.get(e.size() - 1) * (i % 2 == 0 ? 1.02 : 0.99));
        }
        double[] values = e.stream().mapToDouble(Double::doubleValue).toArray();
        PerformanceMetrics m = compute(daily(values), List.of(), 0);
        // mean 0.005; deviations +-0.015, so the sample variance is 200 * 0.015^2 / 199
        double s = Math.sqrt(200 * 0.015 * 0.015 / 199);
        assertThat(m.sharpe()).isCloseTo(0.005 / s * Math.sqrt(365), Offset.offset(1e-9));
        // downside: 100 squares of 0.01^2 over N = 200: DD = sqrt(0.0001 / 2)
        assertThat(m.sortino()).isCloseTo(0.005 / Math.sqrt(0.0001 / 2) * Math.sqrt(365), Offset.offset(1e-9));
        // each -1 % bar is a new 1 % drawdown from the high just set, recovered at once
        assertThat(m.maxDrawdown()).isCloseTo(0.01, Offset.offset(1e-12));
        assertThat(m.maxDrawdownDuration()).isEqualTo(Duration.ofDays(2));
    }
}
