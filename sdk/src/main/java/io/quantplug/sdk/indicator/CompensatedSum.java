package io.quantplug.sdk.indicator;

/**
 * A running sum with Neumaier's compensation (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation
 * endlicher Summen", ZAMM 54): the rounding error stays near one unit in the last place of the result however many
 * terms were added and removed, which rolling window sums (add the newest, subtract the leaving) need.
 */
final class CompensatedSum {

    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    double value() {
        return sum + compensation;
    }

    void reset() {
        sum = 0;
        compensation = 0;
    }
}
