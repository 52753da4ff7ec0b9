package io.quantplug.runtime.internal.engine;

import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Order;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.FeeModel;
import io.quantplug.runtime.internal.venue.SlippageModel;
import io.quantplug.runtime.internal.venue.Venue;
import io.quantplug.runtime.margin.Liquidation;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.InstanceSwap;
import io.quantplug.runtime.session.SessionListener;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One trading session on one instrument: the event loop that feeds bars to the venue, the portfolio and the
 * strategies, in time order, on a single thread that owns all of their state.
 *
 * <p>For each bar, in this order: timers due by the bar's open fire; the venue matches working orders against the
 * bar (fills are booked at the bar's open time); timers due before the bar's close fire; the clock moves to the
 * close; the portfolio is marked at the close; enhancers and risk rules see the bar (a position a rule asked to close
 * is ordered closed right then, see {@link PositionCloser}); the strategies see it, and a signal group
 * ({@link #aggregate}) decides on their votes; a sizer that rebalances on drift is asked about the open position;
 * equity is recorded at the close. A perpetual traded on margin ({@link PerpetualMargin}) adds two steps: after the
 * open's fills, a position whose liquidation price the bar reached is liquidated; after the mark, funding due in the
 * bar is booked and the margin ratio checked for a margin call. Orders decided at a close therefore
 * fill on a later bar. Order events caused while a plugin callback runs are queued and delivered right after it
 * returns, never re-entrantly.
 *
 * <p>A tick session (trades and book updates from a {@link io.quantplug.runtime.session.TickSource}) gets
 * {@link #onTrade} and {@link #onOrderBook} between its bars, which are made of the trades: each tick moves the clock
 * to its time, goes to the venue first (a book venue matches on it) and then to every strategy. Its clock is
 * therefore inside a bar when the bar arrives, and the bar's steps start from there.
 *
 * <p>Positions are the account's, one per instrument, shared by every instance: each instance's
 * {@code portfolio()} is that account. A round trip is attributed to the owner of the order that opened it (an
 * instance, the signal group, never a rule), and so is the end-of-data close; a close a risk rule asks for is the
 * engine's order (owned by the rule) but its events go to the trip's owner too.
 *
 * <p>Longer than most classes on purpose: it is the one place where the order of a bar's steps is written, and the
 * per-bar path is kept in few, small methods the JIT can inline; the venue, portfolio, risk gate, signal pipeline,
 * order routing ({@link OrderRouter}), signal group, swap hand-over ({@link SwapQueue}) and callback watchdog it
 * drives are classes of their own, made and wired by {@link SessionBuilder} (the clock and the venue handed in), and
 * none of them holds the session. What remains beyond the event loop is the session's public face: the documented
 * hot-swap entry points and the read-outs of the result.
 *
 * <p>Not thread-safe: construct, feed and finish it from one thread (the engine thread); only {@link #requestSwap},
 * {@link #requestRiskRuleSwap} and {@link #requestEnhancementSwap} may be called from others.
 */
public final class TradingSession {

    /** How long one strategy callback may run by default before its instance is suspended: 10 seconds. */
    public static final Duration DEFAULT_CALLBACK_BUDGET = Duration.ofSeconds(10);

    /** How many levels a side strategies see of the book in {@code onOrderBook}: 20. */
    public static final int DEFAULT_BOOK_DEPTH = 20;

    private final Instrument instrument;
    private final SimulatedClock clock;
    private final Portfolio portfolio;
    private final Venue venue;
    private final BarWindow history;
    private final RiskGate riskGate;
    private final SignalPipeline pipeline;
    private final OrderRouter router;
    private final EngineView view;
    private final StrategyActions actions;
    private final CallbackGuard guard;
    private final CallbackWatchdog.Watch watch;
    private final StrategyInstances instances;
    /** The instances' list itself, for the per-bar loop. */
    private final List<StrategyRunner> runners;
    /** The instances trading as one under an aggregation policy, or null when each trades on its own. */
    private SignalGroup group;
    private final SessionTimers timers;
    private final SessionListener listener;
    /** Liquidation and funding of a perpetual traded on margin; null otherwise. */
    private final PerpetualMargin margin;
    private final TopOfBook topOfBook = new TopOfBook(DEFAULT_BOOK_DEPTH);
    private long[] equityTimes;
    private double[] equityValues;
    private int equitySize;
    private long barsInMarket;
    private long bars;
    private long tradeTicks;
    private long bookUpdates;
    private boolean started;
    private boolean finished;
    /** Swaps asked for by other threads, applied by the engine thread before its next event. */
    private final SwapQueue swaps = new SwapQueue();

    /**
     * Creates a session on an account of its own with a simulated venue: the same as
     * {@link SessionBuilder} with a new {@link Portfolio} of the initial capital.
     *
     * @param instrument      the instrument traded
     * @param initialCapital  starting cash in the instrument's quote asset
     * @param fees            fee model
     * @param slippage        slippage model
     * @param enhancers       signal enhancers, applied in order
     * @param sizer           position sizer, or null to invest the signal's strength times the available cash
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
        this(instrument, new Portfolio(instrument.quoteAsset(), initialCapital), fees, slippage, enhancers, sizer,
                riskRules, listener, startMillis, historyCapacity, expectedBars);
    }

    /**
     * Creates a session that trades its instrument on an account it shares with other sessions, with a simulated
     * venue of its own: the same as {@link SessionBuilder} with {@link SessionBuilder#simulatedVenue}. Several
     * sessions, one per instrument, each fed its own instrument's bars in one merged time order on one thread, book
     * their fills into the same {@link Portfolio}, so every strategy, sizer and risk rule sees the whole account's
     * cash and equity. Each session has its own venue: an entry sized on "all available cash" does not see the buys
     * working at another session's venue, and the later of two such buys is cut to the cash left, or refused with
     * {@code INSUFFICIENT_FUNDS}, when it fills. The session's own equity curve and {@link #barsInMarket()} then
     * describe the account at this session's bar closes only; a multi-instrument runner records its own.
     *
     * @param instrument      the instrument traded; its quote asset must be the portfolio's currency
     * @param portfolio       the shared account, owned by the calling (engine) thread
     * @param fees            fee model
     * @param slippage        slippage model
     * @param enhancers       signal enhancers, applied in order
     * @param sizer           position sizer, or null to invest the signal's strength times the available cash
     * @param riskRules       risk rules, checked in order
     * @param listener        observer of signals, orders, events and faults
     * @param startMillis     the session's start time (normally its first bar's open), UTC epoch milliseconds
     * @param historyCapacity how many bars the strategies' history window keeps
     * @param expectedBars    a hint for sizing the equity arrays, or 0
     * @throws IllegalArgumentException when the instrument's quote asset is not the portfolio's currency
     */
    public TradingSession(Instrument instrument, Portfolio portfolio, FeeModel fees, SlippageModel slippage,
                          List<Bound<SignalEnhancer>> enhancers, Bound<PositionSizer> sizer,
                          List<Bound<RiskRule>> riskRules, SessionListener listener, long startMillis,
                          int historyCapacity, int expectedBars) {
        this(new SessionBuilder(instrument, portfolio, new SimulatedClock(startMillis), listener)
                .simulatedVenue(fees, slippage).enhancers(enhancers).sizer(sizer).riskRules(riskRules)
                .historyCapacity(historyCapacity).expectedBars(expectedBars).parts());
    }

    /** A session of parts {@link SessionBuilder} made and wired. */
    TradingSession(SessionBuilder.SessionParts parts) {
        this.view = parts.view();
        this.instrument = view.instrument();
        this.clock = parts.clock();
        this.portfolio = view.portfolio();
        this.history = view.history();
        this.venue = parts.venue();
        this.riskGate = parts.riskGate();
        this.pipeline = parts.pipeline();
        this.router = parts.router();
        this.instances = parts.instances();
        this.runners = instances.runners();
        this.timers = parts.timers();
        this.actions = parts.actions();
        this.guard = parts.guard();
        this.watch = parts.watch();
        this.listener = parts.listener();
        this.margin = parts.margin();
        int capacity = Math.max(16, parts.expectedBars() + 1);
        this.equityTimes = new long[capacity];
        this.equityValues = new double[capacity];
        recordEquity(clock.millis(), portfolio.equityEstimate());
    }

    /**
     * Adds a strategy instance, created through its provider with this session as its context.
     *
     * @param instanceId unique instance id, e.g. {@code sma-crossover-1}
     * @param providerId the provider's id
     * @param provider   the provider
     * @param parameters validated parameters
     * @throws IllegalStateException    after {@link #start()} or {@link #aggregate}
     * @throws IllegalArgumentException when the instance id is taken (or is {@code group})
     * @throws RuntimeException         whatever the provider's {@code create} throws
     */
    public void addStrategy(String instanceId, String providerId, StrategyProvider provider, Parameters parameters) {
        if (started) {
            throw new IllegalStateException("cannot add strategies to a started session");
        }
        if (group != null) {
            throw new IllegalStateException("cannot add strategies after aggregate()");
        }
        if (instances.byId(instanceId) != null) {
            throw new IllegalArgumentException("strategy instance id '" + instanceId + "' is taken");
        }
        if (instanceId.equals(SignalGroup.ID)) {
            throw new IllegalArgumentException("strategy instance id '" + instanceId + "' is reserved for the"
                    + " signal group");
        }
        StrategyRunner runner = new StrategyRunner(instanceId, providerId, parameters, view, actions, guard, watch);
        runner.fundingFrom(margin);
        runner.create(provider);
        instances.add(runner);
    }

    /**
     * Adds a multi-instrument strategy instance: created in this session (its first instrument), and sitting in
     * each other session too, so that it gets the bars of every one of its instruments through {@code onBar} (in the
     * order the caller feeds the sessions), and what it emits, submits or cancels for an instrument goes to that
     * instrument's session: its pipeline, risk rules and venue. Its fills and order events come from the session
     * of the order. {@code onStart} and {@code onStop} are called once. The sessions must share one account.
     *
     * @param instanceId unique instance id in every session
     * @param providerId the provider's id
     * @param provider   the provider
     * @param parameters validated parameters
     * @param others     the sessions of its other instruments, in subscription order, not started
     * @throws IllegalStateException    after {@link #start()} or {@link #aggregate} of any of them
     * @throws IllegalArgumentException when the instance id is taken in any of them, or they do not share this
     *                                  session's account
     * @throws RuntimeException         whatever the provider's {@code create} throws
     */
    public void addStrategy(String instanceId, String providerId, StrategyProvider provider, Parameters parameters,
                            List<TradingSession> others) {
        List<StrategyRunner.Leg> legs = new ArrayList<>();
        legs.add(new StrategyRunner.Leg(view, actions, margin));
        for (TradingSession other : others) {
            if (other.started || other.group != null || started || group != null) {
                throw new IllegalStateException("add multi-instrument strategies before start() and aggregate()");
            }
            if (other.portfolio != portfolio) {
                throw new IllegalArgumentException("the sessions of " + instanceId + " must share one account");
            }
            if (other.instances.byId(instanceId) != null) {
                throw new IllegalArgumentException("strategy instance id '" + instanceId + "' is taken in "
                        + other.instrument.id());
            }
            legs.add(new StrategyRunner.Leg(other.view, other.actions, other.margin));
        }
        if (instances.byId(instanceId) != null) {
            throw new IllegalArgumentException("strategy instance id '" + instanceId + "' is taken");
        }
        StrategyRunner runner = new StrategyRunner(instanceId, providerId, parameters, view, actions, guard, watch);
        runner.link(legs);
        runner.fundingFrom(margin);
        runner.create(provider);
        instances.add(runner);
        others.forEach(o -> o.instances.add(runner));
    }

    /**
     * Lets this session's sizer and enhancers see every session of the account (a portfolio backtest's books), through
     * {@code EnhancementContext.instruments()} and {@code history(InstrumentId)}.
     *
     * @param sessions the account's sessions, this one among them, in the portfolio's order
     */
    public void shareAccount(List<TradingSession> sessions) {
        pipeline.shareAccount(sessions.stream().map(s -> s.view).toList());
    }

    /**
     * Makes every strategy instance added so far trade as one signal group under an aggregation policy (see
     * {@link SignalGroup} and {@link AggregationPolicy}): their signals become votes, decided once per bar after all
     * of them have seen it, and the orders are the group's (owner id {@code group}).
     *
     * @param policy    UNANIMOUS, MAJORITY or WEIGHTED
     * @param weights   one weight per instance in the order added, each &gt; 0 and finite (read under WEIGHTED
     *                  only; give 1s otherwise)
     * @param threshold WEIGHTED's agreement threshold, in (0, 1]; ignored otherwise
     * @throws IllegalStateException    after {@link #start()}, without instances, or when a group exists
     * @throws IllegalArgumentException for {@link AggregationPolicy#NONE}, a weight count other than the instance
     *                                  count, a weight that is not &gt; 0, or a threshold outside (0, 1]
     */
    public void aggregate(AggregationPolicy policy, double[] weights, double threshold) {
        Objects.requireNonNull(policy, "policy");
        if (started || runners.isEmpty() || group != null) {
            throw new IllegalStateException("aggregate once, after adding the instances and before start()");
        }
        if (policy == AggregationPolicy.NONE || weights.length != runners.size()) {
            throw new IllegalArgumentException("aggregation needs a policy other than NONE and one weight per"
                    + " instance (" + runners.size() + "), got " + policy + " with " + weights.length);
        }
        for (double w : weights) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight must be > 0 and finite, got " + w);
            }
        }
        if (policy == AggregationPolicy.WEIGHTED && !(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        group = new SignalGroup(policy, runners, weights, threshold, pipeline, router, listener, view);
        instances.group(group);
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

    /**
     * Makes the session's first bars a warm-up: the strategies see them (their indicators fill up), but their signals
     * are not traded (recorded with the outcome {@code "not traded: warm-up bar"}) and their own orders are refused
     * ({@code ENGINE}, {@code WARM_UP}). How a paper or live session starts on history before the market's bars,
     * and how a backtest does the same. Call before {@link #start()}.
     *
     * @param bars how many first bars, &ge; 0
     * @throws IllegalArgumentException when negative
     * @throws IllegalStateException    when the session has started
     */
    public void warmUp(long bars) {
        if (bars < 0) {
            throw new IllegalArgumentException("warm-up bars must be >= 0, got " + bars);
        }
        if (started) {
            throw new IllegalStateException("the warm-up is set before the session starts");
        }
        actions.warmUp(bars);
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
        if (venue.poll()) {
            drain(); // a real venue's events that came since the last bar
        }
        if (swaps.pending()) {
            swaps.applyAll();
        }
        long open = bar.openTimeMillis();
        long close = bar.closeTimeMillis();
        fireTimers(open);
        if (open > clock.millis()) { // a tick session's clock is already inside the bar
            clock.advanceTo(open);
        }
        venue.onBar(bar);
        drain();
        if (margin != null) {
            liquidateIfReached(bar);
        }
        fireTimers(close - 1);
        clock.advanceTo(close);
        portfolio.mark(instrument.id(), bar.close());
        if (margin != null) {
            margin.fund(bar);
            margin.checkMarginCall(bar);
        }
        history.add(bar);
        pipeline.onBar(bar);
        riskGate.onBar(bar);
        drain();
        for (int i = 0, n = runners.size(); i < n; i++) {
            runners.get(i).bar(bar);
            drain();
        }
        if (group != null) {
            group.decide();
            drain();
        }
        if (pipeline.rebalances() && !actions.warmingUp() && portfolio.hasOpenPosition()) {
            rebalance();
        }
        if (actions.warmingUp()) {
            actions.warmUpBarDone();
        }
        bars++;
        if (portfolio.hasOpenPosition()) {
            barsInMarket++;
        }
        recordEquity(close, portfolio.equityEstimate());
    }

    /** A sizer's rebalancing order for the open position, as the instance that opened it. */
    private void rebalance() {
        OrderOwner owner = instances.ownerById(router.openedBy(instrument.id()));
        if (owner == null) {
            return;
        }
        Order order = pipeline.rebalanceOrder(owner);
        if (order != null) {
            router.sendRebalance(owner, order, "rebalance: the sizer brings the position back to its target");
            drain();
        }
    }

    private void liquidateIfReached(Bar bar) {
        Liquidation l = margin.breach(bar);
        if (l != null) {
            listener.onLiquidation(l);
            router.closeAll(l.timeMillis(), l.fillPrice().doubleValue(), OrderOrigin.LIQUIDATION, "liquidation-",
                    "liquidation: the " + (l.position().signum() > 0 ? "long" : "short") + " reached its liquidation"
                            + " price " + l.liquidationPrice().toPlainString() + " (" + l.mode().name().toLowerCase()
                            + " margin)");
            drain();
        }
    }

    /**
     * Processes one trade of a tick session: timers due by its time fire, the clock moves to it, the venue matches
     * working orders against it, the portfolio is marked at its price, and every strategy gets {@code onTrade}.
     * Bars made of the trades come through {@link #onBar} as usual (before the first trade at or after their close).
     *
     * @param trade the trade, of the session's instrument, no earlier than the clock
     * @throws IllegalArgumentException when the trade is for another instrument
     * @throws IllegalStateException    when it is earlier than the clock or the session is finished
     */
    public void onTrade(TradeTick trade) {
        if (finished || trade.instrument() != instrument.id()) {
            refuseUnlessAcceptable(trade.instrument());
        }
        beforeTick(trade.timeMillis());
        venue.onTrade(trade);
        drain();
        portfolio.mark(instrument.id(), trade.price());
        for (int i = 0, n = runners.size(); i < n; i++) {
            runners.get(i).trade(trade);
            drain();
        }
        tradeTicks++;
    }

    /**
     * Processes one order-book update of a tick session: timers due by its time fire, the clock moves to it, the
     * venue sees the whole book, and every strategy gets {@code onOrderBook} with its top
     * {@value #DEFAULT_BOOK_DEPTH} levels a side.
     *
     * @param book the book after the update at full depth, of the session's instrument, its time no earlier than the
     *             clock; valid only during the call
     * @throws IllegalArgumentException when the book is of another instrument
     * @throws IllegalStateException    when it is earlier than the clock or the session is finished
     */
    public void onOrderBook(OrderBookView book) {
        if (finished || book.instrument() != instrument.id()) {
            refuseUnlessAcceptable(book.instrument());
        }
        beforeTick(book.timeMillis());
        venue.onBook(book);
        drain();
        OrderBookView top = topOfBook.of(book);
        for (int i = 0, n = runners.size(); i < n; i++) {
            runners.get(i).book(top);
            drain();
        }
        bookUpdates++;
    }

    /** What every tick does first: a real venue's events, pending swaps, due timers, then the clock to the tick. */
    private void beforeTick(long timeMillis) {
        if (venue.poll()) {
            drain();
        }
        if (swaps.pending()) {
            swaps.applyAll();
        }
        fireTimers(timeMillis);
        clock.advanceTo(timeMillis);
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
        StrategyRunner runner = instances.byId(instanceId);
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
        refuseUnlessAcceptable(bar.instrument());
    }

    /** The cold checks of every event: a finished session, or an event of another instrument. */
    private void refuseUnlessAcceptable(InstrumentId of) {
        if (finished) {
            throw new IllegalStateException("session is finished");
        }
        if (!of.equals(instrument.id())) {
            throw new IllegalArgumentException("session trades " + instrument.id() + ", got an event of " + of);
        }
    }

    /**
     * Ends the session: cancels working orders, closes any open position at the last price with exit reason
     * {@code END_OF_DATA} (fee charged, no slippage), and calls every strategy's {@code onStop}. Signals a group
     * collected since its last decision are dropped: an order decided now could not fill.
     */
    public void finish() {
        finish(true);
    }

    /**
     * Ends the session as {@link #finish()} does, closing the open position only when asked: a live session keeps
     * its position on the exchange unless the user asked to flatten it on stop.
     *
     * @param closePosition whether to close the open position at the last price
     */
    public void finish(boolean closePosition) {
        if (finished) {
            return;
        }
        long now = clock.millis();
        router.cancelAll(now);
        drain();
        if (closePosition && router.liquidate(now)) {
            equityValues[equitySize - 1] = portfolio.equityEstimate();
        }
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

    /**
     * Delivers the events a real venue received since the last call (fills, cancels, refusals) to the portfolio and
     * the strategies, between bars: how a live session's order events reach its strategies without waiting for the
     * next bar. Nothing happens for the simulated venue. Engine thread only; does nothing once finished.
     *
     * @return whether any event was delivered
     */
    public boolean pollVenue() {
        if (finished || !started || !venue.poll()) {
            return false;
        }
        drain();
        return true;
    }

    private void drain() {
        router.drain();
        if (actions.hasObservations()) {
            actions.deliverObservations();
        }
        venue.flush();
    }

    private void fireTimers(long upToMillis) {
        SessionTimers.Scheduled t;
        while ((t = timers.nextDue(upToMillis)) != null) {
            clock.advanceTo(Math.max(clock.millis(), t.timeMillis()));
            t.runner().timer(new TimerEvent(t.name(), t.timeMillis()));
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

    /**
     * The equity after the last bar, as the equity curve has it: cash plus positions at the last close.
     *
     * @return account currency, or NaN before the first bar
     */
    public double lastEquity() {
        return equitySize == 0 ? Double.NaN : equityValues[equitySize - 1];
    }

    // ---- read-outs of the result ----

    /**
     * The instrument traded.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return instrument;
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
        return router.trades();
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
     * Trades processed ({@link #onTrade}).
     *
     * @return the count
     */
    public long tradeCount() {
        return tradeTicks;
    }

    /**
     * Order-book updates processed ({@link #onOrderBook}).
     *
     * @return the count
     */
    public long bookUpdateCount() {
        return bookUpdates;
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
