package io.quantplug.plugins.sizing;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;

/**
 * Average true range over the latest {@code n} bars (Wilder, J. W. (1978), <i>New Concepts in Technical Trading
 * Systems</i>, ch. "Volatility"):
 * <pre>
 *   TR_t  = max(H_t - L_t, |H_t - C_{t-1}|, |L_t - C_{t-1}|)
 *   ATR_n = 1/n x sum of the latest n TR_t
 * </pre>
 * The simple mean is the value Wilder starts his smoothed ATR from; it is used here because a sizer reads a
 * finite window and should not depend on how long the session has run. Needs {@code n + 1} bars (each true range
 * looks at the previous close). Quote currency per base unit, {@code double}.
 */
final class AverageTrueRange {

    private AverageTrueRange() {
    }

    /**
     * The ATR of the latest {@code n} bars.
     *
     * @param history the bars, newest first
     * @param n       bars averaged, &ge; 1
     * @return the ATR, quote per base, &ge; 0; NaN while the history holds fewer than {@code n + 1} bars
     */
    static double of(BarHistory history, int n) {
        if (history.size() < n + 1) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Bar bar = history.get(i);
            double previousClose = history.get(i + 1).close();
            sum += Math.max(bar.high() - bar.low(),
                    Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
        }
        return sum / n;
    }
}
