package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds an order to its instrument at the order boundary and checks the instrument's minimums.
 *
 * <p>Quantities round down to the lot size (never trade more than asked). Limit prices round towards the passive
 * side (a buy limit down, a sell limit up) and stop prices away from the market (a buy stop up, a sell stop down),
 * so rounding never makes an order more aggressive than asked. A limit or stop price that rounds to zero is refused
 * with {@code PRICE_BELOW_TICK} rather than thrown.
 */
final class OrderRounding {

    private OrderRounding() {
    }

    /** The rounded order, or the reason it cannot be placed. */
    record Outcome(Order order, RejectReason rejection) {
    }

    static Outcome round(Order order, Instrument instrument, double referencePrice) {
        if (order instanceof MarketOrder m) {
            return roundMarket(m, instrument, referencePrice);
        }
        if (order instanceof LimitOrder l) {
            BigDecimal qty = instrument.roundQuantityDown(l.quantity());
            BigDecimal price = instrument.roundPrice(l.limitPrice(),
                    l.side() == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP);
            RejectReason r = price.signum() == 0 ? priceBelowTick(l.limitPrice(), instrument)
                    : checkMinimumsAt(qty, price, instrument);
            return new Outcome(r != null ? l
                    : new LimitOrder(l.clientOrderId(), l.instrument(), l.side(), qty, price, l.timeInForce()), r);
        }
        StopOrder s = (StopOrder) order;
        BigDecimal qty = instrument.roundQuantityDown(s.quantity());
        BigDecimal price = instrument.roundPrice(s.stopPrice(),
                s.side() == Side.BUY ? RoundingMode.UP : RoundingMode.DOWN);
        RejectReason r = price.signum() == 0 ? priceBelowTick(s.stopPrice(), instrument)
                : checkMinimumsAt(qty, price, instrument);
        return new Outcome(r != null ? s
                : new StopOrder(s.clientOrderId(), s.instrument(), s.side(), qty, price, s.timeInForce()), r);
    }

    private static Outcome roundMarket(MarketOrder m, Instrument instrument, double referencePrice) {
        if (m.size() instanceof OrderSize.Quote q) {
            if (q.notional().compareTo(instrument.minNotional()) < 0) {
                return new Outcome(m, reject("NOTIONAL_BELOW_MINIMUM", "order amount " + q.notional().toPlainString()
                        + " is below the minimum notional " + instrument.minNotional().toPlainString()));
            }
            return new Outcome(m, null);
        }
        BigDecimal asked = ((OrderSize.Base) m.size()).quantity();
        BigDecimal qty = instrument.roundQuantityDown(asked);
        BigDecimal ref = Double.isFinite(referencePrice) && referencePrice > 0
                ? instrument.toTickPrice(referencePrice) : null;
        RejectReason r = checkMinimumsAt(qty, ref, instrument);
        boolean unchanged = qty.equals(asked);
        return new Outcome(r != null || unchanged ? m
                : new MarketOrder(m.clientOrderId(), m.instrument(), m.side(), OrderSize.base(qty)), r);
    }

    /**
     * Checks quantity and notional minimums, given the notional already computed.
     *
     * @return null when the order passes
     */
    static RejectReason checkMinimums(BigDecimal qty, BigDecimal notional, Instrument instrument) {
        RejectReason r = checkQuantity(qty, instrument);
        if (r == null && notional.compareTo(instrument.minNotional()) < 0) {
            r = reject("NOTIONAL_BELOW_MINIMUM", "notional " + notional.toPlainString() + " is below the minimum "
                    + instrument.minNotional().toPlainString());
        }
        return r;
    }

    private static RejectReason checkQuantity(BigDecimal qty, Instrument instrument) {
        if (qty.signum() == 0) {
            return reject("QUANTITY_BELOW_LOT_SIZE", "quantity rounds to zero at lot size "
                    + instrument.lotSize().toPlainString());
        }
        if (qty.compareTo(instrument.minQuantity()) < 0) {
            return reject("QUANTITY_BELOW_MINIMUM", "quantity " + qty.toPlainString() + " is below the minimum "
                    + instrument.minQuantity().toPlainString());
        }
        return null;
    }

    /**
     * Checks quantity and notional minimums at a price.
     *
     * @return null when the order passes
     */
    static RejectReason checkMinimumsAt(BigDecimal qty, BigDecimal price, Instrument instrument) {
        RejectReason r = checkQuantity(qty, instrument);
        if (r == null && price != null) {
            r = checkMinimums(qty, qty.multiply(price), instrument);
        }
        return r;
    }

    private static RejectReason priceBelowTick(BigDecimal price, Instrument instrument) {
        return reject("PRICE_BELOW_TICK", "price " + price.toPlainString() + " rounds to zero at tick size "
                + instrument.tickSize().toPlainString());
    }

    static RejectReason reject(String code, String message) {
        return new RejectReason(RejectSource.VALIDATION, code, message, null);
    }
}
