package io.quantplug.plugins.risk;

import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Order notional must be at or below {@code equity x percentOfEquity / 100}. */
final class MaxOrderNotional implements RiskRule {

    private final BigDecimal percent;

    MaxOrderNotional(BigDecimal percent) {
        this.percent = percent;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        if (intent.reducesPosition()) {
            return RiskDecision.approve();
        }
        BigDecimal equity = context.portfolio().equity();
        BigDecimal limit = equity.multiply(percent).movePointLeft(2);
        if (intent.notional().compareTo(limit) > 0) {
            return RiskDecision.reject("MAX_ORDER_NOTIONAL", "order notional "
                    + intent.notional().setScale(2, RoundingMode.HALF_UP).toPlainString() + " exceeds "
                    + percent.toPlainString() + "% of equity " + equity.setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " = " + limit.setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        return RiskDecision.approve();
    }
}
