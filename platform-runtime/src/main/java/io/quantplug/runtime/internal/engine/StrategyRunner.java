package io.quantplug.runtime.internal.engine;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.InstanceSwap;

import java.time.InstantSource;

/**
 * One strategy instance in a session: the {@link StrategyContext} it sees, and the fault policy around each of its
 * callbacks. Policy: a callback that throws stops this instance (no further callbacks), the fault is reported, and
 * every other instance carries on; a callback that runs over the session's time budget (see
 * {@link CallbackWatchdog}) suspends the instance the same way once it returns. Owned by the engine thread.
 */
final class StrategyRunner implements StrategyContext, OrderOwner {

    private final String instanceId;
    private final String providerId;
    private final Parameters parameters;
    private final TradingSession session;
    private final CallbackWatchdog.Watch watch;
    private final System.Logger logger;
    private Strategy strategy;
    private boolean stopped;
    private long orderSequence;

    StrategyRunner(String instanceId, String providerId, Parameters parameters, TradingSession session,
                   CallbackWatchdog.Watch watch) {
        this.instanceId = instanceId;
        this.providerId = providerId;
        this.parameters = parameters;
        this.session = session;
        this.watch = watch;
        this.logger = System.getLogger("quantplug.strategy." + instanceId);
    }

    /**
     * Creates the strategy through its provider. Failures propagate: a strategy that cannot be created is a
     * configuration error, not a runtime fault.
     */
    void create(StrategyProvider provider) {
        strategy = provider.create(this);
        if (strategy == null) {
            throw new IllegalStateException("strategy provider '" + providerId + "' returned null");
        }
    }

    void start() {
        if (active()) {
            watch.enter();
            try {
                strategy.onStart();
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                fail("onStart", e);
            }
            long overBudgetNanos = watch.exit();
            if (overBudgetNanos > 0) {
                suspend("onStart", overBudgetNanos);
            }
        }
    }

    void bar(Bar bar) {
        if (active()) {
            watch.enter();
            try {
                strategy.onBar(bar);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                fail("onBar", e);
            }
            long overBudgetNanos = watch.exit();
            if (overBudgetNanos > 0) {
                suspend("onBar", overBudgetNanos);
            }
        }
    }

    @Override
    public void orderEvent(OrderEvent event) {
        if (active()) {
            watch.enter();
            try {
                strategy.onOrderEvent(event);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                fail("onOrderEvent", e);
            }
            long overBudgetNanos = watch.exit();
            if (overBudgetNanos > 0) {
                suspend("onOrderEvent", overBudgetNanos);
            }
        }
    }

    void timer(TimerEvent timer) {
        if (active()) {
            watch.enter();
            try {
                strategy.onTimer(timer);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                fail("onTimer", e);
            }
            long overBudgetNanos = watch.exit();
            if (overBudgetNanos > 0) {
                suspend("onTimer", overBudgetNanos);
            }
        }
    }

    /**
     * Swaps this instance's strategy for one created by another provider, between two events: the old strategy's
     * snapshot is offered to the new one; a new strategy that declines it (or gets none) is started fresh. Working
     * orders, timers, the position and the order-id sequence belong to this runner and stay.
     */
    InstanceSwap swap(StrategyProvider provider, long barsBefore) {
        if (!active()) {
            strategy = null; // a stopped instance must not keep the old version's classes alive
            return new InstanceSwap(instanceId, InstanceSwap.Outcome.NOT_APPLIED, -1,
                    "instance " + instanceId + " is stopped");
        }
        StateSnapshot snapshot = null;
        try {
            snapshot = strategy.snapshot();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            session.reportFault(providerId, instanceId, "snapshot", e, "STARTED_FRESH");
        }
        Strategy next;
        try {
            next = provider.create(this);
            if (next == null) {
                throw new IllegalStateException("strategy provider '" + providerId + "' returned null");
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            fail("create", e);
            return new InstanceSwap(instanceId, InstanceSwap.Outcome.FAILED, barsBefore, PluginFault.describe(e));
        }
        strategy = next;
        if (snapshot != null) {
            try {
                if (next.restore(snapshot)) {
                    return new InstanceSwap(instanceId, InstanceSwap.Outcome.RESTORED, barsBefore, null);
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                fail("restore", e);
                return new InstanceSwap(instanceId, InstanceSwap.Outcome.FAILED, barsBefore,
                        PluginFault.describe(e));
            }
        }
        start();
        return stopped
                ? new InstanceSwap(instanceId, InstanceSwap.Outcome.FAILED, barsBefore, "onStart failed")
                : new InstanceSwap(instanceId, InstanceSwap.Outcome.STARTED_FRESH, barsBefore, null);
    }

    void stop() {
        if (active()) {
            watch.enter();
            try {
                strategy.onStop();
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                fail("onStop", e);
            }
            long overBudgetNanos = watch.exit();
            if (overBudgetNanos > 0) {
                suspend("onStop", overBudgetNanos);
            }
        }
    }

    boolean isStopped() {
        return stopped;
    }

    String providerId() {
        return providerId;
    }

    private boolean active() {
        return !stopped && strategy != null;
    }

    /**
     * The fault policy: stop this instance, report, cancel its working orders (nothing manages them any more), and
     * let every other instance carry on. Its position stays and is closed at the end of the data like any other.
     */
    /**
     * The time-budget policy: a callback that ran over the session's budget suspends this instance (no further
     * callbacks, working orders canceled, position kept), reported as a fault with action {@code SUSPENDED_INSTANCE}.
     */
    private void suspend(String callback, long ranNanos) {
        if (stopped) {
            return; // it also threw: already stopped and reported
        }
        stopped = true;
        strategy = null;
        session.reportFault(providerId, instanceId, callback, new CallbackOverBudgetException(callback + " ran "
                + ranNanos / 1_000_000 + " ms, over the " + watch.budgetMillis() + " ms budget"),
                "SUSPENDED_INSTANCE");
        session.cancelAllOf(this);
    }

    /** Why an instance was suspended. */
    static final class CallbackOverBudgetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallbackOverBudgetException(String message) {
            super(message, null, false, false);
        }
    }

    private void fail(String callback, Throwable e) {
        stopped = true;
        strategy = null; // nothing calls it any more; do not keep its plugin's classes alive
        session.reportFault(providerId, instanceId, callback, e, "STOPPED_INSTANCE");
        session.cancelAllOf(this);
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public String ownerId() {
        return instanceId;
    }

    @Override
    public String strategyId() {
        return instanceId;
    }

    @Override
    public InstantSource clock() {
        return session.clock();
    }

    @Override
    public Instrument instrument() {
        return session.instrument();
    }

    @Override
    public BarHistory history() {
        return session.history();
    }

    @Override
    public PortfolioView portfolio() {
        return session.portfolio();
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public void emit(Signal signal) {
        if (!signal.instrument().equals(session.instrument().id())) {
            throw new IllegalArgumentException("instance " + instanceId + " trades " + session.instrument().id()
                    + ", not " + signal.instrument());
        }
        session.onSignal(this, signal);
    }

    @Override
    public void submit(Order order) {
        if (!order.instrument().equals(session.instrument().id())) {
            throw new IllegalArgumentException("instance " + instanceId + " trades " + session.instrument().id()
                    + ", not " + order.instrument());
        }
        session.submitDirect(this, order);
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        session.cancel(this, clientOrderId);
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return new ClientOrderId(instanceId + "-" + (++orderSequence));
    }

    @Override
    public void scheduleTimer(String name, long timeMillis) {
        session.scheduleTimer(this, name, timeMillis);
    }
}
