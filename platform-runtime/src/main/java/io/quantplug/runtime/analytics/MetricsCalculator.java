package io.quantplug.runtime.analytics;

import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * Computes {@link PerformanceMetrics} from an equity curve and round trips.
 *
 * <p>With equity points {@code E_0..E_N} (start, then each bar close) the per-bar simple returns are
 * {@code r_i = E_i / E_{i-1} - 1}, {@code i = 1..N}, and {@code P} is the number of bars per 365-day year.
 * <ul>
 *   <li>Total return {@code = E_N / E_0 - 1}; CAGR {@code = (E_N / E_0)^(1/y) - 1} with {@code y} the span of the
 *       curve in 365-day years (CFA Institute, <i>Quantitative Investment Analysis</i>, compound annual rate).</li>
 *   <li>Annualised volatility {@code = s * sqrt(P)}, {@code s} the sample standard deviation of {@code r}
 *       (divisor {@code N - 1}); scaling by {@code sqrt(P)} assumes i.i.d. returns (Lo, "The Statistics of Sharpe
 *       Ratios", <i>Financial Analysts Journal</i> 58(4), 2002).</li>
 *   <li>Sharpe {@code = mean(r) / s * sqrt(P)}, risk-free rate 0 (Sharpe, "The Sharpe Ratio", <i>Journal of
 *       Portfolio Management</i> 21(1), 1994; annualisation as Lo 2002).</li>
 *   <li>Sortino {@code = mean(r) / DD * sqrt(P)} with downside deviation
 *       {@code DD = sqrt(sum(min(r_i, 0)^2) / N)}, target 0 (Sortino and Price, "Performance Measurement in a
 *       Downside Risk Framework", <i>Journal of Investing</i> 3(3), 1994).</li>
 *   <li>Maximum drawdown {@code = max_t (M_t - E_t) / M_t}, {@code M_t = max_{u<=t} E_u} (Magdon-Ismail and
 *       Atiya, "Maximum Drawdown", <i>Risk</i> 17(10), 2004); its duration runs from the time of the high
 *       {@code M_t} before the deepest trough to the first later point at or above that high, or to the end of the
 *       curve when it never recovers.</li>
 *   <li>Calmar {@code = CAGR / maximum drawdown} over the whole curve (Young, "Calmar Ratio: A Smoother Tool",
 *       <i>Futures</i> 20(1), 1991, used 36 months).</li>
 *   <li>Win rate {@code = #(pnl > 0) / n}; profit factor {@code = sum(pnl > 0) / |sum(pnl < 0)|}; average trade
 *       {@code = sum(pnl) / n}, all on net round-trip P&amp;L; exposure {@code = bars with a position / bars}.</li>
 * </ul>
 * A ratio with a zero denominator is {@code NaN}.
 */
public final class MetricsCalculator {

    private MetricsCalculator() {
    }

    /**
     * Computes the metrics.
     *
     * @param curve        equity points, the first being the initial capital; at least one point
     * @param trades       closed round trips
     * @param barsPerYear  annualisation factor {@code P}, e.g. {@code Timeframe.barsPerYear()}
     * @param barsInMarket bars that closed with a position open
     * @param startEquity  initial capital, exact
     * @param endEquity    final equity, exact
     * @param totalFees    fees paid, exact
     * @return the metrics
     * @throws IllegalArgumentException when the curve is empty or {@code barsPerYear <= 0}
     */
    public static PerformanceMetrics compute(EquityCurve curve, List<RoundTrip> trades, double barsPerYear,
                                             long barsInMarket, BigDecimal startEquity, BigDecimal endEquity,
                                             BigDecimal totalFees) {
        if (curve.size() == 0) {
            throw new IllegalArgumentException("equity curve is empty");
        }
        if (!(barsPerYear > 0)) {
            throw new IllegalArgumentException("bars per year must be > 0, got " + barsPerYear);
        }
        int n = curve.size() - 1;
        double[] returns = new double[n];
        double downsideSquares = 0;
        double previous = curve.equity(0);
        // Drawdown state, tracked in the same pass.
        double peak = previous;
        int peakIndex = 0;
        double maxDepth = 0;
        int maxPeakIndex = 0;
        int troughIndex = 0;
        for (int i = 1; i <= n; i++) {
            double e = curve.equity(i);
            double r = e / previous - 1.0;
            returns[i - 1] = r;
            if (r < 0) {
                downsideSquares += r * r;
            }
            if (e >= peak) {
                peak = e;
                peakIndex = i;
            } else if (peak - e > maxDepth * peak) {
                // (peak - e) / peak > maxDepth, without a division on every point (peak > 0)
                maxDepth = (peak - e) / peak;
                maxPeakIndex = peakIndex;
                troughIndex = i;
            }
            previous = e;
        }
        // The library's bulk path over an array is much faster than accepting values one by one.
        DoubleStatistics stats = DoubleStatistics.of(EnumSet.of(Statistic.MEAN, Statistic.VARIANCE), returns);
        double e0 = curve.equity(0);
        double eN = curve.equity(n);
        double totalReturn = eN / e0 - 1.0;
        double years = (curve.timeMillis(n) - curve.timeMillis(0)) / (365.0 * 86_400_000.0);
        double cagr = years > 0 ? (eN > 0 ? Math.pow(eN / e0, 1.0 / years) - 1.0 : -1.0) : Double.NaN;

        double mean = n > 0 ? stats.getAsDouble(Statistic.MEAN) : Double.NaN;
        double sd = n > 1 ? Math.sqrt(stats.getAsDouble(Statistic.VARIANCE)) : Double.NaN;
        double sqrtP = Math.sqrt(barsPerYear);
        double volatility = sd * sqrtP;
        double sharpe = ratio(mean, sd) * sqrtP;
        double downside = n > 0 ? Math.sqrt(downsideSquares / n) : Double.NaN;
        double sortino = ratio(mean, downside) * sqrtP;

        Drawdown dd = drawdown(curve, maxDepth, maxPeakIndex, troughIndex);
        double calmar = ratio(cagr, dd.depth);

        int wins = 0;
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        double returnSum = 0;
        for (RoundTrip t : trades) {
            net = net.add(t.pnl());
            returnSum += t.returnOnEntry();
            if (t.pnl().signum() > 0) {
                wins++;
                grossProfit = grossProfit.add(t.pnl());
            } else if (t.pnl().signum() < 0) {
                grossLoss = grossLoss.add(t.pnl().negate());
            }
        }
        int count = trades.size();
        double winRate = count > 0 ? (double) wins / count : Double.NaN;
        double profitFactor = grossLoss.signum() > 0
                ? grossProfit.divide(grossLoss, MathContext.DECIMAL64).doubleValue() : Double.NaN;
        BigDecimal averageTrade = count > 0 ? net.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64) : null;
        double averageReturn = count > 0 ? returnSum / count : Double.NaN;
        double exposure = n > 0 ? (double) barsInMarket / n : Double.NaN;

        return new PerformanceMetrics(startEquity, endEquity, endEquity.subtract(startEquity), totalFees,
                totalReturn, cagr, volatility, sharpe, sortino, dd.depth, Duration.ofMillis(dd.durationMillis),
                calmar, winRate, profitFactor, averageTrade, averageReturn, exposure, count);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 || Double.isNaN(denominator) ? Double.NaN : numerator / denominator;
    }

    private record Drawdown(double depth, long durationMillis) {
    }

    /** The deepest drawdown found in the pass, and its duration: from its high to the recovery of that high. */
    private static Drawdown drawdown(EquityCurve curve, double depth, int peakIndex, int troughIndex) {
        if (depth == 0) {
            return new Drawdown(0, 0);
        }
        double high = curve.equity(peakIndex);
        int end = curve.size() - 1;
        for (int i = troughIndex + 1; i < curve.size(); i++) {
            if (curve.equity(i) >= high) {
                end = i;
                break;
            }
        }
        return new Drawdown(depth, curve.timeMillis(end) - curve.timeMillis(peakIndex));
    }
}
