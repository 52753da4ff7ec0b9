package io.quantplug.sdk.volatility;

import io.quantplug.api.market.Timeframe;

/**
 * A historical volatility estimator over a series of OHLC bars.
 *
 * <p>{@link #variance(OhlcBars)} is the estimate of the variance of the log return over <em>one bar</em> (a pure
 * number: squared log-return units, e.g. {@code 0.0004} for a 2% per-bar standard deviation). The annualised
 * volatility scales it by the number of bars in a year, {@code sigma_ann = sqrt(periodsPerYear * variance)}, the
 * square-root-of-time rule of a random walk with independent increments. With a {@link Timeframe}, periods per year
 * come from {@link Timeframe#barsPerYear()}: a 365-day year of 24-hour days, the convention for crypto markets that
 * trade around the clock (a daily bar gives 365, an hourly bar 8,760). For an exchange with trading sessions pass
 * the count explicitly, e.g. 252 for daily equity bars.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface VolatilityEstimator {

    /**
     * A short stable name, e.g. {@code parkinson}, for reports and JSON.
     *
     * @return the name
     */
    String name();

    /**
     * The fewest bars the estimator accepts.
     *
     * @return &ge; 1
     */
    int minimumBars();

    /**
     * The per-bar variance of log returns estimated from all the given bars.
     *
     * @param bars the bars, oldest first, not null, at least {@link #minimumBars()}
     * @return the per-bar variance, &ge; 0
     * @throws NullPointerException     when {@code bars} is null
     * @throws IllegalArgumentException when there are fewer than {@link #minimumBars()} bars
     */
    double variance(OhlcBars bars);

    /**
     * The per-bar volatility, {@code sqrt(variance(bars))}.
     *
     * @param bars the bars, oldest first, at least {@link #minimumBars()}
     * @return the per-bar standard deviation of log returns, &ge; 0
     * @throws IllegalArgumentException when there are too few bars
     */
    default double volatility(OhlcBars bars) {
        return Math.sqrt(variance(bars));
    }

    /**
     * The annualised volatility, {@code sqrt(periodsPerYear * variance(bars))}.
     *
     * @param bars           the bars, oldest first, at least {@link #minimumBars()}
     * @param periodsPerYear bars per year, finite and &gt; 0 (365 for daily crypto bars, 252 for daily equity bars)
     * @return the annualised standard deviation of log returns, as a fraction (0.6 = 60% a year)
     * @throws IllegalArgumentException when there are too few bars or {@code periodsPerYear} is not finite and
     *                                  &gt; 0
     */
    default double annualisedVolatility(OhlcBars bars, double periodsPerYear) {
        if (!(periodsPerYear > 0) || !Double.isFinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear must be finite and > 0, got " + periodsPerYear);
        }
        return Math.sqrt(periodsPerYear * variance(bars));
    }

    /**
     * The annualised volatility for bars of a given length, over a 365-day year ({@link Timeframe#barsPerYear()}).
     *
     * @param bars      the bars, oldest first, at least {@link #minimumBars()}
     * @param timeframe the bar length, not null
     * @return the annualised standard deviation of log returns, as a fraction
     * @throws IllegalArgumentException when there are too few bars
     */
    default double annualisedVolatility(OhlcBars bars, Timeframe timeframe) {
        return annualisedVolatility(bars, timeframe.barsPerYear());
    }
}
