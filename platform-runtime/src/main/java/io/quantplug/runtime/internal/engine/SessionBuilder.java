package io.quantplug.runtime.internal.engine;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.FeeModel;
import io.quantplug.runtime.internal.venue.MarginRequirement;
import io.quantplug.runtime.internal.venue.SimulatedVenue;
import io.quantplug.runtime.internal.venue.SlippageModel;
import io.quantplug.runtime.internal.venue.Venue;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.session.SessionListener;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assembles a {@link TradingSession}: the one place where a session's parts are made and wired. What changes between
 * a backtest, paper and live trading is handed in: the clock, the venue (and, outside the session, the source of the
 * events fed to {@link TradingSession#onBar}); the rest, the same in every mode, is made here, each part given only
 * the collaborators it uses:
 *
 * <ul>
 *   <li>{@link CallbackGuard}: the listener and the clock (faults are reported with the session time);</li>
 *   <li>{@link PositionCloser}: the instrument, the account, the owners of orders ({@link OrderOwners});</li>
 *   <li>{@link RiskGate}: the rules, what it reads ({@link EngineView}), the venue (working-order count), the guard,
 *       the listener (risk events) and the closer (close requests);</li>
 *   <li>{@link SignalPipeline}: the enhancers and sizer, what it reads, the venue (working orders, reserved cash) and
 *       the guard;</li>
 *   <li>{@link OrderRouter}: what it reads, the venue, the risk gate, the closer, the owners and the listener; it is
 *       the listener the venue is {@linkplain Venue#connect connected} to;</li>
 *   <li>{@link StrategyActions}: where strategy instances' signals, orders and timers go.</li>
 * </ul>
 * Strategy instances and the signal group are added to the built session ({@link TradingSession#addStrategy},
 * {@link TradingSession#aggregate}).
 *
 * <p>Use once, on the thread that will own the session.
 */
public final class SessionBuilder {

    private final Instrument instrument;
    private final Portfolio portfolio;
    private final SessionListener listener;
    private final SimulatedClock clock;
    private Venue venue;
    private List<Bound<SignalEnhancer>> enhancers = List.of();
    private Bound<PositionSizer> sizer;
    private List<Bound<RiskRule>> riskRules = List.of();
    private int historyCapacity = 1_000;
    private int expectedBars;
    private String orderIdPrefix = "";
    private PerpetualTerms perpetual;
    private FeeModel perpetualFees;

    /**
     * Starts a session on an account.
     *
     * @param instrument the instrument traded; its quote asset must be the portfolio's currency
     * @param portfolio  the account, owned by the engine thread (shared by the sessions of a portfolio backtest)
     * @param clock      the session clock, set to the session's start (normally its first bar's open)
     * @param listener   observer of signals, orders, events and faults
     * @throws IllegalArgumentException when the instrument's quote asset is not the portfolio's currency
     */
    public SessionBuilder(Instrument instrument, Portfolio portfolio, SimulatedClock clock, SessionListener listener) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (!instrument.quoteAsset().equals(portfolio.currency())) {
            throw new IllegalArgumentException(instrument.id() + " is quoted in " + instrument.quoteAsset()
                    + ", the account in " + portfolio.currency());
        }
    }

    /**
     * Sets the venue orders execute at; it must not be connected to another session.
     *
     * @param venue the venue
     * @return this builder
     */
    public SessionBuilder venue(Venue venue) {
        this.venue = Objects.requireNonNull(venue, "venue");
        return this;
    }

    /**
     * Sets a {@link SimulatedVenue} of the session's instrument on its account as the venue: the backtest's and the
     * paper session's venue.
     *
     * @param fees     fee model
     * @param slippage slippage model for taker fills
     * @return this builder
     */
    public SessionBuilder simulatedVenue(FeeModel fees, SlippageModel slippage) {
        return venue(new SimulatedVenue(Map.of(instrument.id(), instrument), fees, slippage, portfolio));
    }

    /**
     * Makes the session trade its instrument as a linear perpetual on margin: the simulated venue checks fills
     * against the initial margin ({@link MarginRequirement}), the default sizing uses the margin's buying power, and
     * each bar may liquidate the position and book funding ({@link PerpetualMargin}).
     *
     * @param terms leverage, margin mode, brackets and funding rates
     * @param fees  the venue's fee model (for the fee room of sizing)
     * @return this builder
     */
    public SessionBuilder perpetual(PerpetualTerms terms, FeeModel fees) {
        this.perpetual = Objects.requireNonNull(terms, "terms");
        this.perpetualFees = Objects.requireNonNull(fees, "fees");
        return this;
    }

    /**
     * Sets the signal enhancers, applied in order (default none).
     *
     * @param enhancers the enhancers
     * @return this builder
     */
    public SessionBuilder enhancers(List<Bound<SignalEnhancer>> enhancers) {
        this.enhancers = List.copyOf(enhancers);
        return this;
    }

    /**
     * Sets the position sizer (default none: a signal's strength times the available cash is invested).
     *
     * @param sizer the sizer, or null
     * @return this builder
     */
    public SessionBuilder sizer(Bound<PositionSizer> sizer) {
        this.sizer = sizer;
        return this;
    }

    /**
     * Sets the risk rules, checked in order (default none).
     *
     * @param riskRules the rules
     * @return this builder
     */
    public SessionBuilder riskRules(List<Bound<RiskRule>> riskRules) {
        this.riskRules = List.copyOf(riskRules);
        return this;
    }

    /**
     * Sets how many bars the strategies' history window keeps (default 1,000).
     *
     * @param bars the capacity
     * @return this builder
     */
    public SessionBuilder historyCapacity(int bars) {
        this.historyCapacity = bars;
        return this;
    }

    /**
     * Sets a hint for sizing the equity arrays (default 0).
     *
     * @param bars the number of bars expected, or 0
     * @return this builder
     */
    public SessionBuilder expectedBars(int bars) {
        this.expectedBars = bars;
        return this;
    }

    /**
     * Sets what every client order id of the session starts with: none by default (a backtest's ids are
     * {@code INSTANCE-N}); a live session's run tag, so that its ids are unique on the exchange account. Ids longer
     * than 36 characters with it lose characters from the start of the owner's part.
     *
     * @param prefix at most 12 characters of {@code A-Z a-z 0-9 . : / _ -}, or empty
     * @return this builder
     * @throws IllegalArgumentException when longer or of other characters
     */
    public SessionBuilder orderIdPrefix(String prefix) {
        new OrderIds(prefix);
        this.orderIdPrefix = prefix;
        return this;
    }

    /**
     * Makes and wires the session's parts.
     *
     * @return the session, not started
     * @throws IllegalStateException when no venue was set, or the venue is connected to another session
     */
    public TradingSession build() {
        return new TradingSession(parts());
    }

    /** The session's parts, made and wired: what {@link #build()} hands the session. */
    SessionParts parts() {
        if (venue == null) {
            throw new IllegalStateException("a session needs a venue");
        }
        BarWindow history = new BarWindow(historyCapacity);
        OrderIds orderIds = new OrderIds(orderIdPrefix);
        EngineView view = new EngineView(instrument, clock, history, portfolio, orderIds);
        CallbackGuard guard = new CallbackGuard(listener, clock);
        StrategyInstances instances = new StrategyInstances();
        PositionCloser closer = new PositionCloser(instrument, portfolio, instances, orderIds);
        RiskGate riskGate = new RiskGate(riskRules, view, venue, guard, listener, closer);
        SignalPipeline pipeline = new SignalPipeline(enhancers, sizer, view, venue, guard);
        PerpetualMargin margin = null;
        if (perpetual != null) {
            if (!(venue instanceof SimulatedVenue simulated)) {
                throw new IllegalStateException("a perpetual trades on margin only at the simulated bar venue");
            }
            MarginRequirement requirement = new MarginRequirement(perpetual, portfolio, perpetualFees);
            portfolio.tradeOnMargin(instrument.id(), perpetual.leverage());
            simulated.tradeOnMargin(requirement);
            pipeline.tradeOnMargin(requirement);
            margin = new PerpetualMargin(requirement, instrument, portfolio, listener);
        }
        OrderRouter router = new OrderRouter(view, venue, riskGate, closer, instances, listener);
        venue.connect(router);
        SessionTimers timers = new SessionTimers();
        StrategyActions actions = new StrategyActions(instances, pipeline, router, timers, listener, clock);
        CallbackWatchdog.Watch watch = new CallbackWatchdog.Watch(instrument.id().toString(),
                TradingSession.DEFAULT_CALLBACK_BUDGET);
        return new SessionParts(view, clock, venue, riskGate, pipeline, router, instances, timers, actions, guard,
                watch, listener, expectedBars, margin);
    }

    /** A session's parts, as {@link #parts()} made them. */
    record SessionParts(EngineView view, SimulatedClock clock, Venue venue, RiskGate riskGate,
                        SignalPipeline pipeline, OrderRouter router, StrategyInstances instances,
                        SessionTimers timers, StrategyActions actions, CallbackGuard guard,
                        CallbackWatchdog.Watch watch, SessionListener listener, int expectedBars,
                        PerpetualMargin margin) {
    }
}
