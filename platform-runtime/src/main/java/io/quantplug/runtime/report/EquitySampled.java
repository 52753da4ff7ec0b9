package io.quantplug.runtime.report;

import io.quantplug.runtime.analytics.EquityCurve;

import java.util.ArrayList;
import java.util.List;

/** An equity array thinned for a chart, and the note saying how; shared by the single and portfolio documents. */
record EquitySampled(List<ResultDocument.EquityPoint> points, ResultDocument.EquitySampling sampling) {

    /**
     * The equity thinned to at most {@code maxPoints} points, or null when it has no more than that.
     *
     * @param equity    the points, in time order
     * @param maxPoints the most to keep, &ge; 8
     * @param earlier   how the points were already thinned, or null when they are the whole curve
     */
    static EquitySampled of(List<ResultDocument.EquityPoint> equity, int maxPoints,
                            ResultDocument.EquitySampling earlier) {
        if (maxPoints < 8) {
            throw new IllegalArgumentException("maxPoints must be >= 8, got " + maxPoints);
        }
        int n = equity.size();
        if (n <= maxPoints) {
            return null;
        }
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = equity.get(i).time().toEpochMilli();
            values[i] = equity.get(i).equity();
        }
        int[] kept = EquityCurve.adopt(times, values, n).chartIndices(maxPoints);
        List<ResultDocument.EquityPoint> out = new ArrayList<>(kept.length);
        for (int i : kept) {
            out.add(equity.get(i));
        }
        long whole = earlier == null ? n : earlier.points();
        return new EquitySampled(List.copyOf(out), new ResultDocument.EquitySampling(whole, out.size(),
                ResultDocument.EquitySampling.LTTB));
    }
}
