package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quantplug.runtime.internal.venue.BookFixtures.book;
import static io.quantplug.runtime.internal.venue.BookFixtures.levels;
import static io.quantplug.runtime.internal.venue.BookFixtures.trade;
import static io.quantplug.runtime.internal.venue.VenueFixtures.BTC;
import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.T0;
import static io.quantplug.runtime.internal.venue.VenueFixtures.bar;
import static io.quantplug.runtime.internal.venue.VenueFixtures.id;
import static io.quantplug.runtime.internal.venue.VenueFixtures.limit;
import static io.quantplug.runtime.internal.venue.VenueFixtures.market;
import static io.quantplug.runtime.internal.venue.VenueFixtures.stop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest of the book venue's rules: a book that crosses a resting order fills it, a stop walks the book when a
 * trade reaches it, DAY orders expire with the UTC day, reduce-only orders are canceled when flat, bars do nothing,
 * and the session's queries see working orders. Fees maker 2, taker 5 bps; figures worked out in comments.
 */
class BookVenueRestingTest {

    private static BookFixtures.BookRig rig() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE,
                new RiskAverseQueueModel());
        rig.venue.onBook(book(0, levels(99.00, 1.0), levels(100.00, 0.5, 100.50, 1.0)));
        return rig;
    }

    @Test
    void aBookWhoseBestAskReachesARestingBuyFillsItAsMaker() {
        BookFixtures.BookRig rig = rig();
        rig.venue.submit(limit("l", Side.BUY, "1", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, null, false);
        rig.venue.onBook(book(1_050, levels(99.00, 1.0), levels(99.80, 1.0)));
        assertThat(rig.recorder.events).isEmpty();
        // a seller now offers at 99.50, the buy's price: it would have hit the resting buy
        rig.venue.onBook(book(1_100, levels(99.00, 1.0), levels(99.50, 0.3)));
        OrderFilled f = rig.recorder.of(OrderFilled.class).get(0);
        // 1 x 99.50, maker fee 0.0199
        assertThat(f.fill().price()).isEqualByComparingTo("99.50");
        assertThat(f.fill().fee()).isEqualByComparingTo("0.0199");
        assertThat(f.fill().liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(f.complete()).isTrue();
    }

    @Test
    void aStopWaitsForATradeAtItsStopThenWalksTheBookAsTaker() {
        BookFixtures.BookRig rig = rig();
        rig.venue.submit(stop("s", Side.BUY, "1", "100.20"), 100.0, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(1_100, 100.10, 0.1, Side.BUY));
        assertThat(rig.recorder.events).isEmpty();
        rig.venue.onTrade(trade(1_200, 100.20, 0.1, Side.BUY));
        // 0.5 @ 100.00 (fee 50.00 x 0.0005 = 0.025), 0.5 @ 100.50 (fee 50.25 x 0.0005 = 0.025125), at 1,200
        List<OrderFilled> fills = rig.recorder.of(OrderFilled.class);
        assertThat(fills).extracting(f -> f.fill().price().toPlainString()).containsExactly("100.00", "100.50");
        assertThat(fills).extracting(f -> f.fill().fee().stripTrailingZeros().toPlainString())
                .containsExactly("0.025", "0.025125");
        assertThat(fills.get(1).fill().timeMillis()).isEqualTo(T0 + 1_200);
        assertThat(fills.get(1).complete()).isTrue();
    }

    @Test
    void aDayOrderExpiresAtTheFirstEventOfTheNextUtcDay() {
        BookFixtures.BookRig rig = rig();
        rig.venue.submit(limit("d", Side.BUY, "1", "99.50", TimeInForce.DAY), 99.5, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(86_399_999, 100.00, 0.1, Side.BUY));
        assertThat(rig.recorder.events).isEmpty();
        rig.venue.onTrade(trade(86_400_000, 100.00, 0.1, Side.BUY));
        assertThat(rig.recorder.events).singleElement().isInstanceOf(OrderExpired.class)
                .satisfies(e -> assertThat(e.timeMillis()).isEqualTo(T0 + 86_400_000));
    }

    @Test
    void aReduceOnlyOrderIsCanceledWhenThereIsNoPositionToReduce() {
        BookFixtures.BookRig rig = rig();
        rig.venue.submit(market("r", Side.SELL, "1"), 100.0, T0 + 1_000, null, true);
        rig.venue.onTrade(trade(1_100, 100.00, 0.1, Side.BUY));
        assertThat(rig.recorder.events).singleElement().isInstanceOf(OrderCanceled.class);
    }

    @Test
    void barsDoNothingAndTheSessionSeesWhatIsWorking() {
        BookFixtures.BookRig rig = rig();
        rig.venue.submit(limit("l", Side.BUY, "1", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, "owner", false);
        rig.venue.onBar(bar(1, 90, 110, 80, 95));
        assertThat(rig.recorder.events).isEmpty();
        assertThat(rig.venue.ownerOf(id("l"))).isEqualTo("owner");
        assertThat(rig.venue.hasWorking(BTC, Side.BUY)).isTrue();
        assertThat(rig.venue.hasWorking(BTC, Side.SELL)).isFalse();
        // 1 x 99.50 x (1 + 0.0005) = 99.549750
        assertThat(rig.venue.reservedCash()).isEqualByComparingTo("99.54975");
        assertThat(rig.venue.cancelAll(T0 + 2_000)).singleElement()
                .satisfies(c -> assertThat(c.owner()).isEqualTo("owner"));
        assertThat(rig.venue.workingCount()).isZero();
    }

    @Test
    void refusesAnInstrumentItDoesNotTrade() {
        BookFixtures.BookRig rig = rig();
        MarketOrder other = new MarketOrder(id("x"), InstrumentId.of("ETHUSDT", "SIM"), Side.BUY,
                OrderSize.base(VenueFixtures.d("1")));
        assertThat(rig.venue.submit(other, 100, T0, null, false)).isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason().code()).isEqualTo("UNKNOWN_INSTRUMENT"));
    }

    @Test
    void aRestingBuyTheCashNoLongerPaysForIsRefusedWhenItWouldFill() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "150", VenueLatency.NONE,
                new RiskAverseQueueModel());
        rig.venue.onBook(book(0, levels(99.00, 1.0), levels(100.00, 0.5, 100.50, 1.0)));
        rig.venue.submit(limit("l", Side.BUY, "1", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, null, false);
        rig.venue.submit(market("m", Side.BUY, "0.6"), 100.0, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(1_100, 100.00, 0.1, Side.BUY));
        // the market buy: 0.5 x 100.00 + 0.1 x 100.50 = 60.05, fees 0.025 + 0.005025; cash 150 - 60.080025
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("89.919975");
        // a seller's 1 at 99.50 reaches the resting buy: 99.50 + maker fee 0.0199 = 99.5199 > 89.919975
        rig.venue.onTrade(trade(1_200, 99.50, 1.0, Side.SELL));
        assertThat(rig.recorder.of(OrderRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.reason().code()).isEqualTo("INSUFFICIENT_FUNDS"))
                .satisfies(r -> assertThat(r.reason().message()).contains("99.5199").contains("89.919975"));
        assertThat(rig.venue.workingCount()).isZero();
    }
}
