package io.quantplug.plugins.risk;

import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Projected position value {@code |position + signed order quantity| x price} must stay at or below the limit,
 * where price is the order's notional divided by its quantity (limit, stop or last price). In resize mode an order
 * over the limit is cut to the largest quantity that fits: {@code limit / price - |position|} when it adds to the
 * position, {@code |position| + limit / price} when it reverses it.
 */
final class MaxPositionNotional implements RiskRule {

    private final BigDecimal limit;
    private final boolean resize;

    MaxPositionNotional(BigDecimal limit, boolean resize) {
        this.limit = limit;
        this.resize = resize;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        if (intent.reducesPosition() || intent.quantity().signum() == 0) {
            return RiskDecision.approve();
        }
        BigDecimal price = intent.notional().divide(intent.quantity(), MathContext.DECIMAL64);
        BigDecimal position = context.portfolio().position(intent.order().instrument()).quantity();
        BigDecimal signed = intent.order().side().sign() > 0 ? intent.quantity() : intent.quantity().negate();
        BigDecimal projected = position.add(signed).abs().multiply(price);
        if (projected.compareTo(limit) <= 0) {
            return RiskDecision.approve();
        }
        String why = "position notional after the order would be " + projected.setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString() + ", above the limit " + limit.toPlainString();
        if (resize) {
            // the largest quantity that fits: up to the limit on the order's side, after closing any opposite position
            BigDecimal cap = limit.divide(price, MathContext.DECIMAL64);
            boolean adds = position.signum() * intent.order().side().sign() >= 0;
            BigDecimal room = adds ? cap.subtract(position.abs()) : cap.add(position.abs());
            if (room.signum() > 0) {
                return RiskDecision.resize(room, why + "; resized to " + room.toPlainString());
            }
        }
        return RiskDecision.reject("MAX_POSITION_NOTIONAL", why);
    }
}
