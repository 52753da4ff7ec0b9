package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.quantplug.runtime.internal.venue.BookFixtures.book;
import static io.quantplug.runtime.internal.venue.BookFixtures.levels;
import static io.quantplug.runtime.internal.venue.BookFixtures.trade;
import static io.quantplug.runtime.internal.venue.VenueFixtures.PERP;
import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.T0;
import static io.quantplug.runtime.internal.venue.VenueFixtures.limit;
import static io.quantplug.runtime.internal.venue.VenueFixtures.market;
import static io.quantplug.runtime.internal.venue.VenueFixtures.marketQuote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking liquidity at the book venue: market and marketable limit orders walk the opposite side level by level, the
 * visible book's end expires the rest, IOC and FOK end at once, maker and taker fees differ, and funds are checked
 * before anything fills. Fees: maker 2 bps (0.0002), taker 5 bps (0.0005); every figure is worked out in comments.
 */
class BookVenueTakingTest {

    /** Asks 100.00 x 0.5, 100.50 x 1.0, 101.00 x 2.0; bid 99.50 x 1.0. */
    private static void threeAskLevels(BookVenue venue) {
        venue.onBook(book(0, levels(99.50, 1.0), levels(100.00, 0.5, 100.50, 1.0, 101.00, 2.0)));
    }

    private static void assertFill(OrderFilled f, String price, String qty, String fee, Liquidity liquidity,
                                   String remaining) {
        Fill fill = f.fill();
        assertThat(fill.price()).isEqualByComparingTo(price);
        assertThat(fill.quantity()).isEqualByComparingTo(qty);
        assertThat(fill.fee()).isEqualByComparingTo(fee);
        assertThat(fill.liquidity()).isEqualTo(liquidity);
        assertThat(f.remainingQuantity()).isEqualByComparingTo(remaining);
    }

