package io.quantplug.runtime.session;

import io.quantplug.api.order.Order;

import java.util.List;

/**
 * A trading session while (and after) it runs: the handle that backtests, console instances and the coming paper
 * and live sessions share. The engine thread that runs the session is the one that called its run method
 * ({@link io.quantplug.runtime.backtest.BacktestRun#run}); everything here may be called from any other thread
 * and answers from a snapshot the engine thread publishes when it changes (after each fill, order event, swap and
 * state change; the bar count, last price, equity and drawdown after every bar of a stream and every 64 bars of a
 * backtest), so reading costs a backtest nothing per bar.
 *
 * <p>The session's events go, as they happen and on the engine thread, to the {@link SessionListener} it was
 * opened with: signals, orders, order events, position changes, faults and risk events.
 */
public interface RunningSession {

    /** Where a session is in its life. */
    enum State {
        /** Opened, its first bar not yet asked for. */
        CREATED,
        /** Taking bars. */
        RUNNING,
        /** Its source ended and the session finished (open positions closed at the last price). */
        FINISHED,
        /** Stopped before its data ended ({@link #stop}); finished with what it had. */
        STOPPED,
        /** Ended by an error. */
        FAILED
    }

    /**
     * Where the session is in its life.
     *
     * @return the state
     */
    State state();

    /**
     * Asks the session to stop before its next bar: it finishes (working orders canceled, positions closed at the
     * last price) and its result covers the bars it took. Thread-safe and idempotent; returns at once (wait for
     * {@link #state()} to leave {@code RUNNING}, or for the run method to return).
     *
     * @param by who or what stops it, for the record (e.g. a user name)
     */
    void stop(String by);

    /**
     * Who stopped the session.
     *
     * @return what {@link #stop} was given, or null when it was not stopped
     */
    String stoppedBy();

    /**
     * Bars the session has taken so far.
     *
     * @return the count
     */
    long barCount();

    /**
     * The close of the last bar taken.
     *
     * @return the price, quote per base, or NaN before the first bar
     */
    double lastPrice();

    /**
     * The equity after the last bar published: cash plus positions at the last close (the estimate the equity curve
     * holds; the result's metrics are exact).
     *
     * @return account currency, or NaN before the first bar
     */
    double currentEquity();

    /**
     * The largest fall of {@link #currentEquity()} from its running peak so far, over the bars published.
     *
     * @return a fraction of the peak, 0..1 (0.12 is 12 %)
     */
    double maxDrawdown();

    /**
     * The open positions after the last fill.
     *
     * @return one entry per non-flat instrument, in the order they were opened; empty when flat
     */
    List<OpenPosition> positions();

    /**
     * The orders working at the venue: accepted and neither filled in full, canceled, expired nor refused.
     *
     * @return the orders as the session submitted them, oldest first
     */
    List<Order> workingOrders();

    /**
     * Every extension of the session (strategies, enhancers, sizer, risk rules) with the plugin build it runs on
     * now; a hot swap updates it.
     *
     * @return the builds, strategies first, then enhancers, the sizer and the risk rules, each in configured order
     */
    List<ExtensionBuild> extensions();

    /**
     * The hot swaps made in this session, oldest first.
     *
     * @return the swaps (empty for a session that follows no plugin host)
     */
    List<PluginSwap> swaps();
}
