package io.quantplug.sdk.indicator;

/**
 * Exponential moving average with smoothing factor {@code alpha = 2 / (period + 1)}:
 * {@code EMA_t = EMA_{t-1} + alpha * (x_t - EMA_{t-1})}.
 *
 * <p>Seeded with the simple average of the first {@code period} inputs, as TA-Lib's {@code TA_EMA} does; the first
 * value is therefore defined after {@code period} inputs. (ta4j seeds with the first input instead; the two agree
 * once the seed's weight {@code (1 - alpha)^k} is negligible.)
 */
public final class Ema implements Indicator {

    private final int period;
    private final double alpha;
    private long count;
    private double seedSum;
    private double value = Double.NaN;

    /**
     * Creates the average.
     *
     * @param period the look-back that sets {@code alpha = 2 / (period + 1)}, &ge; 1
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be >= 1, got " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1);
    }

    @Override
    public double update(double input) {
        Inputs.requireFinite(input);
        count++;
        if (count < period) {
            seedSum += input;
        } else if (count == period) {
            value = (seedSum + input) / period;
        } else {
            value += alpha * (input - value);
        }
        return value;
    }

    @Override
    public double value() {
        return value;
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

    /**
     * The smoothing factor.
     *
     * @return {@code 2 / (period + 1)}
     */
    public double alpha() {
        return alpha;
    }
}
