package io.quantplug.runtime.internal.engine;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Funding;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.ExecutionReport;
import io.quantplug.api.strategy.MarketObservation;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.runtime.session.FaultAction;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.InstanceSwap;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

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
    private final EngineView view;
    private final StrategyActions actions;
    private final CallbackWatchdog.Watch watch;
    private final CallbackGuard guard;
    private final System.Logger logger;
    private Strategy strategy;
    private boolean stopped;
    private long orderSequence;
    /** A multi-instrument instance's sessions by instrument, in subscription order; empty for one instrument. */
    private Map<InstrumentId, Leg> legs = Map.of();
    private boolean started;
    private boolean stopCalled;

    /**
     * One session of a multi-instrument instance: the view and actions of the instrument it trades there.
     *
     * @param view    that session's view (instrument, clock, history)
     * @param actions that session's actions (pipeline, router, timers)
     * @param margin  that session's perpetual margin (its funding), or null for a spot instrument
     */
    record Leg(EngineView view, StrategyActions actions, PerpetualMargin margin) {
    }

    /** This instance's own session's perpetual margin, or null. */
    private PerpetualMargin margin;

    /** Lets this instance read its own session's funding ({@link #lastFunding}); null for spot. */
    void fundingFrom(PerpetualMargin sessionMargin) {
        this.margin = sessionMargin;
    }

    StrategyRunner(String instanceId, String providerId, Parameters parameters, EngineView view,
                   StrategyActions actions, CallbackGuard guard, CallbackWatchdog.Watch watch) {
        this.instanceId = instanceId;
        this.providerId = providerId;
        this.parameters = parameters;
        this.view = view;
        this.actions = actions;
        this.watch = watch;
        this.guard = guard;
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

    /**
     * Makes this instance see several sessions, one per instrument, the first its own: what it emits, submits,
     * cancels and reports goes to the session of the instrument concerned. Call before {@link #create}.
     */
    void link(List<Leg> sessions) {
        Map<InstrumentId, Leg> byInstrument = new LinkedHashMap<>();
        for (Leg leg : sessions) {
            byInstrument.put(leg.view().instrument().id(), leg);
        }
        this.legs = byInstrument;
    }

    /** Whether this instance trades several instruments (and sits in several sessions). */
    boolean linked() {
        return !legs.isEmpty();
    }

    void start() {
        if (!started) { // a multi-instrument instance is started by its first session only
            started = true;
            callback("onStart", StrategyRunner::onStart, null);
        }
    }

    void bar(Bar bar) {
        callback("onBar", Strategy::onBar, bar);
    }

    void trade(TradeTick trade) {
        callback("onTrade", Strategy::onTrade, trade);
    }

    void observation(String publisher, MarketObservation observation) {
        callback("onObservation", (strategy, o) -> strategy.onObservation(publisher, o), observation);
    }

    void book(OrderBookView book) {
        callback("onOrderBook", StrategyRunner::onOrderBook, book);
    }

    private static void onOrderBook(Strategy strategy, OrderBookView book) {
        strategy.onOrderBook(book);
    }

    @Override
    public void orderEvent(OrderEvent event) {
        callback("onOrderEvent", Strategy::onOrderEvent, event);
    }

    void timer(TimerEvent timer) {
        callback("onTimer", Strategy::onTimer, timer);
    }

    private static void onStart(Strategy strategy, Object unused) {
        strategy.onStart();
    }

    private static void onStop(Strategy strategy, Object unused) {
        strategy.onStop();
    }

    /**
     * One callback of an active instance under the fault policy and the time budget: a callback that throws stops
     * the instance, one that runs over the budget suspends it once it has returned.
     */
    private <A> void callback(String name, BiConsumer<Strategy, A> call, A argument) {
        if (active()) {
            watch.enter();
            if (!guard.run(providerId, instanceId, name, FaultAction.STOPPED_INSTANCE, call, strategy, argument)) {
                stopAfterFault();
            }
            long overBudgetNanos = watch.exit();
            if (overBudgetNanos > 0) {
                suspend(name, overBudgetNanos);
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
        StateSnapshot snapshot = guard.call(providerId, instanceId, "snapshot", FaultAction.STARTED_FRESH,
                (s, unused) -> s.snapshot(), strategy, null, null);
        Strategy next = guard.call(providerId, instanceId, "create", FaultAction.STOPPED_INSTANCE, this::created,
                provider, null, null);
        if (guard.failed()) {
            stopAfterFault();
            return new InstanceSwap(instanceId, InstanceSwap.Outcome.FAILED, barsBefore,
                    PluginFault.describe(guard.lastFault()));
        }
        strategy = next;
        if (snapshot != null) {
            boolean restored = guard.call(providerId, instanceId, "restore", FaultAction.STOPPED_INSTANCE,
                    Strategy::restore, next, snapshot, false);
            if (guard.failed()) {
                stopAfterFault();
                return new InstanceSwap(instanceId, InstanceSwap.Outcome.FAILED, barsBefore,
                        PluginFault.describe(guard.lastFault()));
            }
            if (restored) {
                return new InstanceSwap(instanceId, InstanceSwap.Outcome.RESTORED, barsBefore, null);
            }
        }
        callback("onStart", StrategyRunner::onStart, null);
        return stopped
                ? new InstanceSwap(instanceId, InstanceSwap.Outcome.FAILED, barsBefore, "onStart failed")
                : new InstanceSwap(instanceId, InstanceSwap.Outcome.STARTED_FRESH, barsBefore, null);
    }

    void stop() {
        if (!stopCalled) {
            stopCalled = true;
            callback("onStop", StrategyRunner::onStop, null);
        }
    }

    /** The strategy a provider creates with this runner as its context; a provider that returns null fails. */
    private Strategy created(StrategyProvider provider, Object unused) {
        Strategy next = provider.create(this);
        if (next == null) {
            throw new IllegalStateException("strategy provider '" + providerId + "' returned null");
        }
        return next;
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
     * The time-budget policy: a callback that ran over the session's budget suspends this instance (no further
     * callbacks, working orders canceled, position kept), reported as a fault with action {@code SUSPENDED_INSTANCE}.
     */
    private void suspend(String callback, long ranNanos) {
        if (stopped) {
            return; // it also threw: already stopped and reported
        }
        stopped = true;
        strategy = null;
        guard.report(providerId, instanceId, callback, new CallbackOverBudgetException(callback + " ran "
                + ranNanos / 1_000_000 + " ms, over the " + watch.budgetMillis() + " ms budget"),
                FaultAction.SUSPENDED_INSTANCE);
        cancelEverywhere();
    }

    /** Why an instance was suspended. */
    static final class CallbackOverBudgetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallbackOverBudgetException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The fault policy, once the guard has reported the fault: stop this instance, cancel its working orders
     * (nothing manages them any more), and let every other instance carry on. Its position stays and is closed at
     * the end of the data like any other.
     */
    private void stopAfterFault() {
        stopped = true;
        strategy = null; // nothing calls it any more; do not keep its plugin's classes alive
        cancelEverywhere();
    }

    private void cancelEverywhere() {
        if (legs.isEmpty()) {
            actions.cancelAllOf(this);
        } else {
            legs.values().forEach(l -> l.actions().cancelAllOf(this));
        }
    }

    /** The session of an instrument this instance trades, or an error naming what it trades. */
    private StrategyActions actionsFor(InstrumentId instrument) {
        if (legs.isEmpty()) {
            if (!instrument.equals(view.instrument().id())) {
                throw new IllegalArgumentException("instance " + instanceId + " trades " + view.instrument().id()
                        + ", not " + instrument);
            }
            return actions;
        }
        Leg leg = legs.get(instrument);
        if (leg == null) {
            throw new IllegalArgumentException("instance " + instanceId + " trades " + legs.keySet() + ", not "
                    + instrument);
        }
        return leg.actions();
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
        return legs.isEmpty() ? view.clock() : this::latestMillis;
    }

    /** A multi-instrument instance's time: the latest of its sessions' clocks. */
    private Instant latestMillis() {
        long t = Long.MIN_VALUE;
        for (Leg leg : legs.values()) {
            t = Math.max(t, leg.view().clock().millis());
        }
        return Instant.ofEpochMilli(t);
    }

    @Override
    public Optional<Funding> lastFunding(InstrumentId instrument) {
        PerpetualMargin m;
        if (legs.isEmpty()) {
            if (!instrument.equals(view.instrument().id())) {
                throw new IllegalArgumentException("instance " + instanceId + " trades " + view.instrument().id()
                        + ", not " + instrument);
            }
            m = margin;
        } else {
            Leg leg = legs.get(instrument);
            if (leg == null) {
                throw new IllegalArgumentException("instance " + instanceId + " subscribes to " + legs.keySet()
                        + ", not " + instrument);
            }
            m = leg.margin();
        }
        return m == null ? Optional.empty() : m.lastFunding(clock().millis());
    }

    @Override
    public List<Instrument> instruments() {
        if (legs.isEmpty()) {
            return List.of(view.instrument());
        }
        List<Instrument> out = new ArrayList<>(legs.size());
        legs.values().forEach(l -> out.add(l.view().instrument()));
        return out;
    }

    @Override
    public BarHistory history(InstrumentId instrument) {
        if (legs.isEmpty()) {
            return StrategyContext.super.history(instrument);
        }
        Leg leg = legs.get(instrument);
        if (leg == null) {
            throw new IllegalArgumentException("instance " + instanceId + " subscribes to " + legs.keySet()
                    + ", not " + instrument);
        }
        return leg.view().history();
    }

    @Override
    public Instrument instrument() {
        return view.instrument();
    }

    @Override
    public BarHistory history() {
        return view.history();
    }

    @Override
    public PortfolioView portfolio() {
        return view.portfolio();
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
        actionsFor(signal.instrument()).emit(this, signal);
    }

    @Override
    public void publish(MarketObservation observation) {
        actionsFor(observation.instrument()).publish(this, observation);
    }

    @Override
    public void reportExecution(ExecutionReport report) {
        actionsFor(report.instrument()).reportExecution(this, report);
    }

    @Override
    public void submit(Order order) {
        actionsFor(order.instrument()).submit(this, order);
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        for (Leg leg : legs.values()) {
            if (leg.actions().isWorking(clientOrderId)) {
                leg.actions().cancel(this, clientOrderId);
                return;
            }
        }
        actions.cancel(this, clientOrderId);
    }

    @Override
    public List<Order> workingOrders(InstrumentId instrument) {
        return actionsFor(instrument).workingOf(this);
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return view.orderIds().of(instanceId + "-" + (++orderSequence));
    }

    @Override
    public void scheduleTimer(String name, long timeMillis) {
        actions.scheduleTimer(this, name, timeMillis);
    }
}
