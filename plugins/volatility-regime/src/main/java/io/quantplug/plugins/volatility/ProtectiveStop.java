package io.quantplug.plugins.volatility;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Keeps one stop-market order working for the strategy's position: a sell stop below a long, a buy stop above a
 * short, for the whole quantity, at
 * <pre>
 *   stop = entry - multiple x sigma x entry   (long)      stop = entry + multiple x sigma x entry   (short)
 * </pre>
 * {@code entry} the position's average entry price and {@code sigma} the one-step forecast of the log-return
 * volatility when the position opens ({@code sigma x entry} is the first-order price move of a one-sigma log
 * return). The level is rounded away from the market to the tick (down for a sell stop, up for a buy stop), as the
 * venue would round it, and is fixed for the life of the position (no trailing). A position whose stop the venue or a
 * risk rule refuses is left without one (logged); a level at or below zero is not placed.
 *
 * <p>Not thread-safe: the strategy's callbacks.
 */
final class ProtectiveStop {

    private final StrategyContext context;
    private final double multiple;
    private ClientOrderId id;
    private BigDecimal quantity;
    private BigDecimal price;
    private int positionSign;
    private boolean refused;

    ProtectiveStop(StrategyContext context, double multiple) {
        this.context = context;
        this.multiple = multiple;
    }

    /**
     * The stop level for a new position.
     *
     * @param sign  +1 long, -1 short
     * @param entry the entry price
     * @param sigma the log-return volatility per bar
     * @return the level on the tick grid, or null when sigma is unknown or the level is not positive
     */
    BigDecimal level(int sign, BigDecimal entry, double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            return null;
        }
        BigDecimal distance = BigDecimal.valueOf(multiple * sigma * entry.doubleValue());
        BigDecimal raw = sign > 0 ? entry.subtract(distance) : entry.add(distance);
        BigDecimal p = context.instrument().roundPrice(raw, sign > 0 ? RoundingMode.DOWN : RoundingMode.UP);
        return p.signum() > 0 ? p : null;
    }

    /**
     * Makes the working stop match the position: none when flat; for a new position a new level and a stop for the
     * whole quantity; a stop of the new quantity when the quantity changed.
     *
     * @param position the signed position, base units
     * @param entry    its average entry price
     * @param sigma    the current one-step volatility forecast, per bar
     */
    void sync(BigDecimal position, BigDecimal entry, double sigma) {
        int sign = position.signum();
        if (sign != positionSign) {
            cancel();
            positionSign = sign;
            price = null;
            refused = false;
        }
        if (sign == 0 || refused) {
            return;
        }
        if (price == null) {
            price = level(sign, entry, sigma);
            if (price == null) {
                context.logger().log(System.Logger.Level.WARNING, "no stop for the position of " + position
                        + " at " + entry + ": volatility forecast " + sigma);
                return;
            }
        }
        BigDecimal size = position.abs();
        if (id != null && size.compareTo(quantity) == 0) {
            return;
        }
        cancel();
        id = context.nextClientOrderId();
        quantity = size;
        context.submit(new StopOrder(id, context.instrument().id(), sign > 0 ? Side.SELL : Side.BUY, size, price,
                TimeInForce.GTC));
    }

    /** Cancels the working stop, if any. */
    void cancel() {
        if (id != null) {
            ClientOrderId working = id;
            id = null;
            context.cancel(working);
        }
    }

    /** Forgets the stop when it is no longer working. */
    void onEvent(OrderEvent event) {
        if (id == null || !event.clientOrderId().equals(id)) {
            return;
        }
        if (event instanceof OrderRejected r) {
            refused = true;
            context.logger().log(System.Logger.Level.WARNING, "stop " + id + " at " + price + " refused: "
                    + r.reason().code() + " " + r.reason().message());
        }
        if (event instanceof OrderFilled || event instanceof OrderCanceled || event instanceof OrderExpired
                || event instanceof OrderRejected) {
            id = null;
        }
    }

    /** @return the level of the current position's stop, or null */
    BigDecimal price() {
        return price;
    }

    /** @return the working stop's id, or null */
    ClientOrderId id() {
        return id;
    }

    void writeTo(Map<String, String> out) {
        out.put("stopId", id == null ? "" : id.value());
        out.put("stopQuantity", quantity == null ? "" : quantity.toPlainString());
        out.put("stopPrice", price == null ? "" : price.toPlainString());
        out.put("stopPositionSign", Integer.toString(positionSign));
        out.put("stopRefused", Boolean.toString(refused));
    }

    void readFrom(Map<String, String> in) {
        String i = SnapshotValues.text(in, "stopId");
        String q = SnapshotValues.text(in, "stopQuantity");
        String p = SnapshotValues.text(in, "stopPrice");
        ClientOrderId readId = i.isEmpty() ? null : new ClientOrderId(i);
        BigDecimal readQuantity = q.isEmpty() ? null : new BigDecimal(q);
        BigDecimal readPrice = p.isEmpty() ? null : new BigDecimal(p);
        int sign = (int) SnapshotValues.whole(in, "stopPositionSign");
        boolean readRefused = Boolean.parseBoolean(SnapshotValues.text(in, "stopRefused"));
        id = readId;
        quantity = readQuantity;
        price = readPrice;
        positionSign = sign;
        refused = readRefused;
    }
}
