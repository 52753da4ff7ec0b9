package io.quantplug.sdk.indicator;

/**
 * Bollinger bands: a middle band, the simple mean of the last {@code period} inputs, and an upper and a lower band
 * {@code multiplier} standard deviations above and below it.
 *
 * <p>Source: J. Bollinger, <i>Bollinger on Bollinger Bands</i> (2001), ch. 7: 20 periods and 2 deviations by
 * default. The standard deviation is the population one (divided by {@code n}, not {@code n - 1}), as in
 * Bollinger's book and ta4j's {@code StandardDeviationIndicator}. {@link #value()} is the middle band; all three are
 * defined after {@code period} inputs.
 *
 * <p>Numerics: the variance is kept as running sums of {@code d = x - K} and {@code d^2} for a shift {@code K} (the
 * "shifted data" algorithm of T. F. Chan, G. H. Golub, R. J. LeVeque, "Algorithms for computing the sample
 * variance", The American Statistician 37(3), 1983), with compensated sums. Every {@code period} inputs the shift
 * moves to the window's mean and the sums are recomputed from the window, so rounding never accumulates and the
 * update costs amortised O(1).
 */
public final class BollingerBands implements Indicator {

    private final int period;
    private final double multiplier;
    private final double[] window;
    private final CompensatedSum shifted = new CompensatedSum();
    private final CompensatedSum squares = new CompensatedSum();
    private double shift;
    private long count;
    private double middle = Double.NaN;
    private double deviation = Double.NaN;

    /**
     * Creates the bands.
     *
     * @param period     window length in inputs, &ge; 1 (20 in the book)
     * @param multiplier band width in standard deviations, finite and &gt; 0 (2 in the book)
     * @throws IllegalArgumentException when {@code period < 1} or the multiplier is not finite and positive
     */
    public BollingerBands(int period, double multiplier) {
        this.period = Inputs.requireAtLeast("Bollinger bands", "period", period, 1);
        if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("Bollinger bands multiplier must be finite and > 0, got "
                    + multiplier);
        }
        this.multiplier = multiplier;
        this.window = new double[period];
    }

    @Override
    public double update(double input) {
        Inputs.requireFinite(input);
        int slot = (int) (count % period);
        double leaving = window[slot];
        window[slot] = input;
        count++;
        if (slot == period - 1) {
            recentre();
        } else {
            double d = input - shift;
            shifted.add(d);
            squares.add(d * d);
            if (count > period) {
                double e = leaving - shift;
                shifted.add(-e);
                squares.add(-e * e);
            }
        }
        if (count >= period) {
            double mean = shifted.value() / period;
            middle = shift + mean;
            deviation = Math.sqrt(Math.max(0.0, squares.value() / period - mean * mean));
        }
        return middle;
    }

    /** Moves the shift to the mean of the full window and recomputes both sums from it. */
    private void recentre() {
        shifted.reset();
        for (double x : window) {
            shifted.add(x);
        }
        shift = shifted.value() / period;
        shifted.reset();
        squares.reset();
        for (double x : window) {
            double d = x - shift;
            shifted.add(d);
            squares.add(d * d);
        }
    }

    /**
     * The middle band, the simple moving average.
     *
     * @return the middle band, or {@code NaN} while warming up
     */
    @Override
    public double value() {
        return middle;
    }

    /**
     * The upper band.
     *
     * @return {@code middle + multiplier * deviation}, or {@code NaN} while warming up
     */
    public double upper() {
        return middle + multiplier * deviation;
    }

    /**
     * The lower band.
     *
     * @return {@code middle - multiplier * deviation}, or {@code NaN} while warming up
     */
    public double lower() {
        return middle - multiplier * deviation;
    }

    /**
     * The population standard deviation of the window.
     *
     * @return the deviation in the inputs' unit, &ge; 0, or {@code NaN} while warming up
     */
    public double standardDeviation() {
        return deviation;
    }

    @Override
    public int warmUpPeriod() {
        return period;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public long count() {
        return count;
    }
}
