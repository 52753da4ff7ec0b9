package io.quantplug.plugins.mlregime;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The walk-forward classifier of one instrument: keeps its recent bars, fits the forest on the schedule of
 * {@link WalkForwardSchedule} and classifies the latest bar.
 *
 * <p>Fits are lazy: the fit scheduled at bar s runs the first time a prediction at a bar {@code s .. s + R - 1} is
 * asked for (a signal, or the diagnostics), so a backtest with few signals trains seldom. Since a fit depends only
 * on its examples (bars {@code s - h - W + 1 - m .. s}, all kept) and the seed, the model is the one an eager fit at
 * bar s would have made, and a scheduled fit nobody asks for is skipped without changing anything later.
 *
 * <p>Not thread-safe: the engine thread.
 */
final class RegimeTracker {

    private final RegimeFeatures features;
    private final RegimeLabeler labeler;
    private final WalkForwardSchedule schedule;
    private final RegimeForest forest;
    private final BarWindow bars;
    private Timeframe timeframe;
    /** The latest fit, or null before the first. */
    private RegimeModel model;
    /** The prediction of the latest bar once asked for, or null. */
    private RegimePrediction latest;

    RegimeTracker(MlRegimeSettings settings) {
        this.features = settings.features();
        this.labeler = settings.labeler();
        this.schedule = settings.schedule();
        this.forest = settings.forest();
        this.bars = new BarWindow(schedule.barsToKeep());
    }

    void onBar(Bar bar) {
        bars.add(bar);
        timeframe = bar.timeframe();
        latest = null;
    }

    /** @return the bars seen */
    long barCount() {
        return bars.count();
    }

    /**
     * Classifies the latest bar with the model of the fit scheduled for it, fitting it first when needed.
     *
     * @return the prediction, or null before the first scheduled fit (or when a restored state lacks the bars)
     */
    RegimePrediction prediction() {
        long t = bars.count() - 1;
        if (latest != null && latest.bar() == t) {
            return latest;
        }
        RegimeModel m = modelAt(t);
        if (m == null) {
            return null;
        }
        latest = m.predict(t, closeTime(t), features.compute(bars, t));
        return latest;
    }

    private RegimeModel modelAt(long t) {
        long s = schedule.fitBarAt(t);
        if (s < 0) {
            return null;
        }
        if (model == null || model.fitBar() != s) {
            RegimeModel fitted = fit(s);
            if (fitted == null) {
                return null;
            }
            model = fitted;
        }
        return model;
    }

    private RegimeModel fit(long s) {
        long first = Math.max(schedule.trainingFirst(s), bars.first() + features.lookback());
        long last = schedule.trainingLast(s);
        if (last < first) {
            return null;
        }
        int n = (int) (last - first + 1);
        double[][] x = new double[n][];
        MarketRegime[] y = new MarketRegime[n];
        for (int k = 0; k < n; k++) {
            x[k] = features.compute(bars, first + k);
            y[k] = labeler.label(bars, first + k);
        }
        return forest.fit(x, y, s, closeTime(s));
    }

    private long closeTime(long i) {
        return bars.openTime(i) + timeframe.millis();
    }

