package io.quantplug.plugins.mlregime;

/**
 * The training label of bar i: what the {@code h} bars after it did. With {@code r_k = ln(C_k / C_{k-1})}:
 *
 * <ul>
 *   <li>forward return {@code R = ln(C_{i+h} / C_i)};</li>
 *   <li>forward realised volatility {@code sigma_f = sqrt((1/h) sum_{k=i+1..i+h} r_k^2)};</li>
 *   <li>reference volatility {@code sigma_ref = sqrt((1/m) sum_{k=i-m+1..i} r_k^2)}, the long window's realised
 *       volatility at bar i (the scale the thresholds are measured in, known at bar i; feature
 *       {@code volatility} of {@link RegimeFeatures} with {@code w = m}).</li>
 * </ul>
 *
 * Then, first rule that holds: {@link MarketRegime#HIGH_VOLATILITY} when {@code sigma_f > rho sigma_ref};
 * {@link MarketRegime#TREND_UP} when {@code R > z sigma_ref sqrt(h)}; {@link MarketRegime#TREND_DOWN} when
 * {@code R < -z sigma_ref sqrt(h)}; else {@link MarketRegime#RANGE}. {@code z sigma_ref sqrt(h)} is z standard
 * deviations of an h-bar random walk with the reference volatility, so the thresholds adapt to the instrument, the
 * bar length and the recent level of volatility; {@code rho} ({@code volatilityThreshold}) and {@code z}
 * ({@code trendThreshold}) are parameters.
 *
 * <p>The label of bar i reads bars {@code i - m .. i + h}: it is known once bar {@code i + h} is complete, so at
 * decision time t only the labels of bars {@code i <= t - h} exist. Stateless and thread-safe.
 */
final class RegimeLabeler {

    private final int horizon;
    private final int referenceBars;
    private final double trendThreshold;
    private final double volatilityThreshold;

    /**
     * A labeler.
     *
     * @param horizonBars         h, &ge; 1
     * @param referenceBars       m, the long window of the reference volatility, &ge; 1
     * @param trendThreshold      z, &gt; 0
     * @param volatilityThreshold rho, &gt; 0
     */
    RegimeLabeler(int horizonBars, int referenceBars, double trendThreshold, double volatilityThreshold) {
        if (horizonBars < 1 || referenceBars < 1 || !(trendThreshold > 0) || !(volatilityThreshold > 0)) {
            throw new IllegalArgumentException("invalid labeler: h " + horizonBars + ", m " + referenceBars
                    + ", z " + trendThreshold + ", rho " + volatilityThreshold);
        }
        this.horizon = horizonBars;
        this.referenceBars = referenceBars;
        this.trendThreshold = trendThreshold;
        this.volatilityThreshold = volatilityThreshold;
    }

    /** @return h, the bars the label looks ahead */
    int horizon() {
        return horizon;
    }

    /**
     * The label of bar i.
     *
     * @param w the bars; must hold {@code i - m .. i + h}
     * @param i the bar index
     * @return the regime the following h bars were in
     * @throws IndexOutOfBoundsException when a needed bar is not held
     */
    MarketRegime label(BarWindow w, long i) {
        double reference = RegimeFeatures.realisedVolatility(w, i, referenceBars);
        double forward = RegimeFeatures.realisedVolatility(w, i + horizon, horizon);
        double r = Math.log(w.close(i + horizon) / w.close(i));
        double trend = trendThreshold * reference * Math.sqrt(horizon);
        if (forward > volatilityThreshold * reference) {
            return MarketRegime.HIGH_VOLATILITY;
        }
        if (r > trend) {
            return MarketRegime.TREND_UP;
        }
        if (r < -trend) {
            return MarketRegime.TREND_DOWN;
        }
        return MarketRegime.RANGE;
    }
}
