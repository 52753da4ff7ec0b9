package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;

import java.math.BigDecimal;

/**
 * The bar-based fill rules of the simulated venue, for an order that was working before the bar opened.
 *
 * <ul>
 *   <li>Market: at the bar's open, plus slippage (taker).</li>
 *   <li>Limit buy at {@code L}: at the open when the bar opens at or below {@code L} (taker), else at {@code L}
 *       when the low reaches it (maker). Sells mirror this with the high. IOC and FOK limits only fill at the
 *       open.</li>
 *   <li>Stop buy at {@code S}: at the open when the bar opens at or above {@code S}, else at {@code S} when the
 *       high reaches it; plus slippage (taker). Sells mirror this with the low.</li>
 * </ul>
 *
 * @param price     execution price on the tick grid
 * @param liquidity maker or taker
 */
record FillPrice(BigDecimal price, Liquidity liquidity) {

    /**
     * Decides whether and at what price an order fills on a bar.
     *
     * @param order      a working order, rounded to the instrument
     * @param bar        the first bar after the order was accepted, or a later one
     * @param instrument the order's instrument
     * @param slippage   the slippage model for taker fills
     * @return the fill price, or null when the bar does not reach the order
     */
    static FillPrice on(Order order, Bar bar, Instrument instrument, SlippageModel slippage) {
        BigDecimal open = instrument.toTickPrice(bar.open());
        Side side = order.side();
        if (order instanceof MarketOrder) {
            return new FillPrice(slippage.apply(open, side, instrument), Liquidity.TAKER);
        }
        if (order instanceof LimitOrder limit) {
            BigDecimal l = limit.limitPrice();
            boolean immediateOnly = limit.timeInForce() == TimeInForce.IOC || limit.timeInForce() == TimeInForce.FOK;
            if (side == Side.BUY ? open.compareTo(l) <= 0 : open.compareTo(l) >= 0) {
                return new FillPrice(open, Liquidity.TAKER);
            }
            if (immediateOnly) {
                return null;
            }
            double touch = side == Side.BUY ? bar.low() : bar.high();
            BigDecimal extreme = instrument.toTickPrice(touch);
            boolean reached = side == Side.BUY ? extreme.compareTo(l) <= 0 : extreme.compareTo(l) >= 0;
            return reached ? new FillPrice(l, Liquidity.MAKER) : null;
        }
        StopOrder stop = (StopOrder) order;
        BigDecimal s = stop.stopPrice();
        if (side == Side.BUY ? open.compareTo(s) >= 0 : open.compareTo(s) <= 0) {
            return new FillPrice(slippage.apply(open, side, instrument), Liquidity.TAKER);
        }
        double touch = side == Side.BUY ? bar.high() : bar.low();
        BigDecimal extreme = instrument.toTickPrice(touch);
        boolean triggered = side == Side.BUY ? extreme.compareTo(s) >= 0 : extreme.compareTo(s) <= 0;
        return triggered ? new FillPrice(slippage.apply(s, side, instrument), Liquidity.TAKER) : null;
    }
}
