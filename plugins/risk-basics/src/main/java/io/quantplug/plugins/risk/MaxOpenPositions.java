package io.quantplug.plugins.risk;

import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;

/** An order into an instrument with no position opens one; it is refused when {@code limit} are already open. */
final class MaxOpenPositions implements RiskRule {

    private final int limit;

    MaxOpenPositions(int limit) {
        this.limit = limit;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        boolean opensNew = context.portfolio().position(intent.order().instrument()).isFlat();
        int open = context.portfolio().openPositions().size();
        if (opensNew && open >= limit) {
            return RiskDecision.reject("MAX_OPEN_POSITIONS", "opening a position in " + intent.order().instrument()
                    + " would make " + (open + 1) + " open positions, limit " + limit);
        }
        return RiskDecision.approve();
    }
}
