package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.runtime.internal.venue.Venue;
import io.quantplug.runtime.session.FaultAction;
import io.quantplug.runtime.session.InstanceSwap;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Runs every order through the configured risk rules, in order. The first rejection wins; a resize replaces the
 * quantity (rounded down to the lot size) seen by the later rules. Fault policy: a rule that throws rejects the
 * order (fail closed) with code {@code RISK_RULE_ERROR}, and the fault is reported. Owned by the engine thread.
 *
 * <p>It is also the rules' {@link RiskContext}. While a rule's callback runs, the gate knows the rule's id (the id it
 * was bound under, kept across hot swaps) and the strategy concerned (the owner of the order checked or filled), so
 * that {@link #report} tags the event with both and hands it to the session's listener at once: an event reported just
 * before the rule throws is kept, and one reported by either version of a rule around a hot swap is recorded once.
 * {@link #closePosition} only records the request with the {@link PositionCloser}; the closing order is sent once the
 * callback has returned. Both refuse to work outside a rule's callback.
 */
final class RiskGate implements RiskContext {

    /** The order to send, or why not. */
    record Outcome(Order order, RejectReason rejection) {
    }

    private final List<Bound<RiskRule>> rules;
    private final EngineView view;
    private final Venue venue;
    private final CallbackGuard guard;
    private final SessionListener listener;
    private final PositionCloser closer;
    /** The rules' callbacks, with this gate as their context: made once, not per call. */
    private final BiFunction<RiskRule, OrderIntent, RiskDecision> checkCall =
            (rule, intent) -> rule.check(intent, this);
    private final BiConsumer<RiskRule, Fill> onFillCall = (rule, fill) -> rule.onFill(fill, this);
    private final BiConsumer<RiskRule, Bar> onBarCall = (rule, bar) -> rule.onBar(bar, this);
    /** The id of the rule whose callback runs, or null between callbacks. */
    private String currentRule;
    /** The strategy (instance or group) the running callback concerns, or null. */
    private String currentStrategy;

    RiskGate(List<Bound<RiskRule>> rules, EngineView view, Venue venue, CallbackGuard guard,
             SessionListener listener, PositionCloser closer) {
        this.rules = new ArrayList<>(rules);
        this.view = view;
        this.venue = venue;
        this.guard = guard;
        this.listener = listener;
        this.closer = closer;
    }

    /** The ids of the rules, in order. */
    List<String> ids() {
        return rules.stream().map(Bound::id).toList();
    }

    /**
     * Swaps every rule of an id to a new provider's rule with the same parameters, in place (see {@link BoundSwap});
     * engine thread, between two events.
     */
    List<InstanceSwap> swap(String ruleId, RiskRuleProvider provider, long barsBefore) {
        List<InstanceSwap> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(ruleId)) {
                BoundSwap.Result<RiskRule> r = BoundSwap.swap(rules.get(i), provider::create, RiskRule::snapshot,
                        RiskRule::restore, RejectEverything::new, guard, barsBefore);
                rules.set(i, r.bound());
                out.add(r.swap());
            }
        }
        return out;
    }

    /** Stands in for a rule whose swap failed: rejects every order (fail closed). */
    private record RejectEverything(String why) implements RiskRule {
        @Override
        public RiskDecision check(OrderIntent intent, RiskContext context) {
            return RiskDecision.reject("RISK_RULE_UNAVAILABLE", why);
        }
    }

    Outcome check(Order order, OrderOwner owner) {
        if (rules.isEmpty()) {
            return new Outcome(order, null);
        }
        Order current = order;
        for (Bound<RiskRule> rule : rules) {
            OrderIntent intent = intent(current, owner.ownerId());
            RiskDecision decision;
            enter(rule, owner.strategyId());
            try {
                decision = guard.call(rule.id(), rule.id(), "check", FaultAction.REJECTED_ORDER, checkCall,
                        rule.instance(), intent, null);
            } finally {
                leave();
            }
            if (guard.failed()) {
                return new Outcome(current, new RejectReason(RejectSource.RISK_RULE, "RISK_RULE_ERROR",
                        "risk rule '" + rule.id() + "' failed: " + guard.lastFault(), rule.id()));
            }
            if (decision instanceof RiskDecision.Reject r) {
                return new Outcome(current, new RejectReason(RejectSource.RISK_RULE, r.code(), r.message(),
                        rule.id()));
            }
            if (decision instanceof RiskDecision.Resize r) {
                BigDecimal qty = view.instrument().roundQuantityDown(r.quantity());
                if (qty.signum() == 0) {
                    return new Outcome(current, new RejectReason(RejectSource.RISK_RULE, "RESIZED_TO_ZERO",
                            r.message() + " (resized quantity rounds to zero)", rule.id()));
                }
                current = withQuantity(current, qty);
            }
        }
        return new Outcome(current, null);
    }

    void onFill(Fill fill, String strategy) {
        if (rules.isEmpty()) {
            return;
        }
        for (Bound<RiskRule> rule : rules) {
            enter(rule, strategy);
            try {
                guard.run(rule.id(), rule.id(), "onFill", FaultAction.CONTINUED, onFillCall, rule.instance(),
                        fill);
            } finally {
                leave();
            }
        }
    }

    void onBar(Bar bar) {
        if (rules.isEmpty()) {
            return;
        }
        for (int i = 0, n = rules.size(); i < n; i++) {
            Bound<RiskRule> rule = rules.get(i);
            enter(rule, null);
            try {
                guard.run(rule.id(), rule.id(), "onBar", FaultAction.CONTINUED, onBarCall, rule.instance(), bar);
            } finally {
                leave();
            }
        }
    }

    private void enter(Bound<RiskRule> rule, String strategy) {
        currentRule = rule.id();
        currentStrategy = strategy;
    }

    private void leave() {
        currentRule = null;
        currentStrategy = null;
    }

    /**
     * Records the calling rule's event: tagged with its id and the strategy concerned, passed to the session's
     * listeners at once.
     *
     * @throws NullPointerException  when the event is null
     * @throws IllegalStateException outside a rule's callback (the context is valid only during the call)
     */
    @Override
    public void report(RiskEvent event) {
        Objects.requireNonNull(event, "event");
        listener.onRiskEvent(new RiskEventReport(callingRule("report"), currentStrategy, event));
    }

    /**
     * Asks the session to close the account's position in the instrument once the calling rule's callback has
     * returned (see {@link PositionCloser}).
     *
     * @throws IllegalArgumentException when the session does not trade the instrument or the reason is blank
     * @throws IllegalStateException    outside a rule's callback
     */
    @Override
    public void closePosition(InstrumentId instrument, String reason) {
        Objects.requireNonNull(instrument, "instrument");
        instrument(instrument);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("closePosition needs a reason");
        }
        closer.request(callingRule("closePosition"), reason);
    }

    private String callingRule(String method) {
        String rule = currentRule;
        if (rule == null) {
            throw new IllegalStateException(method + " was called outside a risk rule's check, onFill or onBar: the"
                    + " risk context is valid only during the call it is passed to");
        }
        return rule;
    }

    private OrderIntent intent(Order order, String source) {
        double ref = lastPrice(order.instrument());
        BigDecimal refPrice = Double.isFinite(ref) ? BigDecimal.valueOf(ref) : BigDecimal.ZERO;
        BigDecimal qty;
        BigDecimal notional;
        if (order.size() instanceof OrderSize.Quote q) {
            notional = q.notional();
            qty = refPrice.signum() > 0
                    ? view.instrument().roundQuantityDown(notional.divide(refPrice, MathContext.DECIMAL128))
                    : BigDecimal.ZERO;
        } else {
            qty = ((OrderSize.Base) order.size()).quantity();
            BigDecimal price = order instanceof LimitOrder l ? l.limitPrice()
                    : order instanceof StopOrder s ? s.stopPrice() : refPrice;
            notional = qty.multiply(price);
        }
        BigDecimal position = view.portfolio().position(order.instrument()).quantity();
        boolean reduces = position.signum() != 0 && position.signum() != order.side().sign()
                && qty.compareTo(position.abs()) <= 0;
        return new OrderIntent(order, source, ref, qty, notional, reduces);
    }

    private static Order withQuantity(Order order, BigDecimal qty) {
        if (order instanceof LimitOrder l) {
            return new LimitOrder(l.clientOrderId(), l.instrument(), l.side(), qty, l.limitPrice(), l.timeInForce());
        }
        if (order instanceof StopOrder s) {
            return new StopOrder(s.clientOrderId(), s.instrument(), s.side(), qty, s.stopPrice(), s.timeInForce());
        }
        return new MarketOrder(order.clientOrderId(), order.instrument(), order.side(), OrderSize.base(qty));
    }

    @Override
    public long timeMillis() {
        return view.clock().millis();
    }

    @Override
    public PortfolioView portfolio() {
        return view.portfolio();
    }

    @Override
    public Instrument instrument(InstrumentId id) {
        if (!id.equals(view.instrument().id())) {
            throw new IllegalArgumentException("the session does not trade " + id);
        }
        return view.instrument();
    }

    @Override
    public double lastPrice(InstrumentId id) {
        return view.portfolio().lastPrice(id);
    }

    @Override
    public int openOrderCount() {
        return venue.workingCount();
    }
}
