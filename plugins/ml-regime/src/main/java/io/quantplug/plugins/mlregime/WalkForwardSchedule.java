package io.quantplug.plugins.mlregime;

/**
 * When the classifier is (re)trained and on which examples: a function of the bar index alone, so that a run, a
 * rerun and a restored instance agree.
 *
 * <p>Bar i is an example once it has features ({@code i >= m}) and a label ({@code i + h <= t}); at bar t there
 * are {@code L(t) = t - h - m + 1} labelled examples. The first fit is at the first bar with
 * {@code L = minExamples}, {@code t0 = m + h + minExamples - 1}, then every {@code R} bars: {@code t0 + k R}. The fit
 * at bar s learns from the most recent labelled examples, bars {@code max(m, s - h - W + 1) .. s - h}, at most
 * {@code W} of them; every one of them has {@code i + h <= s}. The model of the fit at s answers the predictions at
 * bars {@code s .. s + R - 1}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lookback    m: the first bar with features
 * @param horizon     h: the bars a label looks ahead, &ge; 1
 * @param minExamples labelled examples needed for the first fit, &ge; 1
 * @param window      W: the most examples a fit learns from, &ge; minExamples
 * @param every       R: bars between fits, &ge; 1
 */
record WalkForwardSchedule(int lookback, int horizon, int minExamples, int window, int every) {

    WalkForwardSchedule {
        if (lookback < 1 || horizon < 1 || minExamples < 1 || window < minExamples || every < 1) {
            throw new IllegalArgumentException("invalid schedule " + lookback + ", " + horizon + ", " + minExamples
                    + ", " + window + ", " + every);
        }
    }

    /** @return t0, the bar of the first fit */
    long firstFit() {
        return (long) lookback + horizon + minExamples - 1;
    }

    /**
     * The fit whose model answers at bar t.
     *
     * @param t a bar index, &ge; 0
     * @return the bar of the latest scheduled fit at or before t, or -1 before the first
     */
    long fitBarAt(long t) {
        long t0 = firstFit();
        return t < t0 ? -1 : t0 + (t - t0) / every * every;
    }

    /**
     * The first example of the fit at s.
     *
     * @param s a fit bar
     * @return {@code max(m, s - h - W + 1)}
     */
    long trainingFirst(long s) {
        return Math.max(lookback, s - horizon - window + 1);
    }

    /**
     * The last example of the fit at s.
     *
     * @param s a fit bar
     * @return {@code s - h}
     */
    long trainingLast(long s) {
        return s - horizon;
    }

    /**
     * The bars to keep so that the fit of any bar t and the features of t can be computed:
     * {@code W + h + m + R} (at bar t the fit at s &ge; t - R + 1 reads bars from {@code s - h - W + 1 - m}).
     *
     * @return the capacity of the bar window
     */
    int barsToKeep() {
        return Math.addExact(Math.addExact(window, horizon), Math.addExact(lookback, every));
    }
}
