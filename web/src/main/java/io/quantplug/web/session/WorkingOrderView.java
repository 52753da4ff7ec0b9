package io.quantplug.web.session;

import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.StopOrder;

import java.math.BigDecimal;

/**
 * A working order as the API shows it.
 *
 * @param clientOrderId the client order id
 * @param instrument    the instrument, {@code SYMBOL.VENUE}
 * @param side          {@code BUY} or {@code SELL}
 * @param type          {@code MARKET}, {@code LIMIT} or {@code STOP}
 * @param quantity      base units, or null for a market order sized in quote units
 * @param price         the limit or stop price, quote per base, or null for a market order
 * @param timeInForce   how long it works
 */
public record WorkingOrderView(String clientOrderId, String instrument, String side, String type,
                               BigDecimal quantity, BigDecimal price, String timeInForce) {

    /**
     * The view of an order.
     *
     * @param order the order
     * @return its view
     */
    static WorkingOrderView of(Order order) {
        BigDecimal quantity = null;
        BigDecimal price = null;
        String type = "MARKET";
        if (order instanceof LimitOrder l) {
            type = "LIMIT";
            quantity = l.quantity();
            price = l.limitPrice();
        } else if (order instanceof StopOrder s) {
            type = "STOP";
            quantity = s.quantity();
            price = s.stopPrice();
        } else if (order instanceof MarketOrder m && m.size() instanceof OrderSize.Base b) {
            quantity = b.quantity();
        }
        return new WorkingOrderView(order.clientOrderId().value(), order.instrument().toString(), order.side().name(),
                type, quantity, price, order.timeInForce().name());
    }
}
