package io.quantplug.samples.sma;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.sdk.indicator.Crossing;
import io.quantplug.sdk.indicator.Sma;
import io.quantplug.sdk.snapshot.SnapshotReader;
import io.quantplug.sdk.snapshot.SnapshotWriter;

/**
 * The SMA crossover: signals LONG when the fast average crosses above the slow one and FLAT when it crosses below.
 * Crossings are looked for once both averages are warmed up (from the {@code slow}-th bar on).
 *
 * <p>Hot swap: {@link #snapshot()} hands over the last {@code slow} closes (read from the session's bar history
 * when the swap comes, so the per-bar path keeps nothing extra), the number of bars seen and the side the fast
 * average was last strictly on (layout {@value #LAYOUT}, version 1, through the SDK's snapshot codec);
 * {@link #restore} replays the closes into fresh averages, so a new build continues exactly where the old one
 * stopped, with no new warm-up. With a slow period longer than the history holds, it hands over nothing and the new
 * build starts fresh.
 */
final class SmaCrossover implements Strategy {

    /** The snapshot layout this strategy writes and reads. */
    static final String LAYOUT = "sma-crossover";

    private final StrategyContext context;
    private final int fastPeriod;
    private final int slowPeriod;
    private Sma fast;
    private Sma slow;
    private Crossing crossing = new Crossing();
    /** Bars seen, carried across swaps. */
    private long seen;
    /** +1 when the fast average was last strictly above the slow one, -1 below, 0 not yet. */
    private int side;
    private final String crossedAbove;
    private final String crossedBelow;

    SmaCrossover(StrategyContext context, int fastPeriod, int slowPeriod) {
        this.context = context;
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
        this.fast = new Sma(fastPeriod);
        this.slow = new Sma(slowPeriod);
        this.crossedAbove = "SMA(" + fastPeriod + ") crossed above SMA(" + slowPeriod + ")";
        this.crossedBelow = "SMA(" + fastPeriod + ") crossed below SMA(" + slowPeriod + ")";
    }

    @Override
    public void onBar(Bar bar) {
        seen++;
        double f = fast.update(bar.close());
        double s = slow.update(bar.close());
        if (!slow.isReady()) {
            return;
        }
        side = f > s ? 1 : f < s ? -1 : side;
        switch (crossing.update(f, s)) {
            case UP -> signal(SignalDirection.LONG, crossedAbove);
            case DOWN -> signal(SignalDirection.FLAT, crossedBelow);
            default -> { }
        }
    }

    private void signal(SignalDirection direction, String reason) {
        context.emit(Signal.of(context.instrument().id(), direction, context.clock().millis(), reason));
    }

    @Override
    public StateSnapshot snapshot() {
        BarHistory history = context.history();
        int n = (int) Math.min(seen, slowPeriod);
        if (n > history.size()) {
            return null; // more closes than the history keeps: the new build starts fresh
        }
        double[] last = new double[n];
        for (int i = 0; i < n; i++) {
            last[i] = history.get(n - 1 - i).close();
        }
        return new SnapshotWriter(LAYOUT, 1).putLong("fast", fastPeriod).putLong("slow", slowPeriod)
                .putLong("seen", seen).putDoubles("closes", last).putLong("side", side).toSnapshot();
    }

    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!SnapshotReader.canRead(snapshot, LAYOUT, 1)) {
            return false;
        }
        SnapshotReader in = new SnapshotReader(snapshot, LAYOUT, 1);
        if (in.getLong("fast") != fastPeriod || in.getLong("slow") != slowPeriod) {
            return false; // other periods: the closes kept are not enough, start fresh
        }
        fast = new Sma(fastPeriod);
        slow = new Sma(slowPeriod);
        crossing = new Crossing();
        seen = in.getLong("seen");
        for (double close : in.getDoubles("closes")) {
            fast.update(close);
            slow.update(close);
        }
        side = (int) in.getLong("side");
        if (side != 0) {
            crossing.update(side, 0); // the first step only records the side
        }
        return true;
    }
}
