package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.quantplug.runtime.internal.venue.VenueFixtures.BTC;
import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.T0;
import static io.quantplug.runtime.internal.venue.VenueFixtures.d;
import static io.quantplug.runtime.internal.venue.VenueFixtures.id;
import static io.quantplug.runtime.internal.venue.VenueFixtures.limit;
import static io.quantplug.runtime.internal.venue.VenueFixtures.market;
import static io.quantplug.runtime.internal.venue.VenueFixtures.marketQuote;
import static io.quantplug.runtime.internal.venue.VenueFixtures.stop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders are rounded to the instrument when the venue accepts them (tick 0.01, lot 0.001, minimum quantity 0.002,
 * minimum notional 10), never towards a more aggressive order, and refused with a VALIDATION reason when they
 * cannot be placed.
 */
class OrderRoundingTest {

    private final VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "100000", "0", "0");

    private Order accepted(Order order) {
        OrderEvent e = rig.venue.submit(order, 100.0, T0);
        assertThat(e).isInstanceOf(OrderAccepted.class);
        return rig.venue.workingOrder(order.clientOrderId());
    }

    private OrderRejected rejected(Order order, double referencePrice) {
        OrderEvent e = rig.venue.submit(order, referencePrice, T0);
        assertThat(e).isInstanceOf(OrderRejected.class);
        assertThat(rig.venue.workingCount()).isZero();
        OrderRejected r = (OrderRejected) e;
        assertThat(r.reason().source()).isEqualTo(RejectSource.VALIDATION);
        assertThat(r.timeMillis()).isEqualTo(T0);
        return r;
    }

    @Test
    void quantityRoundsDownToTheLotSize() {
        // 0.2129 -> 0.212 (never more than asked)
        MarketOrder m = (MarketOrder) accepted(market("m", Side.BUY, "0.2129"));
        assertThat(((OrderSize.Base) m.size()).quantity()).isEqualByComparingTo("0.212");
        LimitOrder l = (LimitOrder) accepted(limit("l", Side.SELL, "0.2129", "100", TimeInForce.GTC));
        assertThat(l.quantity()).isEqualByComparingTo("0.212");
    }

    @Test
    void buyLimitRoundsDownAndSellLimitRoundsUpToTheTick() {
        // a buy limit at 100.129 becomes 100.12 (pay no more than asked)
        assertThat(((LimitOrder) accepted(limit("b", Side.BUY, "1", "100.129", TimeInForce.GTC))).limitPrice())
                .isEqualByComparingTo("100.12");
        // a sell limit at 100.121 becomes 100.13 (receive no less than asked)
        assertThat(((LimitOrder) accepted(limit("s", Side.SELL, "1", "100.121", TimeInForce.GTC))).limitPrice())
                .isEqualByComparingTo("100.13");
    }

    @Test
    void buyStopRoundsUpAndSellStopRoundsDownToTheTick() {
        // a buy stop at 100.121 becomes 100.13 (triggers no earlier than asked)
        assertThat(((StopOrder) accepted(stop("b", Side.BUY, "1", "100.121"))).stopPrice())
                .isEqualByComparingTo("100.13");
        // a sell stop at 100.129 becomes 100.12
        assertThat(((StopOrder) accepted(stop("s", Side.SELL, "1", "100.129"))).stopPrice())
                .isEqualByComparingTo("100.12");
    }

    @Test
    void quantityThatRoundsToZeroIsRefusedBelowLotSize() {
        // 0.0009 -> 0 lots
        assertThat(rejected(market("m", Side.BUY, "0.0009"), 100).reason().code())
                .isEqualTo("QUANTITY_BELOW_LOT_SIZE");
    }

    @Test
    void quantityBelowTheMinimumIsRefused() {
        // 0.0019 -> 0.001 < minimum 0.002 (notional 0.001 * 20,000 = 20 would pass the notional check)
        assertThat(rejected(market("m", Side.BUY, "0.0019"), 20_000).reason().code())
                .isEqualTo("QUANTITY_BELOW_MINIMUM");
    }

    @Test
    void notionalBelowTheMinimumIsRefused() {
        // limit: 0.09 * 100 = 9 < 10
        assertThat(rejected(limit("l", Side.BUY, "0.09", "100", TimeInForce.GTC), 100).reason().code())
                .isEqualTo("NOTIONAL_BELOW_MINIMUM");
        // stop: 0.099 * 100 = 9.9 < 10
        assertThat(rejected(stop("s", Side.SELL, "0.099", "100"), 100).reason().code())
                .isEqualTo("NOTIONAL_BELOW_MINIMUM");
        // market: 0.099 at the reference price 100 = 9.9 < 10
        assertThat(rejected(market("m", Side.SELL, "0.099"), 100).reason().code())
                .isEqualTo("NOTIONAL_BELOW_MINIMUM");
        // quote amount 9.99 < 10
        assertThat(rejected(marketQuote("q", "9.99"), 100).reason().code()).isEqualTo("NOTIONAL_BELOW_MINIMUM");
    }

    @Test
    void notionalAtTheMinimumIsAccepted() {
        // 0.1 * 100 = 10, not below 10
        accepted(limit("l", Side.BUY, "0.1", "100", TimeInForce.GTC));
    }

    @Test
    void limitPriceThatRoundsToZeroIsRefusedNotThrown() {
        // With no minimum notional, a buy limit at 0.004 rounds down to 0.00: refused as a value, not an exception.
        Instrument noMinimum = new Instrument(BTC, "BTC", "USDT", d("0.01"), d("0.001"), d("0.001"),
                BigDecimal.ZERO, InstrumentKind.SPOT);
        VenueFixtures.Rig free = new VenueFixtures.Rig(noMinimum, "1000", "0", "0");
        OrderEvent e = free.venue.submit(new LimitOrder(id("l"), BTC, Side.BUY, d("1"), d("0.004"),
                TimeInForce.GTC), 100, T0);
        assertThat(e).isInstanceOf(OrderRejected.class);
        OrderRejected r = (OrderRejected) e;
        assertThat(r.reason().source()).isEqualTo(RejectSource.VALIDATION);
        assertThat(r.reason().code()).isEqualTo("PRICE_BELOW_TICK");
        // a sell stop at 0.009 rounds down to 0.00 the same way
        OrderEvent s = free.venue.submit(new StopOrder(id("s"), BTC, Side.SELL, d("1"), d("0.009"),
                TimeInForce.GTC), 100, T0);
        assertThat(((OrderRejected) s).reason().code()).isEqualTo("PRICE_BELOW_TICK");
    }

    @Test
    void unknownInstrumentIsRefused() {
        VenueFixtures.Rig other = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
        OrderEvent e = other.venue.submit(new MarketOrder(id("x"),
                io.quantplug.api.instrument.InstrumentId.of("ETHUSDT", "SIM"), Side.BUY, OrderSize.base(d("1"))),
                100, T0);
        assertThat(((OrderRejected) e).reason().code()).isEqualTo("UNKNOWN_INSTRUMENT");
    }
}
