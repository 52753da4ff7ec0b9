package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.internal.portfolio.Portfolio;

import java.math.BigDecimal;

/**
 * Closes the account's position when a risk rule asks ({@link io.quantplug.api.risk.RiskContext#closePosition}).
 *
 * <p>A request is only noted while the rule's callback runs; once it has returned, the session {@linkplain
 * #submitPending(OrderRouter) submits} one market order for the whole position, on the side that closes it: decided at
 * that moment (a bar's close, or a bar's open for a request made from {@code onFill}), it fills at the next bar's open
 * like every order of the session. The order is the engine's: its owner is the requesting rule's id, its client order
 * id {@code risk-close-N}, its reason {@code risk rule RULE: REASON} is recorded with the submission, and the round
 * trip it closes ends with exit reason {@code RISK_RULE} (still the trip of the instance that opened it). It passes the
 * risk rules like any order, as a pure reduction. It is reduce-only at the venue: should the position shrink before it
 * fills (a strategy's stop at the same open), it fills only what is left, and is canceled when nothing is.
 *
 * <p>Nothing is sent when the account is flat; while a close order is working, or a request is waiting, further
 * requests (of any rule) add nothing: one order per position, owned by the rule that asked first. Its events go to
 * the strategy instance (or every member of the signal group) that opened the position, as the end-of-data close's
 * do, so that a strategy that follows its fills learns that its position is gone; strategies read the position
 * itself from the shared account, which is flat once the order has filled. Engine thread only.
 */
final class PositionCloser {

    private final Instrument instrument;
    private final Portfolio portfolio;
    private final OrderOwners owners;
    private String requestedBy;
    private String reason;
    private ClientOrderId working;
    private long sequence;

    private final OrderIds orderIds;

    PositionCloser(Instrument instrument, Portfolio portfolio, OrderOwners owners, OrderIds orderIds) {
        this.orderIds = orderIds;
        this.instrument = instrument;
        this.portfolio = portfolio;
        this.owners = owners;
    }

    /** Notes a rule's request; ignored while another is waiting or a close order is working. */
    void request(String ruleId, String why) {
        if (requestedBy == null && working == null) {
            requestedBy = ruleId;
            reason = why;
        }
    }

    /** Whether a request waits to be submitted: the engine's cheap check after each callback. */
    boolean pending() {
        return requestedBy != null;
    }

    /** Submits the waiting request's order through the router, unless the account is flat by now. */
    void submitPending(OrderRouter router) {
        String rule = requestedBy;
        String why = reason;
        requestedBy = null;
        reason = null;
        InstrumentId instrument = this.instrument.id();
        BigDecimal position = portfolio.position(instrument).quantity();
        if (position.signum() == 0) {
            return;
        }
        ClientOrderId id = orderIds.of("risk-close-" + (++sequence));
        working = id;
        Side side = position.signum() > 0 ? Side.SELL : Side.BUY;
        OrderOwner opener = owners.ownerById(router.openedBy(instrument));
        router.sendClose(new EngineOwner(rule, opener), new MarketOrder(id, instrument, side,
                OrderSize.base(position.abs())), "risk rule " + rule + ": " + why);
    }

    /** The close order ended (filled, refused, canceled or expired): a later request may send another. */
    void ended(ClientOrderId id) {
        if (id.equals(working)) {
            working = null;
        }
    }
}
