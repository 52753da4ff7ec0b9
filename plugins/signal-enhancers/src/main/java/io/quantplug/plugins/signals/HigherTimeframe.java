package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.sdk.indicator.Ema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One higher timeframe of one instrument: its bars aggregated from the input bars ({@link BarAggregator}), their
 * trend and their recent completed bars for pivots.
 *
 * <p>Trend rule, on completed bars only, with the SDK's {@link Ema} of the higher bars' closes: {@link Trend#UP}
 * when {@code C_t > EMA_t} and {@code EMA_t > EMA_{t-1}}; {@link Trend#DOWN} when {@code C_t < EMA_t} and
 * {@code EMA_t < EMA_{t-1}}; {@link Trend#NEUTRAL} otherwise; {@link Trend#UNKNOWN} until the EMA has two values
 * ({@code emaPeriod + 1} completed bars). Price against a moving average, confirmed by the average's slope, is the
 * classic trend filter; reading it on a longer timeframe than the one traded is the idea of the first screen of
 * Elder's triple screen system (A. Elder, <i>Trading for a Living</i>, 1993). Not thread-safe: the engine thread.
 */
final class HigherTimeframe {

    private final Timeframe timeframe;
    private final double weight;
    private final BarAggregator aggregator;
    private final Ema ema;
    private final BarWindow completed;
    private double emaPrevious = Double.NaN;
    private long completedCount;

    /**
     * Creates the tracker.
     *
     * @param timeframe the higher timeframe
     * @param weight    its weight in the alignment, &gt; 0
     * @param emaPeriod the trend EMA's period, in bars of this timeframe
     * @param keep      completed bars kept (for pivots and snapshots), &ge; 1
     */
    HigherTimeframe(Timeframe timeframe, double weight, int emaPeriod, int keep) {
        this.timeframe = timeframe;
        this.weight = weight;
        this.aggregator = new BarAggregator(timeframe);
        this.ema = new Ema(emaPeriod);
        this.completed = new BarWindow(keep);
    }

    /**
     * Feeds an input bar; any higher bar it completes updates the trend.
     *
     * @param input the completed input bar
     */
    void onBar(Bar input) {
        for (Bar done : aggregator.add(input)) {
            accept(done);
        }
    }

    /**
     * Takes a completed higher bar (from the aggregator, or replayed from a snapshot).
     *
     * @param bar the completed bar of this timeframe
     */
    void accept(Bar bar) {
        emaPrevious = ema.value();
        ema.update(bar.close());
        completed.add(bar);
        completedCount++;
    }

    /**
     * The trend of the latest completed bar, by the rule in the class comment.
     *
     * @return the trend
     */
    Trend trend() {
        if (!ema.isReady() || Double.isNaN(emaPrevious)) {
            return Trend.UNKNOWN;
        }
        double c = completed.get(0).close();
        double e = ema.value();
        if (c > e && e > emaPrevious) {
            return Trend.UP;
        }
        if (c < e && e < emaPrevious) {
            return Trend.DOWN;
        }
        return Trend.NEUTRAL;
    }

    /**
     * The most recent completed bars, oldest first.
     *
     * @param n at most this many
     * @return the bars
     */
    List<Bar> recent(int n) {
        List<Bar> all = completed.oldestFirst();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    Timeframe timeframe() {
        return timeframe;
    }

    double weight() {
        return weight;
    }

    BarAggregator aggregator() {
        return aggregator;
    }

    long completedCount() {
        return completedCount;
    }

    /**
     * After a restore has replayed the kept bars: sets the count of completed bars to the previous instance's.
     *
     * @param total the previous instance's count
     */
    void restoreCompletedCount(long total) {
        completedCount = Math.max(completedCount, total);
    }

    /**
     * The state for diagnostics.
     *
     * @return weight, trend, completed bars, latest close and EMA (null while undefined), the bucket being built
     */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("weight", weight);
        out.put("trend", trend().name());
        out.put("completedBars", completedCount);
        out.put("close", completed.size() == 0 ? null : completed.get(0).close());
        out.put("ema", Double.isNaN(ema.value()) ? null : ema.value());
        out.put("emaPrevious", Double.isNaN(emaPrevious) ? null : emaPrevious);
        Bar partial = aggregator.partial();
        out.put("buildingSince", partial == null ? null : partial.openTime().toString());
        return out;
    }
}
