package io.quantplug.sdk.volatility;

/**
 * The Rogers–Satchell drift-independent range estimator.
 *
 * <pre>
 *   sigma^2 = 1/m * sum_{i=1..m} [ ln(H_i / C_i) ln(H_i / O_i) + ln(L_i / C_i) ln(L_i / O_i) ]
 * </pre>
 * over all {@code m} bars (Rogers, L. C. G. and Satchell, S. E. (1991), "Estimating Variance from High, Low and
 * Closing Prices", <i>Annals of Applied Probability</i> 1(4), 504–512). Unbiased for a Brownian motion with any drift;
 * it ignores opening gaps. Each term is &ge; 0 (both factors of a product have the same sign).
 *
 * <p>{@link #variance(OhlcBars)} is per bar, in squared log-return units; {@link VolatilityEstimator} annualises it.
 * Stateless and thread-safe.
 */
public final class RogersSatchellEstimator implements VolatilityEstimator {

    /** Creates the estimator. */
    public RogersSatchellEstimator() {
    }

    @Override
    public String name() {
        return "rogers-satchell";
    }

    @Override
    public int minimumBars() {
        return 1;
    }

    @Override
    public double variance(OhlcBars bars) {
        bars.requireAtLeast(minimumBars(), name());
        return meanTerm(bars, 0, bars.size());
    }

    /**
     * The mean Rogers–Satchell term over bars {@code [from, to)}.
     *
     * @param bars the bars
     * @param from first bar, inclusive
     * @param to   last bar, exclusive, &gt; {@code from}
     * @return the mean of {@code ln(H/C) ln(H/O) + ln(L/C) ln(L/O)}
     */
    static double meanTerm(OhlcBars bars, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double o = bars.open(i);
            double c = bars.close(i);
            double h = bars.high(i);
            double l = bars.low(i);
            sum += Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);
        }
        return sum / (to - from);
    }
}
