package io.quantplug.plugins.circuitbreaker;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} values of a series, with their mean and sample standard deviation. Computed two-pass at
 * each call (O(capacity)), which is exact enough and has none of the drift of a running sum; the capacity is at most
 * 1,000.
 */
final class RollingWindow {

    private final double[] values;
    private int count;
    private int next;

    RollingWindow(int capacity) {
        this.values = new double[capacity];
    }

    void add(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        count = Math.min(count + 1, values.length);
    }

    boolean full() {
        return count == values.length;
    }

    int capacity() {
        return values.length;
    }

    /** Arithmetic mean of the values held. */
    double mean() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }

    /** Sample standard deviation, {@code sqrt(sum (x - mean)^2 / (n - 1))}, of the values held (n &ge; 2). */
    double standardDeviation() {
        double mean = mean();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / (count - 1));
    }

    /** The values, oldest first, as {@link Double#toString} texts joined by commas (exact round trip). */
    String toText() {
        List<String> parts = new ArrayList<>(count);
        int start = count < values.length ? 0 : next;
        for (int i = 0; i < count; i++) {
            parts.add(Double.toString(values[(start + i) % values.length]));
        }
        return String.join(",", parts);
    }

    /** A window of the given capacity holding the last {@code capacity} values of {@link #toText()}'s output. */
    static RollingWindow fromText(String text, int capacity) {
        RollingWindow w = new RollingWindow(capacity);
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(",")) {
                w.add(Double.parseDouble(part));
            }
        }
        return w;
    }
}
