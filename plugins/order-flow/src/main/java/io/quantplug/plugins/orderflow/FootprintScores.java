package io.quantplug.plugins.orderflow;

import io.quantplug.api.signal.Signal;
import io.quantplug.sdk.orderflow.Absorption;
import io.quantplug.sdk.orderflow.Footprint;
import io.quantplug.sdk.orderflow.FootprintBar;

import java.util.HashMap;
import java.util.Map;

/**
 * The names under which a strategy attaches its footprint to a signal's scores, and the attaching: the hand-over
 * from a strategy, which sees the trades, to the {@code footprint} enhancer, which does not (the SPI gives signal
 * enhancers bars and signals only). Values are of the footprint's current bar when the signal is emitted, base units,
 * except the absorption verdict, which only a completed bar has.
 */
public final class FootprintScores {

    /** Score: the current bar's delta, ask minus bid volume. */
    public static final String DELTA = "footprint.delta";
    /** Score: the current bar's volume. */
    public static final String VOLUME = "footprint.volume";
    /** Score: the current bar's volume sold at the bid. */
    public static final String BID_VOLUME = "footprint.bidVolume";
    /** Score: the current bar's volume bought at the ask. */
    public static final String ASK_VOLUME = "footprint.askVolume";
    /**
     * Score: the absorption verdict of the last completed bar: +1 when bids absorbed selling
     * ({@link Absorption#BID_ABSORPTION}), -1 when offers absorbed buying ({@link Absorption#ASK_ABSORPTION}), 0 for
     * none or before the first completed bar.
     */
    public static final String LAST_BAR_ABSORPTION = "footprint.lastBarAbsorption";
    /** Score: the cumulative delta over every trade the strategy saw. */
    public static final String CUMULATIVE_DELTA = "footprint.cumulativeDelta";
    /** Score: the current bar's bins with a buying diagonal imbalance at the strategy's ratio. */
    public static final String BUY_IMBALANCES = "footprint.buyImbalances";
    /** Score: the current bar's bins with a selling diagonal imbalance at the strategy's ratio. */
    public static final String SELL_IMBALANCES = "footprint.sellImbalances";

    private FootprintScores() {
    }

    /**
     * A copy of the signal with the footprint's current bar attached under the names above.
     *
     * @param signal         the signal
     * @param footprint      the footprint, read now
     * @param imbalanceRatio the diagonal imbalance ratio counted, e.g. 3.0
     * @return the annotated signal
     */
    public static Signal attach(Signal signal, Footprint footprint, double imbalanceRatio) {
        FootprintBar bar = footprint.current();
        Map<String, Double> scores = new HashMap<>(signal.scores());
        scores.put(DELTA, bar.delta());
        scores.put(VOLUME, bar.volume());
        scores.put(BID_VOLUME, bar.bidVolume());
        scores.put(ASK_VOLUME, bar.askVolume());
        Absorption absorption = footprint.lastCompleted().absorption();
        scores.put(LAST_BAR_ABSORPTION, absorption == Absorption.BID_ABSORPTION ? 1.0
                : absorption == Absorption.ASK_ABSORPTION ? -1.0 : 0.0);
        scores.put(CUMULATIVE_DELTA, footprint.cumulativeDelta());
        scores.put(BUY_IMBALANCES, (double) bar.buyImbalanceCount(imbalanceRatio));
        scores.put(SELL_IMBALANCES, (double) bar.sellImbalanceCount(imbalanceRatio));
        return new Signal(signal.instrument(), signal.direction(), signal.strength(), signal.confidence(),
                signal.timeMillis(), signal.reason(), scores);
    }
}
