package io.quantplug.sdk.indicator;

/**
 * Volume-weighted average price over a ROLLING window of the last {@code period} bars (not the session VWAP that
 * resets at a fixed time of day): {@code VWAP = sum(TP_i V_i) / sum(V_i)} over the window, with the typical price
 * {@code TP = (H + L + C) / 3}. Quote currency per base unit.
 *
 * <p>The volume-weighted mean of the typical price, the definition of ta4j's {@code VWAPIndicator}. Defined after
 * {@code period} bars. When no volume traded in the whole window the average has no weights and the value is
 * {@code NaN} (ta4j does the same); it is defined again as soon as a bar with volume is in the window. The two sums
 * are compensated (Neumaier), so a large bar leaving the window does not leave rounding behind.
 */
public final class RollingVwap implements BarIndicator {

    private final int period;
    private final double[] weighted;
    private final double[] volumes;
    private final CompensatedSum weightedSum = new CompensatedSum();
    private final CompensatedSum volumeSum = new CompensatedSum();
    private long count;
    private double value = Double.NaN;

    /**
     * Creates the indicator.
     *
     * @param period the window length in bars, &ge; 1
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public RollingVwap(int period) {
        this.period = Inputs.requireAtLeast("VWAP", "period", period, 1);
        this.weighted = new double[period];
        this.volumes = new double[period];
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        Inputs.requireBar(open, high, low, close, volume);
        int slot = (int) (count % period);
        double pv = (high + low + close) / 3.0 * volume;
        weightedSum.add(pv);
        volumeSum.add(volume);
        if (count >= period) {
            weightedSum.add(-weighted[slot]);
            volumeSum.add(-volumes[slot]);
        }
        weighted[slot] = pv;
        volumes[slot] = volume;
        count++;
        if (count >= period) {
            double v = volumeSum.value();
            value = v > 0.0 ? weightedSum.value() / v : Double.NaN;
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
}
