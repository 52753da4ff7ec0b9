package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The higher timeframes of one instrument, built from its input bars: their trends, the alignment of a trade with
 * them, and the nearest pivot support and resistance. Only timeframes that are whole multiples of the input bars'
 * timeframe are usable (1m bars give all of 5m, 15m, 1h, 4h, 1d; 1h bars only 1h, 4h and 1d). Not thread-safe: the
 * engine thread.
 */
final class InstrumentConfluence {

    private final ConfluenceSettings settings;
    private final Timeframe input;
    private final List<HigherTimeframe> usable = new ArrayList<>();
    private long bars;
    private long ignoredBars;
    private double lastClose = Double.NaN;

    /**
     * Creates the timeframes of an instrument whose bars have a given timeframe.
     *
     * @param settings the instance's parameters
     * @param input    the timeframe of the instrument's input bars
     */
    InstrumentConfluence(ConfluenceSettings settings, Timeframe input) {
        this.settings = settings;
        this.input = input;
        for (int i = 0; i < settings.timeframes().size(); i++) {
            Timeframe tf = settings.timeframes().get(i);
            if (BarAggregator.canAggregate(input, tf)) {
                usable.add(new HigherTimeframe(tf, settings.weights().get(i), settings.emaPeriod(),
                        settings.keptBars()));
            }
        }
    }

    /**
     * Feeds the next completed input bar. A bar of another timeframe than the first one seen is not aggregated
     * (counted in the diagnostics as ignored).
     *
     * @param bar the bar
     */
    void onBar(Bar bar) {
        if (!bar.timeframe().equals(input)) {
            ignoredBars++;
            return;
        }
        bars++;
        lastClose = bar.close();
        for (HigherTimeframe h : usable) {
            h.onBar(bar);
        }
    }

    /**
     * The weighted share of the usable timeframes whose trend agrees with a trade:
     * {@code sum(w_k I[trend_k agrees with d]) / sum(w_k)}. A timeframe whose trend is still unknown does not
     * agree.
     *
     * @param d +1 long, -1 short
     * @return 0 to 1, or NaN when no configured timeframe is usable with these input bars
     */
    double alignment(int d) {
        double agree = 0;
        double total = 0;
        for (HigherTimeframe h : usable) {
            total += h.weight();
            if (h.trend().agreesWith(d)) {
                agree += h.weight();
            }
        }
        return total > 0 ? agree / total : Double.NaN;
    }

    /**
     * The nearest support below the latest close: the highest pivot low of the usable timeframes' recent completed
     * bars ({@link PivotLevels}) that is below it.
     *
     * @return the price, or NaN when there is none
     */
    double support() {
        List<Double> lows = new ArrayList<>();
        for (HigherTimeframe h : usable) {
            lows.addAll(PivotLevels.lows(h.recent(settings.levelBars()), settings.pivotBars()));
        }
        return PivotLevels.support(lows, lastClose);
    }

    /**
     * The nearest resistance above the latest close: the lowest such pivot high above it.
     *
     * @return the price, or NaN when there is none
     */
    double resistance() {
        List<Double> highs = new ArrayList<>();
        for (HigherTimeframe h : usable) {
            highs.addAll(PivotLevels.highs(h.recent(settings.levelBars()), settings.pivotBars()));
        }
        return PivotLevels.resistance(highs, lastClose);
    }

    double lastClose() {
        return lastClose;
    }

    Timeframe input() {
        return input;
    }

    List<HigherTimeframe> usable() {
        return usable;
    }

    long bars() {
        return bars;
    }

    long ignoredBars() {
        return ignoredBars;
    }

    /**
     * After a restore: the counts and the latest close of the previous instance.
     *
     * @param total   input bars seen
     * @param ignored input bars ignored
     * @param close   the latest close, or NaN
     */
    void restoreCounts(long total, long ignored, double close) {
        this.bars = total;
        this.ignoredBars = ignored;
        this.lastClose = close;
    }

    /**
     * The state for diagnostics.
     *
     * @return input timeframe, bars, close, alignment both ways, levels and each timeframe's state
     */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inputTimeframe", input.label());
        out.put("bars", bars);
        out.put("ignoredBars", ignoredBars);
        out.put("close", Double.isNaN(lastClose) ? null : lastClose);
        out.put("alignmentLong", orNull(alignment(1)));
        out.put("alignmentShort", orNull(alignment(-1)));
        out.put("support", orNull(support()));
        out.put("resistance", orNull(resistance()));
        Map<String, Object> tfs = new LinkedHashMap<>();
        for (Timeframe tf : settings.timeframes()) {
            HigherTimeframe h = find(tf);
            tfs.put(tf.label(), h == null ? Map.of("usable", false) : h.describe());
        }
        out.put("timeframes", tfs);
        return out;
    }

    /**
     * The usable timeframe of a length.
     *
     * @param tf the length
     * @return the tracker, or null when that timeframe is not usable here
     */
    HigherTimeframe find(Timeframe tf) {
        for (HigherTimeframe h : usable) {
            if (h.timeframe().equals(tf)) {
                return h;
            }
        }
        return null;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
