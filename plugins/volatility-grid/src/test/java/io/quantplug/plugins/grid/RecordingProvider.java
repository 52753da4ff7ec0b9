package io.quantplug.plugins.grid;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps {@link VolatilityGridProvider} for a test-kit backtest: the context it hands the grid records every order
 * submitted and canceled together with the grid's layout at that moment, and the strategy it returns records every
 * order event and the grid's inventory and limit after each callback.
 */
final class RecordingProvider implements StrategyProvider {

    /** An order as submitted ({@code seq}: its place among submissions, cancels and events), with the grid in force
     * and the account's equity then. */
    record Submitted(int seq, long timeMillis, LimitOrder order, GridLayout layout, BigDecimal equity,
                     CompositeVolatility.Estimate estimate) {
    }

    /** A cancel request. */
    record Canceled(int seq, long timeMillis, ClientOrderId id) {
    }

    /** An order event as the grid received it, with the clock then. */
    record Event(int seq, long timeMillis, OrderEvent event) {
    }

    /** The grid's own inventory and limit after one of its callbacks returned. */
    record Inventory(long timeMillis, BigDecimal inventory, BigDecimal limit) {
    }

    final List<Submitted> submitted = new ArrayList<>();
    final List<Canceled> canceled = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Inventory> inventory = new ArrayList<>();
    /** The next sequence number: submissions, cancels and events are numbered in the order they happen. */
    private int seq;
    private final VolatilityGridProvider delegate = new VolatilityGridProvider();
    VolatilityGrid grid;

    @Override
    public ExtensionDescriptor descriptor() {
        return delegate.descriptor();
    }

    @Override
    public Strategy create(StrategyContext context) {
        Recording recording = new Recording(context);
        grid = (VolatilityGrid) delegate.create(recording);
        return new Strategy() {
            @Override
            public void onBar(Bar bar) {
                grid.onBar(bar);
                after(context);
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                events.add(new Event(seq++, context.clock().millis(), event));
                grid.onOrderEvent(event);
                after(context);
            }

            @Override
            public StateSnapshot snapshot() {
                return grid.snapshot();
            }

            @Override
            public boolean restore(StateSnapshot snapshot) {
                return grid.restore(snapshot);
            }
        };
    }

    private void after(StrategyContext context) {
        if (grid.sizing() != null) {
            inventory.add(new Inventory(context.clock().millis(), grid.inventory(),
                    grid.sizing().inventoryLimit()));
        }
    }

    /** Delegates everything; records submissions and cancels. */
    private final class Recording implements StrategyContext {
        private final StrategyContext inner;

        Recording(StrategyContext inner) {
            this.inner = inner;
        }

        @Override
        public void submit(Order order) {
            submitted.add(new Submitted(seq++, inner.clock().millis(), (LimitOrder) order, grid.layout(),
                    inner.portfolio().equity(), grid.lastEstimate()));
            inner.submit(order);
        }

        @Override
        public void cancel(ClientOrderId clientOrderId) {
            canceled.add(new Canceled(seq++, inner.clock().millis(), clientOrderId));
            inner.cancel(clientOrderId);
        }

        @Override
        public String instanceId() {
            return inner.instanceId();
        }

        @Override
        public InstantSource clock() {
            return inner.clock();
        }

        @Override
        public Instrument instrument() {
            return inner.instrument();
        }

        @Override
        public BarHistory history() {
            return inner.history();
        }

        @Override
        public PortfolioView portfolio() {
            return inner.portfolio();
        }

        @Override
        public Parameters parameters() {
            return inner.parameters();
        }

        @Override
        public System.Logger logger() {
            return inner.logger();
        }

        @Override
        public void emit(Signal signal) {
            inner.emit(signal);
        }

        @Override
        public ClientOrderId nextClientOrderId() {
            return inner.nextClientOrderId();
        }

        @Override
        public void scheduleTimer(String name, long timeMillis) {
            inner.scheduleTimer(name, timeMillis);
        }
    }
}