    @Test
    void marketBuyWalksThreeLevelsOneFillPerLevelAtTheBookAsItStoodOnArrival() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE,
                new RiskAverseQueueModel());
        threeAskLevels(rig.venue);
        assertThat(rig.venue.submit(market("m", Side.BUY, "2.0"), 100.0, T0 + 1_000, null, false))
                .isInstanceOf(OrderAccepted.class);
        assertThat(rig.recorder.events).isEmpty();
        // the next event (a new book at 2,000) finds the order arrived at 1,000: it walks the book of time 0
        rig.venue.onBook(book(2_000, levels(99.50, 1.0), levels(102.00, 5.0)));

        List<OrderFilled> fills = rig.recorder.of(OrderFilled.class);
        assertThat(fills).hasSize(3);
        // 0.5 x 100.00 = 50.00, fee 50.00 x 0.0005 = 0.025; 1.5 left
        assertFill(fills.get(0), "100.00", "0.5", "0.025", Liquidity.TAKER, "1.5");
        // 1.0 x 100.50 = 100.50, fee 0.05025; 0.5 left
        assertFill(fills.get(1), "100.50", "1.0", "0.05025", Liquidity.TAKER, "0.5");
        // 0.5 x 101.00 = 50.50, fee 0.02525; complete
        assertFill(fills.get(2), "101.00", "0.5", "0.02525", Liquidity.TAKER, "0");
        assertThat(fills.get(0).complete()).isFalse();
        assertThat(fills.get(1).complete()).isFalse();
        assertThat(fills.get(2).complete()).isTrue();
        assertThat(fills).allSatisfy(f -> assertThat(f.fill().timeMillis()).isEqualTo(T0 + 1_000));
        // average price (50.00 + 100.50 + 50.50) / 2.0 = 201.00 / 2 = 100.50
        BigDecimal notional = fills.stream().map(f -> f.fill().notional()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(notional.divide(new BigDecimal("2.0"))).isEqualByComparingTo("100.50");
        // cash 1,000 - 201.00 - (0.025 + 0.05025 + 0.02525 = 0.1005) = 798.8995
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("798.8995");
        assertThat(rig.venue.workingCount()).isZero();
    }

    @Test
    void whatTheVisibleBookCannotFillExpiresAfterTheLastFill() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(PERP, "1000", VenueLatency.NONE,
                new RiskAverseQueueModel());
        rig.venue.onBook(book(0, levels(99.50, 1.0, 99.00, 0.5), levels(100.00, 1.0)));
        rig.venue.submit(market("s", Side.SELL, "3.0"), 100.0, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(1_500, 100.00, 0.1, Side.BUY));

        List<OrderFilled> fills = rig.recorder.of(OrderFilled.class);
        // 1.0 x 99.50, fee 99.50 x 0.0005 = 0.04975, 2.0 left; 0.5 x 99.00, fee 49.50 x 0.0005 = 0.02475, 1.5 left
        assertThat(fills).hasSize(2);
        assertFill(fills.get(0), "99.50", "1.0", "0.04975", Liquidity.TAKER, "2.0");
        assertFill(fills.get(1), "99.00", "0.5", "0.02475", Liquidity.TAKER, "1.5");
        assertThat(rig.recorder.events.get(2)).isInstanceOf(OrderExpired.class);
        assertThat(rig.recorder.events.get(2).timeMillis()).isEqualTo(T0 + 1_000);
        assertThat(rig.recorder.events).hasSize(3);
        // short 1.5 on the perpetual
        assertThat(rig.portfolio.position(PERP.id()).quantity()).isEqualByComparingTo("-1.5");
    }

    @Test
    void immediateOrCancelTakesUpToItsLimitAndExpiresTheRestFillOrKillTakesNothing() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE,
                new RiskAverseQueueModel());
        threeAskLevels(rig.venue);
        rig.venue.submit(limit("ioc", Side.BUY, "2.0", "100.50", TimeInForce.IOC), 100.0, T0 + 1_000, null, false);
        rig.venue.submit(limit("fok", Side.BUY, "2.0", "100.50", TimeInForce.FOK), 100.0, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(1_500, 100.00, 0.1, Side.BUY));

        // IOC: 0.5 @ 100.00 (1.5 left), 1.0 @ 100.50 (0.5 left); 101.00 is beyond the limit: the 0.5 expires
        List<OrderFilled> fills = rig.recorder.of(OrderFilled.class);
        assertThat(fills).hasSize(2);
        assertFill(fills.get(0), "100.00", "0.5", "0.025", Liquidity.TAKER, "1.5");
        assertFill(fills.get(1), "100.50", "1.0", "0.05025", Liquidity.TAKER, "0.5");
        // FOK: only 1.5 of 2.0 is there up to 100.50, so nothing fills (the book is not changed by the IOC's fills)
        List<OrderExpired> expired = rig.recorder.of(OrderExpired.class);
        assertThat(expired).extracting(e -> e.clientOrderId().value()).containsExactly("ioc", "fok");
        assertThat(rig.venue.workingCount()).isZero();
    }

    @Test
    void aMarketableLimitTakesAsTakerThenRestsAndFillsAsMaker() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE,
                new RiskAverseQueueModel());
        rig.venue.onBook(book(0, levels(99.50, 1.0), levels(100.00, 0.5, 100.50, 1.0)));
        rig.venue.submit(limit("l", Side.BUY, "1.5", "100.00", TimeInForce.GTC), 100.0, T0 + 1_000, null, false);
        // arrival: takes 0.5 @ 100.00, taker fee 50.00 x 0.0005 = 0.025; 1.0 rests at 100.00 where no bid rests
        // (queue ahead 0). The replayed book still shows the ask it took: no second fill from that.
        rig.venue.onBook(book(1_500, levels(99.50, 1.0), levels(100.00, 0.5, 100.50, 1.0)));
        // a buyer's trade at its price does not touch a resting buy
        rig.venue.onTrade(trade(1_800, 100.00, 5.0, Side.BUY));
        // a seller's 0.4 at 100.00: nothing ahead, so 0.4 fills, maker fee 40.00 x 0.0002 = 0.008; 0.6 left
        rig.venue.onTrade(trade(2_000, 100.00, 0.4, Side.SELL));
        // a seller's trade at 99.90, through the buy's limit: the remaining 0.6 fills at 100.00, fee 60 x 0.0002
        rig.venue.onTrade(trade(2_500, 99.90, 0.2, Side.SELL));

        List<OrderFilled> fills = rig.recorder.of(OrderFilled.class);
        assertThat(fills).hasSize(3);
        assertFill(fills.get(0), "100.00", "0.5", "0.025", Liquidity.TAKER, "1.0");
        assertFill(fills.get(1), "100.00", "0.4", "0.008", Liquidity.MAKER, "0.6");
        assertFill(fills.get(2), "100.00", "0.6", "0.012", Liquidity.MAKER, "0");
        assertThat(fills.get(1).fill().timeMillis()).isEqualTo(T0 + 2_000);
        // cash 1,000 - 150.00 - (0.025 + 0.008 + 0.012) = 849.955
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("849.955");
    }

    @Test
    void aQuoteSizedBuySpendsItsAmountIncludingTheTakerFeeAcrossLevels() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE,
                new RiskAverseQueueModel());
        rig.venue.onBook(book(0, levels(99.50, 1.0), levels(100.00, 0.5, 100.50, 1.0)));
        rig.venue.submit(marketQuote("q", "120"), 100.0, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(1_500, 100.00, 0.1, Side.BUY));

        List<OrderFilled> fills = rig.recorder.of(OrderFilled.class);
        assertThat(fills).hasSize(2);
        // level 1: 120 / (100.00 x 1.0005) = 1.1994 -> capped at the level's 0.5; spends 50.00 + 0.025 = 50.025
        // level 2: 69.975 / (100.50 x 1.0005 = 100.550250) = 0.69592 -> 0.695 lots; 0.695 x 100.50 = 69.8475,
        //          fee 69.8475 x 0.0005 = 0.03492375; 0.09257625 left buys no lot: complete
        assertFill(fills.get(0), "100.00", "0.5", "0.025", Liquidity.TAKER, "0.695");
        assertFill(fills.get(1), "100.50", "0.695", "0.03492375", Liquidity.TAKER, "0");
        // spent 50.025 + 69.8475 + 0.03492375 = 119.90742375 of the 120
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("880.09257625");
    }

    @Test
    void aWalkTheCashCannotPayOrASpotSellBeyondTheBalanceIsRefusedBeforeAnythingFills() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "150", VenueLatency.NONE,
                new RiskAverseQueueModel());
        threeAskLevels(rig.venue);
        rig.venue.submit(market("b", Side.BUY, "2.0"), 100.0, T0 + 1_000, null, false);
        rig.venue.submit(market("s", Side.SELL, "1.0"), 100.0, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(1_500, 100.00, 0.1, Side.BUY));

        // the walk of 2.0 costs 201.00 + 0.1005 = 201.1005 > 150 cash; the spot balance is 0 BTC
        List<OrderRejected> refused = rig.recorder.of(OrderRejected.class);
        assertThat(refused).extracting(r -> r.reason().code())
                .containsExactly("INSUFFICIENT_FUNDS", "INSUFFICIENT_BALANCE");
        assertThat(refused).allSatisfy(r -> assertThat(r.reason().source()).isEqualTo(RejectSource.VENUE));
        assertThat(refused.get(0).reason().message()).contains("201.1005").contains("cash is 150");
        assertThat(rig.recorder.of(OrderFilled.class)).isEmpty();
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("150");
    }

    @Test
    void levelPricesRoundToTheTickAndQuantitiesDownToTheLot() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE,
                new RiskAverseQueueModel());
        // tick 0.01, lot 0.001: 100.004 -> 100.00 and 0.5004 -> 0.500; 0.0009 is less than a lot (no fill there);
        // 100.505 -> 100.51 (half up)
        rig.venue.onBook(book(0, levels(99.50, 1.0), levels(100.004, 0.5004, 100.20, 0.0009, 100.505, 2.0)));
        rig.venue.submit(market("m", Side.BUY, "1"), 100.0, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(1_500, 100.00, 0.1, Side.BUY));

        List<OrderFilled> fills = rig.recorder.of(OrderFilled.class);
        // 0.5 x 100.00 = 50.00, fee 0.025; 0.5 x 100.51 = 50.255, fee 0.0251275
        assertThat(fills).hasSize(2);
        assertFill(fills.get(0), "100.00", "0.500", "0.025", Liquidity.TAKER, "0.500");
        assertFill(fills.get(1), "100.51", "0.500", "0.0251275", Liquidity.TAKER, "0");
    }

    @Test
    void aQuoteSizedBuyWhoseCashPaysForNoLotIsRefused() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "0.05", VenueLatency.NONE,
                new RiskAverseQueueModel());
        threeAskLevels(rig.venue);
        rig.venue.submit(marketQuote("q", "50"), 100.0, T0 + 1_000, null, false);
        rig.venue.onTrade(trade(1_500, 100.00, 0.1, Side.BUY));
        // 0.05 / (100.00 x 1.0005) = 0.00049975 < one lot of 0.001
        assertThat(rig.recorder.of(OrderRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.reason().code()).isEqualTo("INSUFFICIENT_FUNDS"))
                .satisfies(r -> assertThat(r.reason().message()).contains("cash 0.05"));
    }
}
