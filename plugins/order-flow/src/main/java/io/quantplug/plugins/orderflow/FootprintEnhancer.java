package io.quantplug.plugins.orderflow;

import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores and filters entry signals by the footprint of the bar they were decided in.
 *
 * <p>Where the footprint comes from: a signal enhancer sees bars and signals, never trades (the SPI's
 * {@link SignalEnhancer} has {@code onBar} and {@code enhance}; its {@link EnhancementContext} gives the instrument,
 * bars and portfolio), and bars carry no aggressor side. So the strategy that sees the trades computes the footprint
 * (the SDK's {@code Footprint}) and attaches it to its signals under the {@link FootprintScores} names, as
 * {@code volume-scalper} does; this enhancer reads them there.
 *
 * <p>For an entry (LONG or SHORT) carrying those scores, with {@code s = +1} for LONG and {@code -1} for SHORT:
 * {@code agreement = s * delta / volume} (0 for a bar without volume), in [-1, 1]: how much of the bar's volume was
 * aggression in the entry's direction; {@code netImbalances} = buying minus selling diagonal imbalances, times
 * {@code s}; {@code absorption} = the last completed bar's verdict times {@code s}, -1 when that bar's absorption
 * went against the entry (offers absorbed buying before a LONG, bids absorbed selling before a SHORT). The entry
 * passes when {@code agreement >= minAgreement}, {@code netImbalances >= minNetImbalances} and, with
 * {@code vetoAbsorption}, {@code absorption > -1},
 * with the scores {@code footprint.agreement} and {@code footprint.netImbalances} added and its reason extended; with
 * {@code scaleStrength} its strength is multiplied by {@code (1 + agreement) / 2}. An entry without the scores passes
 * unchanged, or is dropped with {@code requireFootprint}. Exits (FLAT) always pass unchanged. Engine thread only.
 */
public final class FootprintEnhancer implements SignalEnhancer {

    /** Score added: the entry's agreement with the bar's delta. */
    public static final String AGREEMENT = "footprint.agreement";
    /** Score added: net diagonal imbalances in the entry's direction. */
    public static final String NET_IMBALANCES = "footprint.netImbalances";

    private final double minAgreement;
    private final int minNetImbalances;
    private final boolean requireFootprint;
    private final boolean vetoAbsorption;
    private final boolean scaleStrength;
    private long entries;
    private long exits;
    private long passed;
    private long dropped;
    private long unannotated;

    FootprintEnhancer(double minAgreement, int minNetImbalances, boolean requireFootprint, boolean vetoAbsorption,
                      boolean scaleStrength) {
        this.minAgreement = minAgreement;
        this.minNetImbalances = minNetImbalances;
        this.requireFootprint = requireFootprint;
        this.vetoAbsorption = vetoAbsorption;
        this.scaleStrength = scaleStrength;
    }

    @Override
    public Optional<Signal> enhance(Signal signal, EnhancementContext context) {
        if (signal.direction() == SignalDirection.FLAT) {
            exits++;
            return Optional.of(signal);
        }
        entries++;
        Map<String, Double> scores = signal.scores();
        Double delta = scores.get(FootprintScores.DELTA);
        Double volume = scores.get(FootprintScores.VOLUME);
        Double buys = scores.get(FootprintScores.BUY_IMBALANCES);
        Double sells = scores.get(FootprintScores.SELL_IMBALANCES);
        if (delta == null || volume == null || buys == null || sells == null) {
            unannotated++;
            return count(requireFootprint ? Optional.empty() : Optional.of(signal));
        }
        int s = signal.direction() == SignalDirection.LONG ? 1 : -1;
        double agreement = volume > 0 ? s * delta / volume : 0.0;
        int net = s * (int) Math.round(buys - sells);
        double absorption = s * scores.getOrDefault(FootprintScores.LAST_BAR_ABSORPTION, 0.0);
        if (agreement < minAgreement || net < minNetImbalances || vetoAbsorption && absorption < 0) {
            return count(Optional.empty());
        }
        Map<String, Double> out = new LinkedHashMap<>(scores);
        out.put(AGREEMENT, agreement);
        out.put(NET_IMBALANCES, (double) net);
        String reason = signal.reason() + String.format(Locale.ROOT,
                " | footprint agreement %.3f, net imbalances %+d", agreement, net);
        double strength = scaleStrength ? signal.strength() * (1 + agreement) / 2 : signal.strength();
        return count(Optional.of(new Signal(signal.instrument(), signal.direction(), strength, signal.confidence(),
                signal.timeMillis(), reason, out)));
    }

    private Optional<Signal> count(Optional<Signal> outcome) {
        if (outcome.isPresent()) {
            passed++;
        } else {
            dropped++;
        }
        return outcome;
    }

    /**
     * The thresholds and the counts of signals seen: {@code entries}, {@code exits}, {@code passed} (entries),
     * {@code dropped}, {@code unannotated} (entries without footprint scores).
     *
     * @return the diagnostics
     */
    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minAgreement", minAgreement);
        out.put("minNetImbalances", minNetImbalances);
        out.put("requireFootprint", requireFootprint);
        out.put("vetoAbsorption", vetoAbsorption);
        out.put("entries", entries);
        out.put("exits", exits);
        out.put("passed", passed);
        out.put("dropped", dropped);
        out.put("unannotated", unannotated);
        return out;
    }
}
