package io.quantplug.sdk.indicator;

/**
 * The largest (or smallest) of the last {@code period} inputs, kept with a monotonic deque of window positions:
 * each input is pushed once and popped at most once, so an update costs amortised O(1) time and O(period) memory
 * (the "ascending minima" method; D. Lemire, "Streaming Maximum-Minimum Filter Using No More than Three Comparisons
 * per Element", Nordic Journal of Computing 13(4), 2006). The body of {@link Highest} and {@link Lowest}.
 */
abstract class WindowExtremum implements Indicator {

    private final int period;
    private final boolean maximum;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int size;
    private long count;
    private double value = Double.NaN;

    WindowExtremum(String name, int period, boolean maximum) {
        this.period = Inputs.requireAtLeast(name, "period", period, 1);
        this.maximum = maximum;
        this.values = new double[period];
        this.positions = new long[period];
    }

    @Override
    public final double update(double input) {
        Inputs.requireFinite(input);
        if (size > 0 && positions[head] <= count - period) {
            head = head + 1 == period ? 0 : head + 1;
            size--;
        }
        while (size > 0 && dominates(input, values[(head + size - 1) % period])) {
            size--;
        }
        int slot = (head + size) % period;
        values[slot] = input;
        positions[slot] = count;
        size++;
        count++;
        value = count >= period ? values[head] : Double.NaN;
        return value;
    }

    private boolean dominates(double x, double kept) {
        return maximum ? x >= kept : x <= kept;
    }

    @Override
    public final double value() {
        return value;
    }

    @Override
    public final int warmUpPeriod() {
        return period;
    }

    @Override
    public final boolean isReady() {
        return count >= period;
    }

    @Override
    public final long count() {
        return count;
    }
}
