package io.quantplug.sdk.indicator;

/**
 * The largest (or smallest) of the last {@code period} inputs, kept with a monotonic deque of window positions:
 * each input is pushed once and popped at most once, so an update costs amortised O(1) time and O(period) memory
 * (the "ascending minima" method; D. Lemire, "Streaming Maximum-Minimum Filter Using No More than Three Comparisons
 * per Element", Nordic Journal of Computing 13(4), 2006).
 */
final class ExtremumWindow {

    private final int period;
    private final boolean maximum;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int size;
    private long count;

    ExtremumWindow(int period, boolean maximum) {
        this.period = period;
        this.maximum = maximum;
        this.values = new double[period];
        this.positions = new long[period];
    }

    /** Adds the next input and returns the extremum of the window ending with it. */
    double add(double x) {
        if (size > 0 && positions[head] <= count - period) {
            head = (head + 1) % period;
            size--;
        }
        while (size > 0 && dominates(x, values[(head + size - 1) % period])) {
            size--;
        }
        int slot = (head + size) % period;
        values[slot] = x;
        positions[slot] = count;
        size++;
        count++;
        return values[head];
    }

    private boolean dominates(double x, double kept) {
        return maximum ? x >= kept : x <= kept;
    }

    long count() {
        return count;
    }
}
