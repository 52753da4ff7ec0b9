package io.quantplug.testkit;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.api.strategy.TimerEvent;

/**
 * The strategy provider of a {@link SwapRehearsal}'s swapped run: its instance forwards every callback to an
 * instance of the old build, and before the first timer or bar at or after the swap bar moves to an instance of the
 * new build, made the way the runtime makes a hot swap. A {@code snapshot()} or {@code restore()} that throws is
 * rethrown as an {@link IllegalStateException} saying what the runtime would do; the engine's fault policy stops the
 * instance and {@link PluginBacktest#run()} fails the test with it.
 */
final class SwappingProvider implements StrategyProvider {

    /** What the swap handed over. */
    record Handover(StateSnapshot snapshot, boolean restored) {
    }

    private final StrategyProvider oldBuild;
    private final StrategyProvider newBuild;
    private final int swapBar;
    private Handover handover;

    SwappingProvider(StrategyProvider oldBuild, StrategyProvider newBuild, int swapBar) {
        this.oldBuild = oldBuild;
        this.newBuild = newBuild;
        this.swapBar = swapBar;
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return oldBuild.descriptor();
    }

    @Override
    public Strategy create(StrategyContext context) {
        handover = null;
        return new Swapping(context, oldBuild.create(context));
    }

    /** The handover of the latest run, or null when its data ended before the swap bar. */
    Handover handover() {
        return handover;
    }

    private final class Swapping implements Strategy {
        private final StrategyContext context;
        private Strategy current;
        private int bars;

        Swapping(StrategyContext context, Strategy first) {
            this.context = context;
            this.current = first;
        }

        private void swapWhenDue() {
            if (bars < swapBar || handover != null) {
                return;
            }
            StateSnapshot snapshot;
            try {
                snapshot = current.snapshot();
            } catch (RuntimeException e) {
                throw new IllegalStateException("the old build's snapshot() threw (the runtime would start the new instance"
                        + " fresh and report the fault): " + e, e);
            }
            Strategy next = newBuild.create(context);
            boolean restored = false;
            if (snapshot != null) {
                try {
                    restored = next.restore(snapshot);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("the new build's restore() threw on " + snapshot + " (the runtime would"
                            + " stop the instance: swap FAILED): " + e, e);
                }
            }
            current = next;
            handover = new Handover(snapshot, restored);
            if (!restored) {
                next.onStart();
            }
        }

        @Override
        public void onStart() {
            current.onStart();
        }

        @Override
        public void onBar(Bar bar) {
            swapWhenDue();
            current.onBar(bar);
            bars++;
        }

        @Override
        public void onTrade(TradeTick trade) {
            current.onTrade(trade);
        }

        @Override
        public void onOrderBook(OrderBookView book) {
            current.onOrderBook(book);
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            current.onOrderEvent(event);
        }

        @Override
        public void onTimer(TimerEvent timer) {
            swapWhenDue();
            current.onTimer(timer);
        }

        @Override
        public void onStop() {
            current.onStop();
        }

        @Override
        public StateSnapshot snapshot() {
            return current.snapshot();
        }

        @Override
        public boolean restore(StateSnapshot snapshot) {
            return current.restore(snapshot);
        }
    }
}
