package io.quantplug.plugins.sizing;

import io.quantplug.api.market.BarHistory;

/**
 * Realised volatility of one instrument from its recent closes: the close-to-close estimator, annualised by the bar
 * length.
 *
 * <p>With the {@code n} most recent log returns {@code r_i = ln(C_i / C_{i-1})} (so {@code n + 1} bars),
 * <pre>
 *   sigma_bar^2 = 1/(n - 1) x sum_i (r_i - rbar)^2,      rbar = 1/n x sum_i r_i
 *   sigma_year  = sigma_bar x sqrt(barsPerYear),          barsPerYear = 365 days / bar length
 * </pre>
 * the unbiased sample variance (R's {@code sd(diff(log(close)))}), Yang and Zhang's {@code V_CC} (Yang, D. and
 * Zhang, Q. (2000), "Drift-Independent Volatility Estimation Based on High, Low, Open, and Close Prices",
 * <i>Journal of Business</i> 73(3), 477–491), scaled by the square root of time. The year has 365 days because
 * crypto venues trade every day ({@link io.quantplug.api.market.Timeframe#barsPerYear()}); the bar length is the
 * newest bar's timeframe. Market-data arithmetic, so {@code double}.
 */
final class RealisedVolatility {

    private RealisedVolatility() {
    }

    /**
     * The annualised volatility of the latest {@code returns} close-to-close log returns.
     *
     * @param history  the instrument's recent bars, newest first
     * @param returns  how many returns, &ge; 2
     * @return sigma per year as a fraction (0.40 = 40 %), &ge; 0; NaN while the history holds fewer than
     *         {@code returns + 1} bars
     */
    static double annualised(BarHistory history, int returns) {
        if (history.size() < returns + 1) {
            return Double.NaN;
        }
        double perBar = Math.sqrt(variancePerBar(history, returns));
        return perBar * Math.sqrt(history.get(0).timeframe().barsPerYear());
    }

    /**
     * The sample variance of the latest {@code returns} log returns, per bar.
     *
     * @param history the bars, newest first, at least {@code returns + 1} of them
     * @param returns how many returns, &ge; 2
     * @return the variance, &ge; 0
     */
    static double variancePerBar(BarHistory history, int returns) {
        double sum = 0;
        for (int i = 0; i < returns; i++) {
            sum += logReturn(history, i);
        }
        double mean = sum / returns;
        double squares = 0;
        for (int i = 0; i < returns; i++) {
            double d = logReturn(history, i) - mean;
            squares += d * d;
        }
        return squares / (returns - 1);
    }

    private static double logReturn(BarHistory history, int barsAgo) {
        return Math.log(history.get(barsAgo).close() / history.get(barsAgo + 1).close());
    }
}
