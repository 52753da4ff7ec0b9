package io.quantplug.testkit;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.sdk.snapshot.SnapshotReader;
import io.quantplug.sdk.snapshot.SnapshotWriter;

/**
 * A stateful strategy for the swap tests: LONG after three closes in a row each above the one before, FLAT after three
 * in a row each below. Its state (the last close and the two streaks) spans bars, so an instance that loses it
 * trades differently. Variants: one whose snapshot is null (forgets), one that writes another layout version
 * (declined), one whose snapshot throws.
 */
final class StreakProvider implements StrategyProvider {

    enum Variant { FAITHFUL, FORGETFUL, NEXT_LAYOUT, BROKEN_SNAPSHOT }

    static final String LAYOUT = "streak";
    static final int STREAK = 3;

    private final Variant variant;
    int starts;

    StreakProvider(Variant variant) {
        this.variant = variant;
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor("streak", "Streak", "three higher closes in, three lower closes out",
                ParameterSchema.empty());
    }

    @Override
    public Strategy create(StrategyContext context) {
        return new Streak(context);
    }

    private final class Streak implements Strategy {
        private final StrategyContext context;
        private double lastClose = Double.NaN;
        private long ups;
        private long downs;

        Streak(StrategyContext context) {
            this.context = context;
        }

        @Override
        public void onStart() {
            starts++;
        }

        @Override
        public void onBar(Bar bar) {
            double close = bar.close();
            ups = close > lastClose ? ups + 1 : 0;
            downs = close < lastClose ? downs + 1 : 0;
            lastClose = close;
            if (ups == STREAK) {
                emit(SignalDirection.LONG);
            } else if (downs == STREAK) {
                emit(SignalDirection.FLAT);
            }
        }

        private void emit(SignalDirection direction) {
            context.emit(Signal.of(context.instrument().id(), direction, context.clock().millis(), "streak"));
        }

        @Override
        public StateSnapshot snapshot() {
            return switch (variant) {
                case FORGETFUL -> null;
                case BROKEN_SNAPSHOT -> throw new IllegalStateException("cannot write the streaks");
                default -> new SnapshotWriter(LAYOUT, variant == Variant.NEXT_LAYOUT ? 2 : 1)
                        .putDouble("lastClose", lastClose).putLong("ups", ups).putLong("downs", downs).toSnapshot();
            };
        }

        @Override
        public boolean restore(StateSnapshot snapshot) {
            int version = variant == Variant.NEXT_LAYOUT ? 2 : 1;
            if (!SnapshotReader.canRead(snapshot, LAYOUT, version)) {
                return false;
            }
            SnapshotReader in = new SnapshotReader(snapshot, LAYOUT, version);
            lastClose = in.getDouble("lastClose");
            ups = in.getLong("ups");
            downs = in.getLong("downs");
            return true;
        }
    }
}