    /**
     * What the tracker sees, for {@link MlRegimeEnhancer#diagnostics()}; fits when a scheduled fit is due.
     *
     * @return a tree of JDK values in display order
     */
    Map<String, Object> diagnostics() {
        Map<String, Object> out = new LinkedHashMap<>();
        long t = bars.count() - 1;
        out.put("bars", bars.count());
        out.put("timeframe", timeframe.label());
        RegimePrediction p = prediction();
        if (p == null) {
            out.put("regime", "WARMING_UP");
            out.put("labelledExamples", Math.max(0, t - labeler.horizon() - features.lookback() + 1));
            out.put("firstTrainingAtBars", schedule.firstFit() + 1);
            return out;
        }
        out.put("regime", p.regime().name());
        out.put("confidence", p.confidence());
        out.put("predictionTime", Instant.ofEpochMilli(p.closeTimeMillis()).toString());
        Map<String, Object> probabilities = new LinkedHashMap<>();
        for (MarketRegime r : MarketRegime.values()) {
            probabilities.put(r.name(), p.probability(r));
        }
        out.put("probabilities", probabilities);
        out.put("trainingExamples", model.examples());
        Map<String, Object> counts = new LinkedHashMap<>();
        int[] c = model.classCounts();
        for (MarketRegime r : MarketRegime.values()) {
            counts.put(r.name(), c[r.ordinal()]);
        }
        out.put("trainingClassCounts", counts);
        out.put("lastTrainingTime", Instant.ofEpochMilli(model.fitCloseMillis()).toString());
        out.put("lastTrainingBar", model.fitBar());
        out.put("barsUntilNextTraining", model.fitBar() + schedule.every() - t);
        out.put("featureImportances", new LinkedHashMap<String, Object>(model.featureImportances()));
        Map<String, Object> values = new LinkedHashMap<>();
        double[] f = features.compute(bars, t);
        for (int k = 0; k < f.length; k++) {
            values.put(RegimeFeatures.NAMES.get(k), f[k]);
        }
        out.put("features", values);
        return out;
    }

    /**
     * Writes the state into a snapshot's values under a prefix: the bar count, the timeframe and the kept bars.
     *
     * @param prefix e.g. {@code "0."}
     * @param values the snapshot's values to add to
     */
    void snapshotInto(String prefix, Map<String, String> values) {
        long from = bars.first();
        long to = bars.count();
        values.put(prefix + "bars", Long.toString(to));
        values.put(prefix + "timeframe", timeframe.label());
        values.put(prefix + "openTime", LongStream.range(from, to).mapToObj(i -> Long.toString(bars.openTime(i)))
                .collect(Collectors.joining(",")));
        values.put(prefix + "open", join(from, to, bars::open));
        values.put(prefix + "high", join(from, to, bars::high));
        values.put(prefix + "low", join(from, to, bars::low));
        values.put(prefix + "close", join(from, to, bars::close));
        values.put(prefix + "volume", join(from, to, bars::volume));
    }

    private static String join(long from, long to, LongToDoubleFunction field) {
        return LongStream.range(from, to).mapToObj(i -> Double.toString(field.applyAsDouble(i)))
                .collect(Collectors.joining(","));
    }

    /**
     * Takes the state of {@link #snapshotInto} on a new tracker, keeping at most this tracker's capacity of bars.
     *
     * @param prefix the prefix the values were written under
     * @param values the snapshot's values
     * @throws IllegalArgumentException when a value is missing or malformed
     * @throws IllegalStateException    when this tracker has seen bars already
     */
    void restoreFrom(String prefix, Map<String, String> values) {
        long total = Long.parseLong(required(values, prefix + "bars"));
        timeframe = Timeframe.parse(required(values, prefix + "timeframe"));
        long[] time = Arrays.stream(split(required(values, prefix + "openTime"))).mapToLong(Long::parseLong)
                .toArray();
        double[] o = doubles(required(values, prefix + "open"));
        double[] h = doubles(required(values, prefix + "high"));
        double[] l = doubles(required(values, prefix + "low"));
        double[] c = doubles(required(values, prefix + "close"));
        double[] v = doubles(required(values, prefix + "volume"));
        int kept = time.length;
        if (o.length != kept || h.length != kept || l.length != kept || c.length != kept || v.length != kept
                || kept > total) {
            throw new IllegalArgumentException("snapshot of " + prefix + " holds inconsistent bar arrays");
        }
        int keep = Math.min(kept, bars.capacity());
        bars.startAt(total - keep);
        for (int k = kept - keep; k < kept; k++) {
            bars.add(time[k], o[k], h[k], l[k], c[k], v[k]);
        }
    }

    private static String required(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("snapshot lacks '" + key + "'");
        }
        return v;
    }

    private static String[] split(String text) {
        return text.isEmpty() ? new String[0] : text.split(",");
    }

    private static double[] doubles(String text) {
        return Arrays.stream(split(text)).mapToDouble(Double::parseDouble).toArray();
    }
}
