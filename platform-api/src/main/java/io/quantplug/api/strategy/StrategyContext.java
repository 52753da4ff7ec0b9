package io.quantplug.api.strategy;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Funding;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What a strategy instance may see and do: the clock, its instrument and history, the portfolio (read only), its
 * parameters, a logger, and two ways to act. Built by the runtime for one instance; call it only from that
 * instance's callbacks (the engine thread).
 */
public interface StrategyContext {

    /**
     * The id of this instance within the session, e.g. {@code sma-crossover-1}.
     *
     * @return the instance id
     */
    String instanceId();

    /**
     * The session clock: simulated in a backtest, the system clock live. Use it instead of
     * {@code System.currentTimeMillis()} so backtests are reproducible.
     *
     * @return the clock
     */
    InstantSource clock();

    /**
     * The instrument this instance trades.
     *
     * @return the instrument with its tick size, lot size and minimum notional
     */
    Instrument instrument();

    /**
     * The recent completed bars of {@link #instrument()}, newest first, including the bar being delivered to
     * {@link Strategy#onBar}. The window keeps the last 1,000 bars in every session the runtime runs today
     * (backtests, portfolio backtests, console instances); {@link BarHistory#capacity()} gives the number at run
     * time and {@link BarHistory#size()} how many bars it holds so far. A strategy that needs a longer look-back keeps
     * its own bars (for example in the SDK's {@code BarRingBuffer}). The same window object for the whole session;
     * read it only from this instance's callbacks.
     *
     * @return the history window, never null
     */
    BarHistory history();

    /**
     * Every instrument this instance subscribes to, in the order its configuration lists them; the first is
     * {@link #instrument()}. A single-instrument instance (every instance before SPI 0.2.0, and any instance not
     * given several instruments) has just that one. A multi-instrument instance gets the bars of all of them through
     * {@link Strategy#onBar}, merged in time order ({@link io.quantplug.api.market.Bar#instrument()} says whose), and
     * may emit signals and submit orders for any of them; positions are in {@link #portfolio()} by instrument.
     *
     * @return the instruments, at least one
     * @since 0.2.0
     */
    default List<Instrument> instruments() {
        return List.of(instrument());
    }

    /**
     * The recent completed bars of one of {@link #instruments()}, as {@link #history()} gives those of
     * {@link #instrument()}.
     *
     * @param instrument one of this instance's instruments
     * @return its history window, never null
     * @throws IllegalArgumentException when the instance does not subscribe to that instrument
     * @since 0.2.0
     */
    default BarHistory history(InstrumentId instrument) {
        if (!instrument.equals(instrument().id())) {
            throw new IllegalArgumentException("instance " + instanceId() + " subscribes to " + instrument().id()
                    + " only, not " + instrument);
        }
        return history();
    }

    /**
     * The last funding settled on a perpetual this instance subscribes to, at or before the clock: in a backtest from
     * the recorded rates the run trades on.
     *
     * @param instrument one of {@link #instruments()}
     * @return the funding, or empty for a spot instrument, before the first settlement, or where the runtime has no
     *         funding data
     * @since 0.2.0
     */
    default Optional<Funding> lastFunding(InstrumentId instrument) {
        return Optional.empty();
    }

    /**
     * The account, read only.
     *
     * @return the portfolio view
     */
    PortfolioView portfolio();

    /**
     * This instance's validated parameters.
     *
     * @return the parameters
     */
    Parameters parameters();

    /**
     * A logger named after this instance.
     *
     * @return the logger
     */
    System.Logger logger();

    /**
     * Emits a signal into the pipeline (enhancers, aggregation, sizer, risk rules) that may turn it into an order.
     * Refusals come back as {@link io.quantplug.api.order.OrderRejected} events.
     *
     * @param signal the signal; its instrument must be one of {@link #instruments()}
     * @throws IllegalArgumentException when the signal is for another instrument
     */
    void emit(Signal signal);

    /**
     * Submits an order directly (grids, market making, stops). It still passes every risk rule; the outcome comes
     * back through {@link Strategy#onOrderEvent}.
     *
     * @param order the order, with an id from {@link #nextClientOrderId()}
     * @throws IllegalArgumentException when the order is for another instrument or its id was used before
     */
    void submit(Order order);

    /**
     * Cancels a working order; an unknown or finished order is ignored.
     *
     * @param clientOrderId the order to cancel
     */
    void cancel(ClientOrderId clientOrderId);

    /**
     * This instance's working orders in one of its instruments: accepted by the venue and not yet filled in full,
     * canceled or expired, as the venue holds them (price and quantity rounded to the instrument's tick and lot).
     * In a bar backtest a market order works from its signal until the next bar's open fills it. The orders the
     * engine places itself (a risk rule's close, a liquidation) are not this instance's.
     *
     * @param instrument one of {@link #instruments()}
     * @return a snapshot, oldest first; empty when none
     * @throws IllegalArgumentException      when the instance does not trade {@code instrument}
     * @throws UnsupportedOperationException from a host that does not track working orders (the default)
     * @since 0.2.0
     */
    default List<Order> workingOrders(InstrumentId instrument) {
        throw new UnsupportedOperationException("this host does not list working orders");
    }

    /**
     * A fresh, deterministic client order id for this instance.
     *
     * @return an id unique within the session
     */
    ClientOrderId nextClientOrderId();

    /**
     * Schedules {@link Strategy#onTimer} at a time on the session clock.
     *
     * @param name       a name passed back in the {@link TimerEvent}
     * @param timeMillis when, UTC epoch milliseconds; a time already past fires before the next market event
     */
    void scheduleTimer(String name, long timeMillis);

    /**
     * Reports what an execution algorithm achieved for one parent order, so the run's result lists it with its
     * slippage against the arrival price ({@code executions} in {@code result.json}). The SDK's algorithms
     * ({@code io.quantplug.sdk.execution}) call it when a parent order finishes. The default does nothing (a context
     * that keeps no result).
     *
     * @param report the report, not null
     */
    default void reportExecution(ExecutionReport report) {
    }

    /**
     * Tells the other strategy instances of the session what this one noticed ({@link Strategy#onObservation}). They
     * get it on the engine thread right after this callback returns, never re-entrantly; this instance does not get
     * its own. The default does nothing (a context without other instances).
     *
     * @param observation what was noticed, not null; of the instance's instrument
     */
    default void publish(MarketObservation observation) {
    }
}
