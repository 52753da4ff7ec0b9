package ${package};

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.sdk.bar.BarRingBuffer;
import io.quantplug.sdk.indicator.Crossing;
import io.quantplug.sdk.indicator.Sma;
import io.quantplug.sdk.snapshot.SnapshotReader;
import io.quantplug.sdk.snapshot.SnapshotWriter;

/**
 * The trading rule: LONG when the close crosses above its simple moving average, FLAT when it crosses below.
 *
 * <p>The engine calls {@link #onBar} once per bar, on one thread, in time order. A signal is decided on the bar's
 * close and fills at the next bar's open at the earliest; the engine sizes the order and checks the risk rules.
 * Edit {@link #onBar} to change the rule.
 *
 * <p>Hot swap: when a new build of this plugin replaces the running one, the engine asks this instance for
 * {@link #snapshot} and hands it to the new build's instance ({@link #restore}). The state is kept as the last
 * {@code period} bars plus the side of the close, and the new instance replays the bars into fresh indicators. See
 * "Strategy callbacks and hot swap" in the Quantplug documentation (docs/strategy-callbacks.md).
 */
final class ${className} implements Strategy {

    /** The layout of this strategy's snapshot; raise the version whenever its keys or their meaning change. */
    static final String SNAPSHOT_LAYOUT = "${artifactId}";
    static final int SNAPSHOT_VERSION = 1;

    private final StrategyContext context;
    private final int period;
    private final BarRingBuffer recent;
    private Sma average;
    private Crossing crossing = new Crossing();
    /** The side of the close against its average at the last bar where they differed: +1 above, -1 below, 0 none. */
    private int side;

    ${className}(StrategyContext context, int period) {
        this.context = context;
        this.period = period;
        this.recent = new BarRingBuffer(period);
        this.average = new Sma(period);
    }

    @Override
    public void onBar(Bar bar) {
        recent.append(bar);
        double close = bar.close();
        double mean = average.update(close);
        if (!average.isReady()) {
            return; // fewer than 'period' closes so far
        }
        Crossing.Direction direction = crossing.update(close, mean);
        if (close != mean) {
            side = close > mean ? 1 : -1;
        }
        switch (direction) {
            case UP -> signal(SignalDirection.LONG, "close crossed above its SMA");
            case DOWN -> signal(SignalDirection.FLAT, "close crossed below its SMA");
            default -> { }
        }
    }

    private void signal(SignalDirection direction, String reason) {
        context.emit(Signal.of(context.instrument().id(), direction, context.clock().millis(), reason));
    }

    @Override
    public StateSnapshot snapshot() {
        SnapshotWriter out = new SnapshotWriter(SNAPSHOT_LAYOUT, SNAPSHOT_VERSION).putLong("side", side);
        recent.writeTo(out, "bars");
        return out.toSnapshot();
    }

    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!SnapshotReader.canRead(snapshot, SNAPSHOT_LAYOUT, SNAPSHOT_VERSION)) {
            return false; // another layout: the engine starts this instance fresh
        }
        SnapshotReader in = new SnapshotReader(snapshot, SNAPSHOT_LAYOUT, SNAPSHOT_VERSION);
        recent.readFrom(in, "bars");
        side = (int) in.getLong("side");
        average = new Sma(period);
        for (int barsAgo = recent.size() - 1; barsAgo >= 0; barsAgo--) {
            average.update(recent.close(barsAgo)); // oldest first
        }
        crossing = new Crossing();
        if (side != 0) {
            crossing.update(side, 0); // the first step only records the side
        }
        return true;
    }
}
