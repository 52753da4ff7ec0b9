package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Four exposure limits checked before an order is sent. With {@code q} the position in the order's instrument,
 * {@code q'} the position after the order, {@code p} the order's price (its notional / its quantity: the limit, stop
 * or last price), {@code E} the equity and {@code O = sum |q_j| x p_j} over the other open positions (at their last
 * price, or their average entry price before any price is known):
 * <pre>
 *   per position     |q'| x p                   &le; maxPositionNotional     (POSITION_NOTIONAL_LIMIT)
 *   per instrument   |q'| x p / E x 100         &le; maxInstrumentPercent    (INSTRUMENT_EXPOSURE_LIMIT)
 *   total            |q'| x p + O               &le; maxTotalNotional        (TOTAL_NOTIONAL_LIMIT)
 *   leverage         (|q'| x p + O) / E         &le; maxLeverage             (LEVERAGE_LIMIT)
 * </pre>
 * A limit of 0 is off. In a netting account an instrument has one position, so the first two measure the same
 * exposure, once as an amount (a size cap) and once as a share of equity (a concentration cap). The order does not
 * change equity (cash becomes position), fees aside.
 *
 * <p>Only orders that make the instrument's position larger in absolute value are checked: one that reduces it, or
 * reverses it into a smaller one, passes, so exposure can always be cut. An order over a limit is refused naming the
 * binding limit (the one that allows the smallest position) with its numbers; with {@code action=resize} it is cut
 * instead to the largest quantity within every limit, {@code A / p - |q|} when it adds to the position and
 * {@code |q| + A / p} when it reverses it, {@code A} being the smallest allowed instrument notional, and refused when
 * that is not positive. The engine rounds a resized quantity down to the lot size. With an equity-relative limit on
 * and equity &le; 0 every order adding exposure is refused ({@code NO_EQUITY}); an order whose quantity is not known
 * (a quote-sized order before the first price) is refused ({@code NO_PRICE}).
 *
 * <p>Stateless; called on the engine thread.
 */
public final class ExposureLimitsRule implements RiskRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private enum Limit {
        POSITION_NOTIONAL, INSTRUMENT_EXPOSURE, TOTAL_NOTIONAL, LEVERAGE;

        String code() {
            return name() + "_LIMIT";
        }
    }

    private final BigDecimal maxPositionNotional;
    private final BigDecimal maxInstrumentPercent;
    private final BigDecimal maxTotalNotional;
    private final BigDecimal maxLeverage;
    private final boolean resize;

    ExposureLimitsRule(BigDecimal maxPositionNotional, BigDecimal maxInstrumentPercent, BigDecimal maxTotalNotional,
                       BigDecimal maxLeverage, boolean resize) {
        this.maxPositionNotional = maxPositionNotional;
        this.maxInstrumentPercent = maxInstrumentPercent;
        this.maxTotalNotional = maxTotalNotional;
        this.maxLeverage = maxLeverage;
        this.resize = resize;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        if (intent.reducesPosition()) {
            return RiskDecision.approve();
        }
        InstrumentId id = intent.order().instrument();
        if (intent.quantity().signum() == 0) {
            return RiskDecision.reject("NO_PRICE", "the quantity of the order in " + id
                    + " is not known yet (no price), so its exposure cannot be checked");
        }
        BigDecimal price = intent.notional().divide(intent.quantity(), MathContext.DECIMAL64);
        BigDecimal position = context.portfolio().position(id).quantity();
        int side = intent.order().side().sign();
        BigDecimal after = position.add(side > 0 ? intent.quantity() : intent.quantity().negate());
        if (after.abs().compareTo(position.abs()) <= 0) {
            return RiskDecision.approve();
        }
        BigDecimal equity = context.portfolio().equity();
        if (equity.signum() <= 0 && (maxInstrumentPercent.signum() > 0 || maxLeverage.signum() > 0)) {
            return RiskDecision.reject("NO_EQUITY", "equity " + Formats.money(equity)
                    + " is not positive: no exposure may be added under the per-instrument and leverage limits");
        }
        BigDecimal others = otherNotional(context, id);
        // |q'| x p, written so that the order's own part is its notional exactly (price is a rounded quotient)
        BigDecimal held = position.abs().multiply(price);
        boolean adds = position.signum() == 0 || position.signum() == side;
        BigDecimal notional = adds ? intent.notional().add(held) : intent.notional().subtract(held);
        Limit binding = null;
        BigDecimal allowed = null;
        for (Limit limit : Limit.values()) {
            BigDecimal a = allowedNotional(limit, equity, others);
            if (a != null && (allowed == null || a.compareTo(allowed) < 0)) {
                binding = limit;
                allowed = a;
            }
        }
        if (binding == null || notional.compareTo(allowed) <= 0) {
            return RiskDecision.approve();
        }
        String why = describe(binding, id, notional, others, equity);
        if (resize) {
            BigDecimal allowedQuantity = allowed.max(BigDecimal.ZERO).divide(price, 12, RoundingMode.DOWN);
            BigDecimal room = (adds ? allowedQuantity.subtract(position.abs()) : allowedQuantity.add(position.abs()))
                    .stripTrailingZeros();
            if (room.signum() > 0) {
                return RiskDecision.resize(room, why + "; order resized from " + intent.quantity().toPlainString()
                        + " to " + room.toPlainString());
            }
        }
        return RiskDecision.reject(binding.code(), why);
    }

    /** The largest notional of the order's instrument that a limit allows, or null when the limit is off. */
    private BigDecimal allowedNotional(Limit limit, BigDecimal equity, BigDecimal others) {
        return switch (limit) {
            case POSITION_NOTIONAL -> maxPositionNotional.signum() == 0 ? null : maxPositionNotional;
            case INSTRUMENT_EXPOSURE -> maxInstrumentPercent.signum() == 0 ? null
                    : equity.multiply(maxInstrumentPercent).divide(HUNDRED, MathContext.DECIMAL64);
            case TOTAL_NOTIONAL -> maxTotalNotional.signum() == 0 ? null : maxTotalNotional.subtract(others);
            case LEVERAGE -> maxLeverage.signum() == 0 ? null : equity.multiply(maxLeverage).subtract(others);
        };
    }

    private String describe(Limit limit, InstrumentId id, BigDecimal notional, BigDecimal others, BigDecimal equity) {
        return switch (limit) {
            case POSITION_NOTIONAL -> "position notional in " + id + " after the order would be "
                    + Formats.money(notional) + ", above the per-position limit " + Formats.money(maxPositionNotional);
            case INSTRUMENT_EXPOSURE -> id + " would be " + Formats.twoDecimals(Formats.percentOf(notional, equity))
                    + "% of equity after the order (notional " + Formats.money(notional) + " / equity "
                    + Formats.money(equity) + "), above the per-instrument limit "
                    + Formats.plain(maxInstrumentPercent) + "%";
            case TOTAL_NOTIONAL -> "total notional after the order would be " + Formats.money(notional.add(others))
                    + " (" + id + " " + Formats.money(notional) + " + other positions " + Formats.money(others)
                    + "), above the limit " + Formats.money(maxTotalNotional);
            case LEVERAGE -> "leverage after the order would be "
                    + Formats.twoDecimals(notional.add(others).divide(equity, MathContext.DECIMAL64))
                    + "x (gross notional " + Formats.money(notional.add(others)) + " / equity "
                    + Formats.money(equity) + "), above the limit " + Formats.plain(maxLeverage) + "x";
        };
    }

    private static BigDecimal otherNotional(RiskContext context, InstrumentId id) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PositionView p : context.portfolio().openPositions()) {
            if (p.instrument().equals(id)) {
                continue;
            }
            double last = context.lastPrice(p.instrument());
            BigDecimal price = Double.isFinite(last) && last > 0 ? BigDecimal.valueOf(last) : p.averageEntryPrice();
            sum = sum.add(p.quantity().abs().multiply(price));
        }
        return sum;
    }
}
