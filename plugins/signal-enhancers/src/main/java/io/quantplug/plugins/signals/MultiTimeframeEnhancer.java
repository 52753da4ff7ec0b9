package io.quantplug.plugins.signals;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-timeframe confluence: lets an entry through only when enough higher timeframes trend its way.
 *
 * <p>{@link #onBar}: aggregates each instrument's bars into the configured higher timeframes
 * ({@link BarAggregator}) and updates each one's trend ({@link HigherTimeframe}) when one of its bars completes.
 * {@link #enhance}: for a LONG or SHORT signal, the alignment is the weighted share of the usable timeframes whose
 * trend agrees with the signal's direction ({@link InstrumentConfluence#alignment}); an entry whose alignment is
 * below {@code minAlignment} is dropped, others pass with the scores {@code mtf.alignment} (0 to 1) and, when pivots
 * exist, {@code mtf.support} and {@code mtf.resistance} (prices: the nearest pivot low below and pivot high above
 * the latest close, over all usable timeframes) with {@code mtf.supportDistancePercent} and
 * {@code mtf.resistanceDistancePercent} ({@code 100 |level - C| / C}), and the reason extended with the alignment
 * and each timeframe's trend.
 *
 * <p>FLAT (exit) signals always pass unchanged. Without any usable timeframe (none of the configured ones is a whole
 * multiple of the input bars' length, e.g. 1w bars) or before any bar, the alignment is undefined: entries are dropped
 * when {@code minAlignment > 0}, and pass unchanged when it is 0.
 *
 * <p>No look-ahead: a higher-timeframe bar counts (for trend and pivots) only once complete, and a pivot only once
 * the bars after it are complete. Not thread-safe: the engine thread.
 */
public final class MultiTimeframeEnhancer implements SignalEnhancer {

    /** Score name of the alignment. */
    public static final String ALIGNMENT = "mtf.alignment";
    /** Score name of the nearest support price. */
    public static final String SUPPORT = "mtf.support";
    /** Score name of the nearest resistance price. */
    public static final String RESISTANCE = "mtf.resistance";
    /** Score name of the distance from the close down to the support, percent of the close. */
    public static final String SUPPORT_DISTANCE = "mtf.supportDistancePercent";
    /** Score name of the distance from the close up to the resistance, percent of the close. */
    public static final String RESISTANCE_DISTANCE = "mtf.resistanceDistancePercent";
    private static final String FORMAT = "multi-timeframe/1";

    private final ConfluenceSettings settings;
    private final Map<InstrumentId, InstrumentConfluence> instruments = new LinkedHashMap<>();
    private long entries;
    private long exits;
    private long passed;
    private long dropped;

    MultiTimeframeEnhancer(ConfluenceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void onBar(Bar bar) {
        instruments.computeIfAbsent(bar.instrument(), id -> new InstrumentConfluence(settings, bar.timeframe()))
                .onBar(bar);
    }

    @Override
    public Optional<Signal> enhance(Signal signal, EnhancementContext context) {
        if (signal.direction() == SignalDirection.FLAT) {
            exits++;
            return Optional.of(signal);
        }
        entries++;
        InstrumentConfluence c = instruments.get(signal.instrument());
        int d = signal.direction() == SignalDirection.LONG ? 1 : -1;
        double alignment = c == null ? Double.NaN : c.alignment(d);
        if (Double.isNaN(alignment)) {
            if (settings.minAlignment() > 0) {
                dropped++;
                return Optional.empty();
            }
            passed++;
            return Optional.of(signal);
        }
        if (alignment < settings.minAlignment()) {
            dropped++;
            return Optional.empty();
        }
        passed++;
        return Optional.of(annotate(signal, c, alignment));
    }

    private static Signal annotate(Signal signal, InstrumentConfluence c, double alignment) {
        Map<String, Double> scores = new HashMap<>(signal.scores());
        scores.put(ALIGNMENT, alignment);
        double close = c.lastClose();
        double support = c.support();
        if (!Double.isNaN(support)) {
            scores.put(SUPPORT, support);
            scores.put(SUPPORT_DISTANCE, 100 * (close - support) / close);
        }
        double resistance = c.resistance();
        if (!Double.isNaN(resistance)) {
            scores.put(RESISTANCE, resistance);
            scores.put(RESISTANCE_DISTANCE, 100 * (resistance - close) / close);
        }
        StringBuilder reason = new StringBuilder(signal.reason())
                .append(String.format(Locale.ROOT, " | multi-timeframe alignment %.2f (", alignment));
        for (int i = 0; i < c.usable().size(); i++) {
            HigherTimeframe h = c.usable().get(i);
            reason.append(i == 0 ? "" : ", ").append(h.timeframe().label()).append(' ').append(h.trend().name());
        }
        reason.append(')');
        return new Signal(signal.instrument(), signal.direction(), signal.strength(), signal.confidence(),
                signal.timeMillis(), reason.toString(), scores);
    }

    /**
     * The parameters, the signal counts and per instrument the timeframes' state. Keys: {@code minAlignment},
     * {@code timeframes} (label to weight), {@code signals} ({@code entries}, {@code exits}, {@code passed},
     * {@code dropped}), {@code instruments} (id to {@code inputTimeframe}, {@code bars}, {@code ignoredBars},
     * {@code close}, {@code alignmentLong}, {@code alignmentShort}, {@code support}, {@code resistance} (null when
     * undefined) and {@code timeframes}: label to {@code weight}, {@code trend}, {@code completedBars},
     * {@code close}, {@code ema}, {@code emaPrevious}, {@code buildingSince}, or {@code usable = false}).
     *
     * @return the diagnostics
     */
    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minAlignment", settings.minAlignment());
        Map<String, Object> tfs = new LinkedHashMap<>();
        for (int i = 0; i < settings.timeframes().size(); i++) {
            tfs.put(settings.timeframes().get(i).label(), settings.weights().get(i));
        }
        out.put("timeframes", tfs);
        Map<String, Object> signals = new LinkedHashMap<>();
        signals.put("entries", entries);
        signals.put("exits", exits);
        signals.put("passed", passed);
        signals.put("dropped", dropped);
        out.put("signals", signals);
        Map<String, Object> byInstrument = new LinkedHashMap<>();
        instruments.forEach((id, c) -> byInstrument.put(id.toString(), c.describe()));
        out.put("instruments", byInstrument);
        return out;
    }

    /**
     * Per instrument and usable timeframe the kept completed bars and the bucket being built, plus the counters;
     * the next version replays the completed bars into a fresh EMA (see {@link ConfluenceSettings#keptBars()}).
     *
     * @return the snapshot, or null before the first bar
     */
    @Override
    public StateSnapshot snapshot() {
        if (instruments.isEmpty()) {
            return null;
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("counters", entries + "," + exits + "," + passed + "," + dropped);
        v.put("instruments", Integer.toString(instruments.size()));
        int i = 0;
        for (Map.Entry<InstrumentId, InstrumentConfluence> e : instruments.entrySet()) {
            InstrumentConfluence c = e.getValue();
            String p = i + ".";
            v.put(p + "instrument", e.getKey().toString());
            v.put(p + "input", c.input().label());
            v.put(p + "bars", c.bars() + "," + c.ignoredBars() + "," + c.lastClose());
            for (HigherTimeframe h : c.usable()) {
                String q = p + h.timeframe().label() + ".";
                v.put(q + "completed", BarCodec.write(h.recent(settings.keptBars())));
                v.put(q + "total", Long.toString(h.completedCount()));
                BarAggregator a = h.aggregator();
                v.put(q + "partial", a.partial() == null ? "" : BarCodec.write(List.of(a.partial())));
                v.put(q + "flags", a.partialCounts() + "," + a.started());
            }
            i++;
        }
        return new StateSnapshot(FORMAT, v);
    }

    /**
     * Continues from a snapshot of the same format. A timeframe this instance has but the snapshot lacks starts
     * fresh (its first, partly seen bucket is dropped).
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return false when the format is not {@code multi-timeframe/1}
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!snapshot.format().equals(FORMAT)) {
            return false;
        }
        Map<String, String> v = snapshot.values();
        String[] k = v.get("counters").split(",");
        entries = Long.parseLong(k[0]);
        exits = Long.parseLong(k[1]);
        passed = Long.parseLong(k[2]);
        dropped = Long.parseLong(k[3]);
        instruments.clear();
        int n = Integer.parseInt(v.get("instruments"));
        for (int i = 0; i < n; i++) {
            String p = i + ".";
            InstrumentId id = InstrumentId.parse(v.get(p + "instrument"));
            InstrumentConfluence c = new InstrumentConfluence(settings, Timeframe.parse(v.get(p + "input")));
            String[] counts = v.get(p + "bars").split(",");
            c.restoreCounts(Long.parseLong(counts[0]), Long.parseLong(counts[1]), Double.parseDouble(counts[2]));
            for (HigherTimeframe h : c.usable()) {
                String q = p + h.timeframe().label() + ".";
                if (!v.containsKey(q + "completed")) {
                    continue;
                }
                List<Bar> done = BarCodec.read(v.get(q + "completed"), id, h.timeframe());
                for (Bar b : done.subList(Math.max(0, done.size() - settings.keptBars()), done.size())) {
                    h.accept(b);
                }
                h.restoreCompletedCount(Long.parseLong(v.get(q + "total")));
                List<Bar> partial = BarCodec.read(v.get(q + "partial"), id, h.timeframe());
                String[] flags = v.get(q + "flags").split(",");
                h.aggregator().restore(partial.isEmpty() ? null : partial.get(0), Boolean.parseBoolean(flags[0]),
                        Boolean.parseBoolean(flags[1]));
            }
            instruments.put(id, c);
        }
        return true;
    }
}
