package io.quantplug.sdk.indicator;

/**
 * A ring of {@code double} values with a compensated running sum (Neumaier 1974, "Rundungsfehleranalyse einiger
 * Verfahren zur Summation endlicher Summen", ZAMM 54): the sum's rounding error does not grow with the number of
 * replacements. {@link Sma}'s fallback for inputs that are not short decimals. Not thread-safe.
 */
final class CompensatedWindow {

    private final double[] window;
    private double sum;
    private double compensation;

    /** Takes over {@code window} (its values are the current window) and sums it. */
    CompensatedWindow(double[] window) {
        this.window = window;
        for (double v : window) {
            add(v);
        }
    }

    /** Replaces slot {@code i} with {@code input} and returns the window's sum. */
    double replace(int i, double input) {
        add(-window[i]);
        add(input);
        window[i] = input;
        return sum + compensation;
    }

    private void add(double x) {
        double s = sum;
        double t = s + x;
        compensation += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
        sum = t;
    }
}
