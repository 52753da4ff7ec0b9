package io.quantplug.plugins.signals;

/**
 * Wilder's average true range, streaming: O(1) time and memory per bar. Quote currency per base unit.
 *
 * <p>Source: J. Welles Wilder Jr., <i>New Concepts in Technical Trading Systems</i> (1978), section "Volatility".
 * With {@code n = period}:
 * <pre>
 *   TR_0 = H_0 - L_0                                                  (no previous close yet)
 *   TR_t = max(H_t - L_t, |H_t - C_{t-1}|, |L_t - C_{t-1}|)
 *   ATR  = mean(TR_0 .. TR_{n-1})                                     after n bars (Wilder's seed)
 *   ATR_t = (ATR_{t-1} (n - 1) + TR_t) / n                            after that (Wilder's smoothing)
 * </pre>
 * ta4j's {@code ATRIndicator} uses the same true range and smoothing but seeds with {@code TR_0} instead of the
 * mean; the two agree once the seed's weight {@code ((n - 1) / n)^k} is negligible (checked in the tests).
 *
 * <p>The SDK has no ATR, hence this class. Not thread-safe: the engine thread.
 */
final class AverageTrueRange {

    private final int period;
    private long count;
    private double previousClose;
    private double seedSum;
    private double value = Double.NaN;

    /**
     * Creates the average.
     *
     * @param period Wilder's {@code n}, &ge; 1 (14 in the book)
     * @throws IllegalArgumentException when {@code period < 1}
     */
    AverageTrueRange(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be >= 1, got " + period);
        }
        this.period = period;
    }

    /**
     * Feeds the next bar.
     *
     * @param high  the bar's high
     * @param low   the bar's low, &le; high
     * @param close the bar's close
     * @return the ATR after this bar, or NaN while fewer than {@code period} bars were fed
     */
    double update(double high, double low, double close) {
        double tr = high - low;
        if (count > 0) {
            tr = Math.max(tr, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
        }
        count++;
        if (count < period) {
            seedSum += tr;
        } else if (count == period) {
            value = (seedSum + tr) / period;
        } else {
            value = (value * (period - 1) + tr) / period;
        }
        previousClose = close;
        return value;
    }

    /**
     * The ATR after the latest bar.
     *
     * @return quote per base, &ge; 0, or NaN while warming up
     */
    double value() {
        return value;
    }

    /**
     * Whether at least {@code period} bars were fed.
     *
     * @return true once {@link #value()} is defined
     */
    boolean isReady() {
        return count >= period;
    }
}
