package io.quantplug.plugins.pairs;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.sdk.statistics.RollingHedgeRatio;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trades two instruments as a pair on the z-score of their Engle-Granger spread: {@code y} is the first of
 * {@link StrategyContext#instruments()}, {@code x} the second.
 *
 * <h2>Per paired bar, at its close</h2>
 * A paired bar is a time at which both instruments have a bar (see {@link PairedCloses}); the decision is taken when
 * the second of the two arrives, on both closes. {@code (log C_y, log C_x)} enters the rolling window of the last
 * {@code lookback} pairs ({@link RollingHedgeRatio}), refitted by OLS: {@code log y = α + β log x + u}, the spread
 * {@code s_t = log C_y - α - β log C_x} of the newest pair and its z-score {@code z_t = s_t / sd(u)} over the
 * window (sample standard deviation), as in Engle and Granger (1987) and Gatev, Goetzmann and Rouwenhorst (2006),
 * "Pairs trading: performance of a relative-value arbitrage rule", <i>Review of Financial Studies</i> 19, 797-827.
 * Then, with {@code z'} the previous paired bar's z-score:
 * <ul>
 *   <li><b>flat</b>: after {@code max(lookback, minBars)} paired bars, with {@code β > 0}, and {@code |z| < stopZ}
 *       when a stop is set: <b>long the spread</b> (buy y, and sell x in long-short mode) when
 *       {@code z < -entryZ <= z'}; <b>short the spread</b> (sell y and buy x, or only buy x in long-only mode) when
 *       {@code z > entryZ >= z'}. An entry is thus taken on the bar where {@code z} crosses the band, never later on
 *       a stale divergence. With a gate ({@code significance > 0}) the window's Engle-Granger {@code τ} must also be
 *       below MacKinnon's critical value ({@link CointegrationGate}), tested only at a crossing.</li>
 *   <li><b>long the spread</b>: closed when {@code z >= -exitZ} (back within the exit band, or through it), or
 *       stopped when {@code z < -stopZ}.</li>
 *   <li><b>short the spread</b>: closed when {@code z <= exitZ}, or stopped when {@code z > stopZ}.</li>
 * </ul>
 * A gate that closes while a position is open does not close it. The legs are market orders sized dollar-neutral
 * in {@code β} ({@link PairLegs}); they fill at each instrument's next open. A close orders exactly what this
 * instance's own fills hold, so other strategies' positions in the same instruments are left alone. Each entry and
 * exit is logged at INFO with {@code z}, {@code β}, {@code α} and, for an entry through a gate, {@code τ} and its
 * critical value.
 *
 * <h2>Spot and short legs</h2>
 A spot instrument cannot be shorted: {@code mode=long-short} is refused at creation unless both instruments
 * can be shorted ({@link io.quantplug.api.instrument.InstrumentKind#allowsShort()}, e.g. perpetuals).
 * {@code mode=long-only}, the default, is the choice for spot: it orders the long leg alone, which is a
 * relative-value bet (long the cheap side of the pair), not a market-neutral one.
 *
 * <h2>Hot swap</h2>
 * {@link #snapshot()} (format {@value #SNAPSHOT_FORMAT}) carries the window's pairs (which restore the estimator
 * bit for bit), the bar pairing, the last z-score, the position and the legs' held quantities; a successor with
 * another {@code lookback} or other instruments refuses it.
 *
 * <p>Called on the engine thread only; not thread-safe.
 */
final class PairsTradingStrategy implements Strategy {

    /** The snapshot layout. */
    static final String SNAPSHOT_FORMAT = "pairs-trading/1";

    private final StrategyContext context;
    private final PairsSettings settings;
    private final Instrument y;
    private final Instrument x;
    private final PairedCloses closes;
    private final PairLegs legs;
    private final CointegrationGate gate;
    private RollingHedgeRatio window;
    private long pairedBars;
    private double previousZ = Double.NaN;
    private SpreadPosition position = SpreadPosition.FLAT;

    PairsTradingStrategy(StrategyContext context, PairsSettings settings) {
        this.context = context;
        this.settings = settings;
        this.y = context.instruments().get(0);
        this.x = context.instruments().get(1);
        this.closes = new PairedCloses(y.id(), x.id());
        this.legs = new PairLegs(context, y, x);
        this.gate = new CointegrationGate(settings.significance(), settings.adfLags(), settings.lookback());
        this.window = new RollingHedgeRatio(settings.lookback());
    }

    @Override
    public void onBar(Bar bar) {
        if (!closes.add(bar)) {
            return;
        }
        pairedBars++;
        window.update(Math.log(closes.closeY()), Math.log(closes.closeX()));
        if (!window.isReady()) {
            return;
        }
        double z = window.zScore();
        decide(z);
        previousZ = z;
    }

    private void decide(double z) {
        switch (position) {
            case FLAT -> enterOnCrossing(z);
            case LONG_SPREAD -> {
                if (z >= -settings.exitZ()) {
                    exit(z, "reverted");
                } else if (settings.stopZ() > 0 && z < -settings.stopZ()) {
                    exit(z, "stop");
                }
            }
            case SHORT_SPREAD -> {
                if (z <= settings.exitZ()) {
                    exit(z, "reverted");
                } else if (settings.stopZ() > 0 && z > settings.stopZ()) {
                    exit(z, "stop");
                }
            }
        }
    }

    private void enterOnCrossing(double z) {
        double entry = settings.entryZ();
        SpreadPosition wanted;
        if (z < -entry && previousZ >= -entry) {
            wanted = SpreadPosition.LONG_SPREAD;
        } else if (z > entry && previousZ <= entry) {
            wanted = SpreadPosition.SHORT_SPREAD;
        } else {
            return;
        }
        if (pairedBars < settings.warmupBars() || !(window.hedgeRatio() > 0)
                || (settings.stopZ() > 0 && Math.abs(z) >= settings.stopZ()) || !gate.passes(window)) {
            return;
        }
        position = wanted;
        log("entry " + wanted, z, gate.enabled() ? " tau=" + gate.statistic() + " critical=" + gate.criticalValue()
                : "");
        legs.open(wanted, settings.mode(), settings.allocation(), window.hedgeRatio(), closes.closeY(),
                closes.closeX());
    }

    private void exit(double z, String why) {
        log("exit " + position + " (" + why + ")", z, "");
        position = SpreadPosition.FLAT;
        legs.close();
    }

    private void log(String what, double z, String tested) {
        context.logger().log(System.Logger.Level.INFO, what + " at " + Instant.ofEpochMilli(closes.time())
                + ": z=" + z + " hedgeRatio=" + window.hedgeRatio() + " intercept=" + window.intercept() + tested);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        if (event instanceof OrderFilled filled) {
            legs.onFill(filled.fill());
        }
    }

    /** @return the position as decided */
    SpreadPosition position() {
        return position;
    }

    /** @return the rolling estimator (read only for callers) */
    RollingHedgeRatio window() {
        return window;
    }

    /** @return the legs and what this instance holds of each */
    PairLegs legs() {
        return legs;
    }

    @Override
    public StateSnapshot snapshot() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("y", y.id().toString());
        values.put("x", x.id().toString());
        values.put("lookback", Integer.toString(settings.lookback()));
        double[] ys = new double[settings.lookback()];
        double[] xs = new double[settings.lookback()];
        int n = window.copyPairs(ys, xs);
        values.put("pairs", Integer.toString(n));
        for (int i = 0; i < n; i++) {
            values.put("pair." + i, ys[i] + "," + xs[i]);
        }
        values.put("pairedBars", Long.toString(pairedBars));
        values.put("previousZ", Double.toString(previousZ));
        values.put("position", position.name());
        closes.writeTo(values);
        legs.writeTo(values);
        return new StateSnapshot(SNAPSHOT_FORMAT, values);
    }

    /**
     * Continues from a snapshot of format {@value #SNAPSHOT_FORMAT} of the same instruments and {@code lookback}. A
     * snapshot that cannot be read changes nothing.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return true when restored
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        Map<String, String> in = snapshot.values();
        if (!SNAPSHOT_FORMAT.equals(snapshot.format()) || !y.id().toString().equals(in.get("y"))
                || !x.id().toString().equals(in.get("x"))
                || !Integer.toString(settings.lookback()).equals(in.get("lookback"))) {
            return false;
        }
        try {
            RollingHedgeRatio w = new RollingHedgeRatio(settings.lookback());
            long n = SnapshotState.whole(in, "pairs");
            for (int i = 0; i < n; i++) {
                String[] pair = SnapshotState.text(in, "pair." + i).split(",");
                if (pair.length != 2) {
                    throw new IllegalArgumentException("snapshot value 'pair." + i + "' is not y,x");
                }
                w.update(Double.parseDouble(pair[0]), Double.parseDouble(pair[1]));
            }
            long bars = SnapshotState.whole(in, "pairedBars");
            double z = SnapshotState.number(in, "previousZ");
            SpreadPosition p = SpreadPosition.valueOf(SnapshotState.text(in, "position"));
            PairedCloses c = new PairedCloses(y.id(), x.id());
            c.readFrom(in);
            PairLegs l = new PairLegs(context, y, x);
            l.readFrom(in);
            closes.readFrom(in);
            legs.readFrom(in);
            window = w;
            pairedBars = bars;
            previousZ = z;
            position = p;
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
