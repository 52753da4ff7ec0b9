package io.quantplug.runtime.session;

import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.margin.FundingPayment;
import io.quantplug.runtime.margin.Liquidation;
import io.quantplug.runtime.margin.MarginCall;

/**
 * Observes a trading session. Called on the engine thread, synchronously: implementations must be fast and must
 * not block, except to wait for room in a bounded queue of their own (the store's journal does, as backpressure).
 * Every method has an empty default (the four-argument {@code onOrderSubmitted} passes on to the three-argument one).
 */
public interface SessionListener {

    /**
     * A strategy emitted a signal, and the pipeline decided what to do with it.
     *
     * @param timeMillis decision time, UTC epoch milliseconds
     * @param strategy   the strategy instance id
     * @param signal     the signal as emitted
     * @param outcome    what the pipeline did, e.g. {@code ORDERED}, {@code FILTERED by mtf-filter},
     *                   {@code IGNORED: already long}
     */
    default void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
    }

    /**
     * A signal group (strategies trading one instrument under an {@link AggregationPolicy}) decided after a bar.
     * The members' signals were reported before through {@link #onSignal} with an outcome starting {@code VOTE}.
     *
     * @param decision the decision, its votes and its outcome
     */
    default void onSignalDecision(SignalDecision decision) {
    }

    /**
     * An order passed the risk rules and went to the venue (which may still refuse it).
     *
     * @param timeMillis submission time, UTC epoch milliseconds
     * @param strategy   the owner: a strategy instance id, or as in
     *                   {@link #onOrderSubmitted(long, String, Order, String)}
     * @param order      the order as submitted
     */
    default void onOrderSubmitted(long timeMillis, String strategy, Order order) {
    }

    /**
     * An order passed the risk rules and went to the venue, with the engine's reason for its own orders. The session
     * calls this method; its default passes on to {@link #onOrderSubmitted(long, String, Order)}, so a listener
     * overrides whichever it needs.
     *
     * @param timeMillis submission time, UTC epoch milliseconds
     * @param strategy   the owning instance id, the signal group's id, the id of the risk rule that asked for a
     *                   position to be closed, or {@code engine} for the end-of-data liquidation of a position no
     *                   instance opened
     * @param order      the order as submitted
     * @param reason     why the engine sent it (a position closed for a risk rule, or at the end of the data); null
     *                   for an order of a strategy or a signal group
     */
    default void onOrderSubmitted(long timeMillis, String strategy, Order order, String reason) {
        onOrderSubmitted(timeMillis, strategy, order);
    }

    /**
     * An order changed state: accepted, rejected (by a risk rule, validation, the engine or the venue), filled,
     * canceled or expired.
     *
     * @param strategy the owning instance id
     * @param event    the event
     */
    default void onOrderEvent(String strategy, OrderEvent event) {
    }

    /**
     * A fill changed the account's position in an instrument.
     *
     * @param change the position after the fill
     */
    default void onPositionChanged(PositionChange change) {
    }

    /**
     * A plugin callback failed and the fault policy acted.
     *
     * @param fault what failed and what was done
     */
    default void onFault(PluginFault fault) {
    }

    /**
     * A risk rule reported an event (a circuit breaker tripping or resetting, a guard closing a position), tagged
     * with the rule's id and the strategy it concerned. Reported at once, also when the rule then throws, so an event
     * is never lost to the fault policy nor repeated.
     *
     * @param report the event and its tags
     */
    default void onRiskEvent(RiskEventReport report) {
    }

    /**
     * A strategy's execution algorithm finished a parent order ({@code StrategyContext.reportExecution}).
     *
     * @param execution the report and the instance
     */
    default void onExecution(Execution execution) {
    }

    /**
     * A perpetual position was charged or paid funding at a funding time.
     *
     * @param payment the payment
     */
    default void onFunding(FundingPayment payment) {
    }

    /**
     * A perpetual position reached its liquidation price and the venue closed it; the close's order events and fill
     * come as for any order, with exit reason {@code LIQUIDATION}.
     *
     * @param liquidation what was liquidated, at which price, and why
     */
    default void onLiquidation(Liquidation liquidation) {
    }

    /**
     * A perpetual position's margin ratio reached the margin-call level at a bar's close.
     *
     * @param call the position, its margin balance, maintenance margin and ratio
     */
    default void onMarginCall(MarginCall call) {
    }
}
