package io.quantplug.sdk.indicator;

/**
 * Keltner channels: a middle line, the {@link Ema} of the typical price {@code (H + L + C) / 3}, and an upper and a
 * lower line {@code multiplier} {@link AverageTrueRange}s above and below it. Quote currency per base unit.
 *
 * <p>Source: C. W. Keltner, <i>How to Make Money in Commodities</i> (1960) centred a channel on the average typical
 * price; the ATR width is L. B. Raschke's later version (20-bar EMA, 2 ATRs being common, 10-bar ATR). This is the
 * definition of ta4j's {@code KeltnerChannelMiddleIndicator} (EMA of the typical price) and its upper and lower
 * indicators ({@code middle +/- ratio * ATR}). {@link #value()} is the middle line; all three become defined
 * together, after {@code max(emaPeriod, atrPeriod)} bars. Both averages are seeded with a simple mean, where ta4j
 * seeds them with the first input (see {@link Ema} and {@link AverageTrueRange}).
 */
public final class KeltnerChannels implements BarIndicator {

    private final double multiplier;
    private final Ema middleAverage;
    private final AverageTrueRange atr;
    private double middle = Double.NaN;
    private double width = Double.NaN;

    /**
     * Creates the channels.
     *
     * @param emaPeriod  the period of the middle line's EMA, &ge; 1 (20 is common)
     * @param atrPeriod  the period of the ATR, &ge; 1 (10 is common)
     * @param multiplier the channel half-width in ATRs, finite and &gt; 0 (2 is common)
     * @throws IllegalArgumentException when a period is below 1 or the multiplier is not finite and positive
     */
    public KeltnerChannels(int emaPeriod, int atrPeriod, double multiplier) {
        Inputs.requireAtLeast("Keltner channels", "emaPeriod", emaPeriod, 1);
        Inputs.requireAtLeast("Keltner channels", "atrPeriod", atrPeriod, 1);
        if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("Keltner channels multiplier must be finite and > 0, got "
                    + multiplier);
        }
        this.multiplier = multiplier;
        this.middleAverage = new Ema(emaPeriod);
        this.atr = new AverageTrueRange(atrPeriod);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double a = atr.update(open, high, low, close, volume);
        double m = middleAverage.update((high + low + close) / 3.0);
        if (isReady()) {
            middle = m;
            width = multiplier * a;
        }
        return middle;
    }

    /**
     * The middle line.
     *
     * @return the EMA of the typical price, or {@code NaN} while warming up
     */
    @Override
    public double value() {
        return middle;
    }

    /**
     * The upper line.
     *
     * @return {@code middle + multiplier * ATR}, or {@code NaN} while warming up
     */
    public double upper() {
        return middle + width;
    }

    /**
     * The lower line.
     *
     * @return {@code middle - multiplier * ATR}, or {@code NaN} while warming up
     */
    public double lower() {
        return middle - width;
    }

    @Override
    public int warmUpPeriod() {
        return Math.max(middleAverage.warmUpPeriod(), atr.warmUpPeriod());
    }

    @Override
    public boolean isReady() {
        return middleAverage.isReady() && atr.isReady();
    }

    @Override
    public long count() {
        return atr.count();
    }
}
