package io.quantplug.sdk.indicator;

/**
 * Wilder's relative strength index, 0 to 100, over close-to-close changes.
 *
 * <p>Source: J. Welles Wilder Jr., <i>New Concepts in Technical Trading Systems</i> (1978), section VI. With
 * {@code n = period}: the first average gain and loss are the simple means of the first {@code n} upward and
 * downward changes; after that {@code avg_t = (avg_{t-1} * (n - 1) + x_t) / n} (Wilder's smoothing, an EMA with
 * {@code alpha = 1/n}); {@code RSI = 100 - 100 / (1 + avgGain / avgLoss)}. The first value is defined after
 * {@code n + 1} inputs ({@code n} changes).
 *
 * <p>Edge cases: {@code avgLoss = 0} gives 100 when there were gains; no movement at all (both averages zero)
 * gives the neutral 50 rather than the 0 some libraries return, so flat markets do not look oversold.
 */
public final class Rsi implements Indicator {

    private final int period;
    private long count;
    private double previous;
    private double avgGain;
    private double avgLoss;
    private double value = Double.NaN;

    /**
     * Creates the index.
     *
     * @param period Wilder's {@code n}, &ge; 1 (14 in the book)
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public Rsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be >= 1, got " + period);
        }
        this.period = period;
    }

    @Override
    public double update(double input) {
        Inputs.requireFinite(input);
        count++;
        if (count > 1) {
            double change = input - previous;
            double gain = change > 0 ? change : 0.0;
            double loss = change < 0 ? -change : 0.0;
            long changes = count - 1;
            if (changes <= period) {
                avgGain += gain;
                avgLoss += loss;
                if (changes == period) {
                    avgGain /= period;
                    avgLoss /= period;
                    value = rsi();
                }
            } else {
                avgGain = (avgGain * (period - 1) + gain) / period;
                avgLoss = (avgLoss * (period - 1) + loss) / period;
                value = rsi();
            }
        }
        previous = input;
        return value;
    }

    private double rsi() {
        if (avgLoss == 0.0) {
            return avgGain == 0.0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int warmUpPeriod() {
        return period + 1;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public long count() {
        return count;
    }
}
