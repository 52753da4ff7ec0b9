package io.quantplug.plugins.signals;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores every entry signal from 0 to 100 on six factors and drops those below {@code minScore}.
 *
 * <p>{@link #onBar}: updates the instrument's indicators ({@link InstrumentFactors}); one set per instrument of the
 * session. {@link #enhance}: for a LONG or SHORT signal, computes the six factors of {@link FactorFormulas} at the
 * latest completed bar, in the signal's direction, and their weighted composite ({@link FactorScores#weigh}); the
 * signal passes when the composite is at least {@code minScore}, carrying the scores {@code score.composite},
 * {@code score.technical}, {@code score.volume}, {@code score.volatility}, {@code score.momentum},
 * {@code score.riskReward} and {@code score.timing}, and its reason extended with the quality class
 * ({@link QualityClass}) and the strongest and weakest factor, e.g.
 * {@code "SMA(10) crossed above SMA(30) | multi-factor 71.4 (class B), strongest momentum 92.0, weakest volume
 * 12.5"}. With {@code scaleStrength}, its strength is multiplied by {@code composite / 100}.
 *
 * <p>FLAT (exit) signals always pass unchanged. Before {@link FactorSettings#requiredBars()} bars of the instrument
 * were seen an entry cannot be scored: it is dropped when {@code minScore > 0} (no evidence of quality), and passes
 * unchanged when {@code minScore = 0} (annotation only).
 *
 * <p>Only completed bars are used: the engine hands a bar to enhancers before the strategies that may signal on
 * it, never a later one. Not thread-safe: the engine thread.
 */
public final class MultiFactorScoreEnhancer implements SignalEnhancer {

    private static final String FORMAT = "multi-factor-score/1";

    private final FactorSettings settings;
    private final Map<InstrumentId, InstrumentFactors> instruments = new LinkedHashMap<>();
    private final Map<InstrumentId, FactorScores> lastScores = new HashMap<>();
    private final Map<QualityClass, Long> classes = new EnumMap<>(QualityClass.class);
    private long entries;
    private long exits;
    private long passed;
    private long dropped;
    private long unscored;

    MultiFactorScoreEnhancer(FactorSettings settings) {
        this.settings = settings;
        for (QualityClass c : QualityClass.values()) {
            classes.put(c, 0L);
        }
    }

    @Override
    public void onBar(Bar bar) {
        instruments.computeIfAbsent(bar.instrument(), id -> new InstrumentFactors(settings)).onBar(bar);
    }

    @Override
    public Optional<Signal> enhance(Signal signal, EnhancementContext context) {
        if (signal.direction() == SignalDirection.FLAT) {
            exits++;
            return Optional.of(signal);
        }
        entries++;
        InstrumentFactors factors = instruments.get(signal.instrument());
        FactorScores scores = factors == null ? null : factors.score(signal.direction() == SignalDirection.LONG
                ? 1 : -1);
        if (scores == null) {
            unscored++;
            if (settings.minScore() > 0) {
                dropped++;
                return Optional.empty();
            }
            passed++;
            return Optional.of(signal);
        }
        lastScores.put(signal.instrument(), scores);
        classes.merge(scores.quality(), 1L, Long::sum);
        if (scores.composite() < settings.minScore()) {
            dropped++;
            return Optional.empty();
        }
        passed++;
        return Optional.of(annotate(signal, scores));
    }

    private Signal annotate(Signal signal, FactorScores s) {
        Map<String, Double> out = new HashMap<>(signal.scores());
        out.put(Factor.COMPOSITE, s.composite());
        for (Factor f : Factor.values()) {
            out.put(f.scoreName(), s.factors().get(f));
        }
        Factor strongest = s.strongest();
        Factor weakest = s.weakest();
        String reason = signal.reason() + String.format(Locale.ROOT,
                " | multi-factor %.1f (class %s), strongest %s %.1f, weakest %s %.1f", s.composite(), s.quality(),
                strongest.label(), s.factors().get(strongest), weakest.label(), s.factors().get(weakest));
        double strength = settings.scaleStrength() ? signal.strength() * s.composite() / 100 : signal.strength();
        return new Signal(signal.instrument(), signal.direction(), strength, signal.confidence(),
                signal.timeMillis(), reason, out);
    }

    /**
     * The counts of signals and quality classes, the weights, and per instrument the indicator values and the
     * latest scores. Keys: {@code minScore}, {@code weights} (factor to weight), {@code signals} ({@code entries},
     * {@code exits}, {@code passed}, {@code dropped}, {@code unscored}: entries seen before warm-up),
     * {@code classes} (A..D to count of scored entries), {@code instruments} (id to {@code bars},
     * {@code requiredBars}, {@code ready}, {@code close}, {@code emaFast}, {@code emaSlow}, {@code rsi}, {@code atr},
     * {@code dailyAtrPercent}, {@code volumeAverage} and {@code lastScore}: {@code composite}, {@code class} and the
     * six factors).
     *
     * @return the diagnostics
     */
    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minScore", settings.minScore());
        Map<String, Object> weights = new LinkedHashMap<>();
        settings.weights().forEach((f, w) -> weights.put(f.label(), w));
        out.put("weights", weights);
        Map<String, Object> signals = new LinkedHashMap<>();
        signals.put("entries", entries);
        signals.put("exits", exits);
        signals.put("passed", passed);
        signals.put("dropped", dropped);
        signals.put("unscored", unscored);
        out.put("signals", signals);
        Map<String, Object> byClass = new LinkedHashMap<>();
        classes.forEach((c, n) -> byClass.put(c.name(), n));
        out.put("classes", byClass);
        Map<String, Object> byInstrument = new LinkedHashMap<>();
        instruments.forEach((id, f) -> {
            Map<String, Object> d = f.describe();
            FactorScores s = lastScores.get(id);
            if (s != null) {
                Map<String, Object> last = new LinkedHashMap<>();
                last.put("composite", s.composite());
                last.put("class", s.quality().name());
                s.factors().forEach((factor, v) -> last.put(factor.label(), v));
                d.put("lastScore", last);
            }
            byInstrument.put(id.toString(), d);
        });
        out.put("instruments", byInstrument);
        return out;
    }

    /**
     * The kept bars of every instrument and the counters, so the next version replays the bars into fresh
     * indicators (see {@link FactorSettings#keptBars()} for the precision).
     *
     * @return the snapshot, or null before the first bar
     */
    @Override
    public StateSnapshot snapshot() {
        if (instruments.isEmpty()) {
            return null;
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("counters", entries + "," + exits + "," + passed + "," + dropped + "," + unscored);
        StringBuilder classCounts = new StringBuilder();
        classes.values().forEach(n -> classCounts.append(classCounts.isEmpty() ? "" : ",").append(n));
        v.put("classes", classCounts.toString());
        v.put("instruments", Integer.toString(instruments.size()));
        int i = 0;
        for (Map.Entry<InstrumentId, InstrumentFactors> e : instruments.entrySet()) {
            List<Bar> kept = e.getValue().keptBars();
            v.put(i + ".instrument", e.getKey().toString());
            v.put(i + ".timeframe", kept.get(kept.size() - 1).timeframe().label());
            v.put(i + ".total", Long.toString(e.getValue().bars()));
            v.put(i + ".bars", BarCodec.write(kept));
            i++;
        }
        return new StateSnapshot(FORMAT, v);
    }

    /**
     * Continues from a snapshot of the same format by replaying its bars, keeping at most this instance's
     * {@link FactorSettings#keptBars()} per instrument.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return false when the format is not {@code multi-factor-score/1}
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!snapshot.format().equals(FORMAT)) {
            return false;
        }
        Map<String, String> v = snapshot.values();
        String[] c = v.get("counters").split(",");
        entries = Long.parseLong(c[0]);
        exits = Long.parseLong(c[1]);
        passed = Long.parseLong(c[2]);
        dropped = Long.parseLong(c[3]);
        unscored = Long.parseLong(c[4]);
        String[] k = v.get("classes").split(",");
        for (QualityClass q : QualityClass.values()) {
            classes.put(q, Long.parseLong(k[q.ordinal()]));
        }
        instruments.clear();
        lastScores.clear();
        int n = Integer.parseInt(v.get("instruments"));
        for (int i = 0; i < n; i++) {
            InstrumentId id = InstrumentId.parse(v.get(i + ".instrument"));
            List<Bar> bars = BarCodec.read(v.get(i + ".bars"), id, Timeframe.parse(v.get(i + ".timeframe")));
            InstrumentFactors f = new InstrumentFactors(settings);
            for (Bar b : bars.subList(Math.max(0, bars.size() - settings.keptBars()), bars.size())) {
                f.onBar(b);
            }
            f.restoreBarCount(Long.parseLong(v.get(i + ".total")));
            instruments.put(id, f);
        }
        return true;
    }
}
