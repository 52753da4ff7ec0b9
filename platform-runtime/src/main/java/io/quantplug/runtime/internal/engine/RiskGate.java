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
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.runtime.session.InstanceSwap;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every order through the configured risk rules, in order. The first rejection wins; a resize replaces the
 * quantity (rounded down to the lot size) seen by the later rules. Fault policy: a rule that throws rejects the
 * order (fail closed) with code {@code RISK_RULE_ERROR}, and the fault is reported. Owned by the engine thread.
 */
final class RiskGate implements RiskContext {

    /** The order to send, or why not. */
    record Outcome(Order order, RejectReason rejection) {
    }

    private final List<Bound<RiskRule>> rules;
    private final TradingSession session;

    RiskGate(List<Bound<RiskRule>> rules, TradingSession session) {
        this.rules = new ArrayList<>(rules);
        this.session = session;
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
                        RiskRule::restore, RejectEverything::new, session, barsBefore);
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

    Outcome check(Order order, String source) {
        if (rules.isEmpty()) {
            return new Outcome(order, null);
        }
        Order current = order;
        for (Bound<RiskRule> rule : rules) {
            OrderIntent intent = intent(current, source);
            RiskDecision decision;
            try {
                decision = rule.instance().check(intent, this);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                session.reportFault(rule.id(), rule.id(), "check", e, "REJECTED_ORDER");
                return new Outcome(current, new RejectReason(RejectSource.RISK_RULE, "RISK_RULE_ERROR",
                        "risk rule '" + rule.id() + "' failed: " + e, rule.id()));
            }
            if (decision instanceof RiskDecision.Reject r) {
                return new Outcome(current, new RejectReason(RejectSource.RISK_RULE, r.code(), r.message(),
                        rule.id()));
            }
            if (decision instanceof RiskDecision.Resize r) {
                BigDecimal qty = session.instrument().roundQuantityDown(r.quantity());
                if (qty.signum() == 0) {
                    return new Outcome(current, new RejectReason(RejectSource.RISK_RULE, "RESIZED_TO_ZERO",
                            r.message() + " (resized quantity rounds to zero)", rule.id()));
                }
                current = withQuantity(current, qty);
            }
        }
        return new Outcome(current, null);
    }

    void onFill(Fill fill) {
        if (rules.isEmpty()) {
            return;
        }
        for (Bound<RiskRule> rule : rules) {
            try {
                rule.instance().onFill(fill, this);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                session.reportFault(rule.id(), rule.id(), "onFill", e, "CONTINUED");
            }
        }
    }

    void onBar(Bar bar) {
        if (rules.isEmpty()) {
            return;
        }
        for (int i = 0, n = rules.size(); i < n; i++) {
            Bound<RiskRule> rule = rules.get(i);
            try {
                rule.instance().onBar(bar, this);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                session.reportFault(rule.id(), rule.id(), "onBar", e, "CONTINUED");
            }
        }
    }

    private OrderIntent intent(Order order, String source) {
        double ref = lastPrice(order.instrument());
        BigDecimal refPrice = Double.isFinite(ref) ? BigDecimal.valueOf(ref) : BigDecimal.ZERO;
        BigDecimal qty;
        BigDecimal notional;
        if (order.size() instanceof OrderSize.Quote q) {
            notional = q.notional();
            qty = refPrice.signum() > 0
                    ? session.instrument().roundQuantityDown(notional.divide(refPrice, MathContext.DECIMAL128))
                    : BigDecimal.ZERO;
        } else {
            qty = ((OrderSize.Base) order.size()).quantity();
            BigDecimal price = order instanceof LimitOrder l ? l.limitPrice()
                    : order instanceof StopOrder s ? s.stopPrice() : refPrice;
            notional = qty.multiply(price);
        }
        BigDecimal position = session.portfolio().position(order.instrument()).quantity();
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
        return session.clock().millis();
    }

    @Override
    public PortfolioView portfolio() {
        return session.portfolio();
    }

    @Override
    public Instrument instrument(InstrumentId id) {
        if (!id.equals(session.instrument().id())) {
            throw new IllegalArgumentException("the session does not trade " + id);
        }
        return session.instrument();
    }

    @Override
    public double lastPrice(InstrumentId id) {
        return session.portfolioLedger().lastPrice(id);
    }

    @Override
    public int openOrderCount() {
        return session.workingOrderCount();
    }
}
