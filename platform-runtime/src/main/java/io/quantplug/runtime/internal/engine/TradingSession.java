package io.quantplug.runtime.internal.engine;

import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.FeeModel;
import io.quantplug.runtime.internal.venue.SimulatedVenue;
import io.quantplug.runtime.internal.venue.SlippageModel;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.InstanceSwap;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * One trading session on one instrument: the event loop that feeds bars to the venue, the portfolio and the
 * strategies, in time order, on a single thread that owns all of their state.
 *
 * <p>For each bar, in this order: timers due by the bar's open fire; the venue matches working orders against the
 * bar (fills are booked at the bar's open time); timers due before the bar's close fire; the clock moves to the
 * close; the portfolio is marked at the close; enhancers, risk rules and then strategies see the bar; equity is
 * recorded at the close. Orders decided at a close therefore fill on a later bar. Order events caused while a
 * plugin callback runs are queued and delivered right after it returns, never re-entrantly.
 *
 * <p>Longer than most classes on purpose: it is the one place where the order of a bar's steps is written, and the
 * per-bar path is kept in few, small methods the JIT can inline; the venue, portfolio, risk gate, signal pipeline,
 * round-trip tracker, swap hand-over ({@link SwapQueue}) and callback watchdog it drives are classes of their own.
 * What remains beyond the event loop is the session's public face: the documented hot-swap entry points and the
 * read-outs of the result.
 *
 * <p>Not thread-safe: construct, feed and finish it from one thread (the engine thread); only {@link #requestSwap},
 * {@link #requestRiskRuleSwap} and {@link #requestEnhancementSwap} may be called from others.
 */
public final class TradingSession implements SimulatedVenue.Listener {

    private static final String ENGINE = "engine";

    /** How long one strategy callback may run by default before its instance is suspended: 10 seconds. */
    public static final Duration DEFAULT_CALLBACK_BUDGET = Duration.ofSeconds(10);

    /** Who owns an order and why it was sent: the tag the venue hands back with the order's events. */
    private record OrderEntry(StrategyRunner owner, OrderOrigin origin) {
    }

    /** One tag per runner and origin, made once: orders share them. */
    private final Map<StrategyRunner, OrderEntry[]> entries = new java.util.IdentityHashMap<>();

    private OrderEntry entryOf(StrategyRunner runner, OrderOrigin origin) {
        OrderEntry[] byOrigin = entries.computeIfAbsent(runner, r -> new OrderEntry[OrderOrigin.values().length]);
        OrderEntry e = byOrigin[origin.ordinal()];
        if (e == null) {
            e = new OrderEntry(runner, origin);
            byOrigin[origin.ordinal()] = e;
        }
        return e;
    }

    private record Delivery(StrategyRunner runner, OrderEvent event) {
    }

    private record ScheduledTimer(long timeMillis, long sequence, StrategyRunner runner, String name) {
    }

    private final Instrument instrument;
    private final SimulatedClock clock;
    private final Portfolio portfolio;
    private final SimulatedVenue venue;
    private final FeeModel fees;
    private final BarWindow history;
    private final RiskGate riskGate;
    private final SignalPipeline pipeline;
    private final SessionListener listener;
    private final CallbackWatchdog.Watch watch;
    private final List<StrategyRunner> runners = new ArrayList<>();
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private final PriorityQueue<ScheduledTimer> timers = new PriorityQueue<>(
            (a, b) -> a.timeMillis != b.timeMillis ? Long.compare(a.timeMillis, b.timeMillis)
                    : Long.compare(a.sequence, b.sequence));
    private final RoundTripTracker trips = new RoundTripTracker();
    private long timerSequence;
    private long liquidationSequence;
    private long[] equityTimes;
    private double[] equityValues;
    private int equitySize;
    private long barsInMarket;
    private long bars;
    private boolean started;
    private boolean finished;
    /** Swaps asked for by other threads, applied by the engine thread before its next event. */
    private final SwapQueue swaps = new SwapQueue();

    /**
     * Creates a session.
     *
     * @param instrument      the instrument traded
     * @param initialCapital  starting cash in the instrument's quote asset
     * @param fees            fee model
     * @param slippage        slippage model
     * @param enhancers       signal enhancers, applied in order
     * @param sizer           position sizer, or null to invest all available cash
     * @param riskRules       risk rules, checked in order
     * @param listener        observer of signals, orders, events and faults
     * @param startMillis     the session's start time (normally the first bar's open), UTC epoch milliseconds
     * @param historyCapacity how many bars the strategies' history window keeps
     * @param expectedBars    a hint for sizing the equity arrays, or 0
     */
    public TradingSession(Instrument instrument, BigDecimal initialCapital, FeeModel fees, SlippageModel slippage,
                          List<Bound<SignalEnhancer>> enhancers, Bound<PositionSizer> sizer,
                          List<Bound<RiskRule>> riskRules, SessionListener listener, long startMillis,
                          int historyCapacity, int expectedBars) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.clock = new SimulatedClock(startMillis);
        this.portfolio = new Portfolio(instrument.quoteAsset(), initialCapital);
        this.fees = fees;
        this.venue = new SimulatedVenue(Map.of(instrument.id(), instrument), fees, slippage, portfolio, this);
        this.history = new BarWindow(historyCapacity);
        this.riskGate = new RiskGate(riskRules, this);
        this.pipeline = new SignalPipeline(enhancers, sizer, this);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.watch = new CallbackWatchdog.Watch(instrument.id().toString(), DEFAULT_CALLBACK_BUDGET);
        int capacity = Math.max(16, expectedBars + 1);
        this.equityTimes = new long[capacity];
        this.equityValues = new double[capacity];
        recordEquity(startMillis, initialCapital.doubleValue());
    }

    /**
     * Adds a strategy instance, created through its provider with this session as its context.
     *
     * @param instanceId unique instance id, e.g. {@code sma-crossover-1}
     * @param providerId the provider's id
     * @param provider   the provider
     * @param parameters validated parameters
     * @throws IllegalStateException    after {@link #start()}
     * @throws IllegalArgumentException when the instance id is taken
     * @throws RuntimeException         whatever the provider's {@code create} throws
     */
    public void addStrategy(String instanceId, String providerId, StrategyProvider provider, Parameters parameters) {
        if (started) {
            throw new IllegalStateException("cannot add strategies to a started session");
        }
        for (StrategyRunner r : runners) {
            if (r.instanceId().equals(instanceId)) {
                throw new IllegalArgumentException("strategy instance id '" + instanceId + "' is taken");
            }
        }
        StrategyRunner runner = new StrategyRunner(instanceId, providerId, parameters, this, watch);
        runner.create(provider);
        runners.add(runner);
    }

    /**
     * Sets how long one strategy callback may run before its instance is suspended (reported as a fault with action
     * {@code SUSPENDED_INSTANCE}, its working orders canceled, its position kept). Default
     * {@link #DEFAULT_CALLBACK_BUDGET}. Measured by a watchdog thread to within 25 ms, at no clock cost to the
     * engine thread.
     *
     * @param budget at least 100 ms
     * @throws IllegalArgumentException when shorter than 100 ms
     * @throws IllegalStateException    after {@link #start()}
     */
    public void callbackBudget(Duration budget) {
        if (started) {
            throw new IllegalStateException("set the callback budget before the session starts");
        }
        if (budget.compareTo(CallbackWatchdog.MIN_BUDGET) < 0) {
            throw new IllegalArgumentException("callback budget must be at least "
                    + CallbackWatchdog.MIN_BUDGET.toMillis() + " ms, got " + budget.toMillis() + " ms");
        }
        watch.budget(budget);
    }

    /** Calls every strategy's {@code onStart}. */
    public void start() {
        started = true;
        CallbackWatchdog.register(watch);
        for (StrategyRunner r : runners) {
            r.start();
            drain();
        }
    }

    /**
     * Processes one completed bar.
     *
     * @param bar the next bar of the session's instrument, opening no earlier than the previous bar's close
     * @throws IllegalArgumentException when the bar is for another instrument
     * @throws IllegalStateException    when the bar is out of time order or the session is finished
     */
    public void onBar(Bar bar) {
        if (finished || bar.instrument() != instrument.id()) {
            refuseUnlessAcceptable(bar);
        }
        if (swaps.pending()) {
            swaps.applyAll();
        }
        long open = bar.openTimeMillis();
        long close = bar.closeTimeMillis();
        fireTimers(open);
        clock.advanceTo(open);
        venue.onBar(bar);
        drain();
        fireTimers(close - 1);
        clock.advanceTo(close);
        portfolio.mark(instrument.id(), bar.close());
        history.add(bar);
        pipeline.onBar(bar);
        riskGate.onBar(bar);
        for (int i = 0, n = runners.size(); i < n; i++) {
            runners.get(i).bar(bar);
            drain();
        }
        bars++;
        if (portfolio.hasOpenPosition()) {
            barsInMarket++;
        }
        recordEquity(close, portfolio.equityEstimate());
    }

    /**
     * Asks for a strategy instance to be swapped to another provider (normally the same strategy id from a new
     * version of its plugin). The engine thread applies the swap between two events, before the next bar: the old
     * instance has seen every bar before it and the new one sees every bar after it, none lost and none twice. See
     * {@link #swapStrategy} for what is carried over.
     *
     * <p>Thread-safe: call from any thread. A request made after {@link #finish()} completes at once with
     * {@link InstanceSwap.Outcome#NOT_APPLIED}; one made while no event arrives waits for the next.
     *
     * @param instanceId the instance
     * @param provider   the provider to create the new instance with
     * @return completes on the engine thread with what happened
     */
    public CompletableFuture<InstanceSwap> requestSwap(String instanceId, StrategyProvider provider) {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(provider, "provider");
        return swaps.submit(() -> swapStrategy(instanceId, provider), notApplied(instanceId));
    }

    /**
     * Asks for every risk rule of an id to be swapped to a new provider's rule, created with the same parameters. The
     * engine thread makes the swap between two events; the old rule checks every order until its successor is ready,
     * so no order passes unchecked. The old rule's {@code snapshot()} is offered to the new one's {@code restore}. A
     * successor that cannot be created or restored is replaced by a rule that rejects every order (fail closed).
     * Thread-safe, like {@link #requestSwap}.
     *
     * @param ruleId   the risk rule's provider id
     * @param provider the provider of its successor
     * @return completes on the engine thread with one swap per rule of that id (none when there is none)
     */
    public CompletableFuture<List<InstanceSwap>> requestRiskRuleSwap(String ruleId, RiskRuleProvider provider) {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(provider, "provider");
        return swaps.submit(() -> riskGate.swap(ruleId, provider, bars), List.of(notApplied(ruleId)));
    }

    /**
     * Asks for every signal enhancer and the position sizer of an id to be swapped to a new provider's instance, as
     * {@link #requestRiskRuleSwap} does for risk rules. A successor that cannot be created or restored is replaced by
     * one that lets only exits through (an enhancer) or sizes every entry to zero (a sizer).
     *
     * @param enhancementId the enhancement's provider id
     * @param provider      the provider of its successor
     * @return completes on the engine thread with one swap per instance of that id (none when there is none)
     */
    public CompletableFuture<List<InstanceSwap>> requestEnhancementSwap(String enhancementId,
                                                                       EnhancementProvider provider) {
        Objects.requireNonNull(enhancementId, "enhancementId");
        Objects.requireNonNull(provider, "provider");
        return swaps.submit(() -> pipeline.swap(enhancementId, provider, bars), List.of(notApplied(enhancementId)));
    }

    private static InstanceSwap notApplied(String id) {
        return new InstanceSwap(id, InstanceSwap.Outcome.NOT_APPLIED, -1, "the session has finished");
    }

    /**
     * The ids of the session's risk rules, in order.
     *
     * @return the ids
     */
    public List<String> riskRuleIds() {
        return riskGate.ids();
    }

    /**
     * The ids of the session's signal enhancers in order, then of its position sizer if any.
     *
     * @return the ids
     */
    public List<String> enhancementIds() {
        return pipeline.ids();
    }

    /**
     * Swaps a strategy instance to another provider now; engine thread only, between two events. The old instance's
     * {@code snapshot()} is offered to the new instance's {@code restore}; a new instance that gets no snapshot or
     * declines it is started fresh ({@code onStart}). The instance id, parameters, position, working orders, timers
     * and order-id sequence belong to the instance and stay; the old instance gets no {@code onStop}.
     *
     * @param instanceId the instance
     * @param provider   the provider to create the new instance with
     * @return what happened; {@link InstanceSwap.Outcome#NOT_APPLIED} for an unknown or stopped instance or a
     *         finished session
     */
    public InstanceSwap swapStrategy(String instanceId, StrategyProvider provider) {
        StrategyRunner runner = runnerById(instanceId);
        if (runner == null || finished) {
            return new InstanceSwap(instanceId, InstanceSwap.Outcome.NOT_APPLIED, -1,
                    runner == null ? "no strategy instance '" + instanceId + "'" : "the session has finished");
        }
        InstanceSwap swap = runner.swap(provider, bars);
        drain();
        return swap;
    }

    /**
     * The strategy instances and the provider id each was created with.
     *
     * @return instance id to provider id, in the order added
     */
    public Map<String, String> strategyInstances() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (StrategyRunner r : runners) {
            out.put(r.instanceId(), r.providerId());
        }
        return out;
    }

    /** The cold checks of {@link #onBar}, out of line so the per-bar path stays small enough to inline. */
    private void refuseUnlessAcceptable(Bar bar) {
        if (finished) {
            throw new IllegalStateException("session is finished");
        }
        if (!bar.instrument().equals(instrument.id())) {
            throw new IllegalArgumentException("session trades " + instrument.id() + ", got a bar of "
                    + bar.instrument());
        }
    }

    /**
     * Ends the session: cancels working orders, closes any open position at the last price with exit reason
     * {@code END_OF_DATA} (fee charged, no slippage), and calls every strategy's {@code onStop}.
     */
    public void finish() {
        if (finished) {
            return;
        }
        long now = clock.millis();
        for (SimulatedVenue.Canceled c : venue.cancelAll(now)) {
            OrderEntry entry = (OrderEntry) c.owner();
            listener.onOrderEvent(entry.owner.instanceId(), c.event());
            deliveries.add(new Delivery(entry.owner, c.event()));
        }
        drain();
        liquidate(now);
        drain();
        if (swaps.pending()) {
            swaps.applyAll(); // asked for before the end: the new instances get onStop
        }
        for (StrategyRunner r : runners) {
            r.stop();
        }
        finished = true;
        CallbackWatchdog.unregister(watch);
        swaps.close();
    }

    private void liquidate(long now) {
        BigDecimal qty = portfolio.position(instrument.id()).quantity();
        double last = portfolio.lastPrice(instrument.id());
        if (qty.signum() == 0 || Double.isNaN(last)) {
            return;
        }
        String owner = trips.openedBy(instrument.id());
        StrategyRunner runner = runnerById(owner);
        Side side = qty.signum() > 0 ? Side.SELL : Side.BUY;
        ClientOrderId id = new ClientOrderId("end-of-data-" + (++liquidationSequence));
        Order order = new MarketOrder(id, instrument.id(), side, OrderSize.base(qty.abs()));
        BigDecimal price = instrument.toTickPrice(last);
        BigDecimal notional = price.multiply(qty.abs());
        Fill fill = new Fill(id, instrument.id(), side, price, qty.abs(), fees.fee(notional, Liquidity.TAKER),
                instrument.quoteAsset(), Liquidity.TAKER, now);
        String ownerId = runner != null ? runner.instanceId() : ENGINE;
        listener.onOrderSubmitted(now, ownerId, order);
        OrderFilled filled = new OrderFilled(fill, BigDecimal.ZERO);
        book(fill, ownerId, ExitReason.END_OF_DATA);
        listener.onOrderEvent(ownerId, filled);
        if (runner != null) {
            deliveries.add(new Delivery(runner, filled));
        }
        equityValues[equitySize - 1] = portfolio.equityEstimate();
    }

    private StrategyRunner runnerById(String instanceId) {
        for (StrategyRunner r : runners) {
            if (r.instanceId().equals(instanceId)) {
                return r;
            }
        }
        return null;
    }

    // ---- called by strategy runners (engine thread) ----

    void onSignal(StrategyRunner runner, Signal signal) {
        SignalPipeline.Plan plan = pipeline.plan(runner, signal);
        listener.onSignal(clock.millis(), runner.instanceId(), signal, plan.outcome());
        for (SignalPipeline.Planned p : plan.orders()) {
            send(runner, p.order(), OrderOrigin.SIGNAL, p.engineRejection());
        }
    }

    void submitDirect(StrategyRunner runner, Order order) {
        if (venue.ownerOf(order.clientOrderId()) != null) {
            throw new IllegalArgumentException("client order id " + order.clientOrderId()
                    + " belongs to a working order");
        }
        send(runner, order, OrderOrigin.DIRECT, null);
    }

    void cancel(StrategyRunner runner, ClientOrderId id) {
        Object owner = venue.ownerOf(id);
        if (!(owner instanceof OrderEntry entry) || entry.owner != runner) {
            return;
        }
        OrderCanceled canceled = venue.cancel(id, clock.millis());
        if (canceled != null) {
            listener.onOrderEvent(runner.instanceId(), canceled);
            deliveries.add(new Delivery(runner, canceled));
        }
    }

    void cancelAllOf(StrategyRunner runner) {
        for (ClientOrderId id : venue.workingIds()) {
            cancel(runner, id);
        }
    }

    void scheduleTimer(StrategyRunner runner, String name, long timeMillis) {
        timers.add(new ScheduledTimer(timeMillis, ++timerSequence, runner, name));
    }

    void reportFault(String extensionId, String instanceId, String callback, Throwable error, String action) {
        listener.onFault(new PluginFault(clock.millis(), extensionId, instanceId, callback,
                PluginFault.describe(error), action));
    }

    private void send(StrategyRunner runner, Order order, OrderOrigin origin, RejectReason engineRejection) {
        long now = clock.millis();
        OrderEvent event;
        if (engineRejection != null) {
            event = new OrderRejected(order.clientOrderId(), order.instrument(), now, engineRejection);
        } else {
            RiskGate.Outcome checked = riskGate.check(order, runner.instanceId());
            if (checked.rejection() != null) {
                event = new OrderRejected(order.clientOrderId(), order.instrument(), now, checked.rejection());
            } else {
                listener.onOrderSubmitted(now, runner.instanceId(), checked.order());
                event = venue.submit(checked.order(), portfolio.lastPrice(order.instrument()), now,
                        entryOf(runner, origin));
            }
        }
        listener.onOrderEvent(runner.instanceId(), event);
        deliveries.add(new Delivery(runner, event));
    }

    @Override
    public void onVenueEvent(OrderEvent event, Order order, Object tag) {
        OrderEntry entry = (OrderEntry) tag;
        String owner = entry.owner.instanceId();
        if (event instanceof OrderFilled filled) {
            book(filled.fill(), owner, exitReason(entry.origin, order));
        }
        listener.onOrderEvent(owner, event);
        deliveries.add(new Delivery(entry.owner, event));
    }

    private void book(Fill fill, String owner, ExitReason exitReason) {
        BigDecimal realized = portfolio.apply(fill);
        PositionView position = portfolio.position(fill.instrument());
        trips.onFill(fill, position.quantity(), realized, owner, exitReason);
        riskGate.onFill(fill);
        listener.onPositionChanged(new PositionChange(owner, fill.timeMillis(), fill.instrument(), position.quantity(),
                portfolio.costBasis(fill.instrument()), position.realizedPnl()));
    }

    private static ExitReason exitReason(OrderOrigin origin, Order order) {
        return switch (origin) {
            case SIGNAL -> ExitReason.SIGNAL;
            case END_OF_DATA -> ExitReason.END_OF_DATA;
            case DIRECT -> order instanceof LimitOrder ? ExitReason.LIMIT
                    : order instanceof StopOrder ? ExitReason.STOP : ExitReason.MARKET;
        };
    }

    private void drain() {
        if (deliveries.isEmpty()) {
            return;
        }
        Delivery d;
        while ((d = deliveries.poll()) != null) {
            if (d.runner != null) {
                d.runner.orderEvent(d.event);
            }
        }
    }

    private void fireTimers(long upToMillis) {
        while (!timers.isEmpty() && timers.peek().timeMillis <= upToMillis) {
            ScheduledTimer t = timers.poll();
            clock.advanceTo(Math.max(clock.millis(), t.timeMillis));
            t.runner.timer(new TimerEvent(t.name, t.timeMillis));
            drain();
        }
    }

    private void recordEquity(long timeMillis, double equity) {
        if (equitySize == equityTimes.length) {
            growEquity();
        }
        equityTimes[equitySize] = timeMillis;
        equityValues[equitySize] = equity;
        equitySize++;
    }

    private void growEquity() {
        equityTimes = Arrays.copyOf(equityTimes, equitySize * 2);
        equityValues = Arrays.copyOf(equityValues, equitySize * 2);
    }

    // ---- read access for contexts and results ----

    InstantSource clock() {
        return clock;
    }

    /**
     * The instrument traded.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return instrument;
    }

    BarHistory history() {
        return history;
    }

    PortfolioView portfolio() {
        return portfolio;
    }

    Portfolio portfolioLedger() {
        return portfolio;
    }

    SimulatedVenue venue() {
        return venue;
    }

    int workingOrderCount() {
        return venue.workingCount();
    }

    /**
     * The account.
     *
     * @return the portfolio view
     */
    public PortfolioView account() {
        return portfolio;
    }

    /**
     * Round trips closed so far.
     *
     * @return the trips, oldest first
     */
    public List<RoundTrip> trades() {
        return trips.closed();
    }

    /**
     * The equity curve so far: the start point and one point per bar close.
     *
     * @return a snapshot of the curve
     */
    public EquityCurve equity() {
        // A finished session never records again: hand its arrays over instead of copying them.
        return finished ? EquityCurve.adopt(equityTimes, equityValues, equitySize)
                : EquityCurve.copyOf(equityTimes, equityValues, equitySize);
    }

    /**
     * Bars that closed with a position open.
     *
     * @return the count
     */
    public long barsInMarket() {
        return barsInMarket;
    }

    /**
     * Bars processed.
     *
     * @return the count
     */
    public long barCount() {
        return bars;
    }

    /**
     * Whether any strategy instance was stopped by the fault policy.
     *
     * @return true when at least one is stopped
     */
    public boolean anyStrategyStopped() {
        for (StrategyRunner r : runners) {
            if (r.isStopped()) {
                return true;
            }
        }
        return false;
    }
}
