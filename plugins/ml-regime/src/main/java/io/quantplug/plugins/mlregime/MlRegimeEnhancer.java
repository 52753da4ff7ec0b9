package io.quantplug.plugins.mlregime;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters entries with a random-forest regime classifier trained walk-forward on the instrument's own past bars.
 *
 * <p>Per instrument, every completed bar is kept ({@link #onBar}); the forest ({@link RegimeForest}) learns to map
 * the features of a bar ({@link RegimeFeatures}, past bars only) to the regime of the bars after it
 * ({@link RegimeLabeler}), refitted on the schedule of {@link WalkForwardSchedule} from labelled examples only.
 *
 * <p>{@link #enhance}: a FLAT signal (an exit) passes unchanged. An entry is classified at the last completed bar;
 * before the first fit it passes unchanged. It is dropped when the regime {@linkplain MarketRegime#contradicts
 * contradicts} its direction (LONG in TREND_DOWN, SHORT in TREND_UP, either in HIGH_VOLATILITY) and the forest's
 * score for that regime is at least {@code minConfidence}. Otherwise it passes with the scores {@value #SCORE_REGIME}
 * (the regime's ordinal: 0 TREND_UP, 1 TREND_DOWN, 2 RANGE, 3 HIGH_VOLATILITY), {@value #SCORE_CONFIDENCE} (the
 * score of that regime) and {@value #SCORE_PROBABILITY}{@code <REGIME>} (each regime's score), all 0 to 1 except
 * the ordinal; strength and confidence of the signal are left as they are.
 *
 * <p>Hot swap: {@link #snapshot()} carries the kept bars of each instrument (and the count of bars before them); the
 * new instance refits from them on demand with its seed, so with the same parameters it predicts exactly what this
 * one would have. With other parameters it uses the bars it can and keeps at most its own window.
 *
 * <p>Not thread-safe: the engine thread. A fit with the default parameters (1,000 examples, 50 trees)
 * takes roughly 0.3 to 1 s on one core; between fits a prediction costs O(longBars).
 */
public final class MlRegimeEnhancer implements SignalEnhancer {

    /** Score name: the predicted regime's ordinal, 0 to 3. */
    public static final String SCORE_REGIME = "mlRegime";
    /** Score name: the forest's score for the predicted regime, 0 to 1. */
    public static final String SCORE_CONFIDENCE = "mlRegimeConfidence";
    /** Score name prefix: followed by a regime's name, that regime's score, 0 to 1. */
    public static final String SCORE_PROBABILITY = "mlRegimeProbability.";

    private static final String FORMAT = "ml-regime/1";

    private final MlRegimeSettings settings;
    private final Map<InstrumentId, RegimeTracker> trackers = new LinkedHashMap<>();
    private InstrumentId lastInstrument;

    MlRegimeEnhancer(MlRegimeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void onBar(Bar bar) {
        trackers.computeIfAbsent(bar.instrument(), id -> new RegimeTracker(settings)).onBar(bar);
        lastInstrument = bar.instrument();
    }

    /**
     * The classification of an instrument's latest completed bar, fitting the scheduled model first when needed.
     *
     * @param instrument the instrument, not null
     * @return the prediction, or empty before the first fit or before any bar of the instrument
     */
    public Optional<RegimePrediction> prediction(InstrumentId instrument) {
        RegimeTracker tracker = trackers.get(instrument);
        return tracker == null ? Optional.empty() : Optional.ofNullable(tracker.prediction());
    }

    /**
     * Drops an entry that contradicts a confident regime and scores the others, as the class comment says.
     *
     * @param signal  the signal as it stands, not null
     * @param context not used: the enhancer keeps its own bars; may be null
     * @return the signal (with scores when a prediction exists), or empty when dropped
     */
    @Override
    public Optional<Signal> enhance(Signal signal, EnhancementContext context) {
        if (signal.direction() == SignalDirection.FLAT) {
            return Optional.of(signal);
        }
        Optional<RegimePrediction> prediction = prediction(signal.instrument());
        if (prediction.isEmpty()) {
            return Optional.of(signal);
        }
        RegimePrediction p = prediction.get();
        if (p.regime().contradicts(signal.direction()) && p.confidence() >= settings.minConfidence()) {
            return Optional.empty();
        }
        Signal scored = signal.withScore(SCORE_REGIME, p.regime().ordinal())
                .withScore(SCORE_CONFIDENCE, p.confidence());
        for (MarketRegime r : MarketRegime.values()) {
            scored = scored.withScore(SCORE_PROBABILITY + r.name(), p.probability(r));
        }
        return Optional.of(scored);
    }

    /**
     * The classification of the instrument of the latest bar and the model behind it; fits when a scheduled fit is
     * due. Keys: {@code instrument}, {@code bars}, {@code timeframe}, {@code regime} ({@code WARMING_UP} before the
     * first fit, with {@code labelledExamples} and {@code firstTrainingAtBars}); after it {@code confidence},
     * {@code predictionTime} (ISO-8601 UTC close of the bar classified), {@code probabilities} (regime to score),
     * {@code trainingExamples}, {@code trainingClassCounts}, {@code lastTrainingTime} (close of the fit bar: the
     * newest bar the fit could see), {@code lastTrainingBar}, {@code barsUntilNextTraining},
     * {@code featureImportances} (feature to mean splits per tree, Tribuo's {@code getTopFeatures} of the ensemble)
     * and {@code features} (the values at the latest bar).
     *
     * @return the diagnostics; just {@code bars = 0} before the first bar
     */
    @Override
    public Map<String, Object> diagnostics() {
        if (lastInstrument == null) {
            return Map.of("bars", 0L);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instrument", lastInstrument.toString());
        out.putAll(trackers.get(lastInstrument).diagnostics());
        return out;
    }

    @Override
    public StateSnapshot snapshot() {
        if (trackers.isEmpty()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        int k = 0;
        for (Map.Entry<InstrumentId, RegimeTracker> e : trackers.entrySet()) {
            ids.add(e.getKey().toString());
            e.getValue().snapshotInto(k + ".", values);
            k++;
        }
        values.put("instruments", String.join(",", ids));
        values.put("lastInstrument", lastInstrument.toString());
        return new StateSnapshot(FORMAT, values);
    }

    /**
     * Continues from a previous version's snapshot of format {@code ml-regime/1}.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return false when the format is another one
     * @throws IllegalArgumentException when a value of the snapshot is missing or malformed
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!snapshot.format().equals(FORMAT)) {
            return false;
        }
        Map<String, String> values = snapshot.values();
        String ids = values.getOrDefault("instruments", "");
        int k = 0;
        for (String id : ids.isEmpty() ? new String[0] : ids.split(",")) {
            RegimeTracker tracker = new RegimeTracker(settings);
            tracker.restoreFrom(k + ".", values);
            trackers.put(InstrumentId.parse(id), tracker);
            k++;
        }
        String last = values.get("lastInstrument");
        lastInstrument = last == null ? null : InstrumentId.parse(last);
        return true;
    }
}
