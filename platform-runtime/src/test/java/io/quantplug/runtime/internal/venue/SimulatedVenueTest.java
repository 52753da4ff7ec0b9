package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quantplug.runtime.internal.venue.VenueFixtures.BTC;
import static io.quantplug.runtime.internal.venue.VenueFixtures.MINUTE;
import static io.quantplug.runtime.internal.venue.VenueFixtures.PERP;
import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.T0;
import static io.quantplug.runtime.internal.venue.VenueFixtures.bar;
import static io.quantplug.runtime.internal.venue.VenueFixtures.d;
import static io.quantplug.runtime.internal.venue.VenueFixtures.id;
import static io.quantplug.runtime.internal.venue.VenueFixtures.limit;
import static io.quantplug.runtime.internal.venue.VenueFixtures.market;
import static io.quantplug.runtime.internal.venue.VenueFixtures.marketQuote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated venue: orders wait for a later bar, fills carry fees and slippage, quote-sized buys never
 * overdraw, funds and balances are checked when the order would fill, and time in force ends orders. Every amount
 * below is worked out by hand in the comments.
 */
class SimulatedVenueTest {

    /** Accepted at the close of bar 0, i.e. at the open of bar 1. */
    private static final long CLOSE_OF_BAR_0 = T0 + MINUTE;

    private static Fill onlyFill(VenueFixtures.Recorder r) {
        assertThat(r.of(OrderFilled.class)).hasSize(1);
        OrderFilled f = r.of(OrderFilled.class).get(0);
        assertThat(f.complete()).isTrue();
        return f.fill();
    }

    @Test
    void marketOrderWaitsForTheNextBarAndFillsAtItsOpenWithSlippageAndFee() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "20000", "10", "10");
        assertThat(rig.venue.submit(market("m", Side.BUY, "0.5"), 19_000, CLOSE_OF_BAR_0))
                .isInstanceOf(OrderAccepted.class);
        assertThat(rig.recorder.events).isEmpty();
        assertThat(rig.venue.workingCount()).isEqualTo(1);

        rig.venue.onBar(bar(1, 20_000, 21_000, 19_500, 20_900));

        Fill fill = onlyFill(rig.recorder);
        // 20,000 * 1.001 = 20,020.00; notional 0.5 * 20,020 = 10,010; fee 10,010 * 0.001 = 10.01
        assertThat(fill.price()).isEqualByComparingTo("20020.00");
        assertThat(fill.quantity()).isEqualByComparingTo("0.5");
        assertThat(fill.fee()).isEqualByComparingTo("10.01");
        assertThat(fill.feeAsset()).isEqualTo("USDT");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(fill.timeMillis()).isEqualTo(T0 + MINUTE);
        // cash 20,000 - 10,010 - 10.01 = 9,979.99
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("9979.99");
        assertThat(rig.venue.workingCount()).isZero();
    }

    @Test
    void quoteSizedBuyConvertsAtTheFillPriceIncludingTheFee() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "10", "0");
        // sized at the reference price 240, filled at the next open 250
        rig.venue.submit(marketQuote("q", "1000"), 240, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 250, 260, 245, 255));

        Fill fill = onlyFill(rig.recorder);
        // floor_lot(1000 / (250 * 1.001)) = floor_lot(3.996003996...) = 3.996
        assertThat(fill.price()).isEqualByComparingTo("250.00");
        assertThat(fill.quantity()).isEqualByComparingTo("3.996");
        // notional 3.996 * 250 = 999; fee 0.999; cash 1000 - 999 - 0.999 = 0.001
        assertThat(fill.fee()).isEqualByComparingTo("0.999");
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("0.001");
    }

    @Test
    void quoteSizedBuyWithSlippageConvertsAtTheSlippedPrice() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "10", "10");
        rig.venue.submit(marketQuote("q", "1000"), 240, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 250, 260, 245, 255));

        Fill fill = onlyFill(rig.recorder);
        // price 250 * 1.001 = 250.25; per unit with fee 250.25 * 1.001 = 250.50025;
        // 1000 / 250.50025 = 3.99201... -> 3.992
        assertThat(fill.price()).isEqualByComparingTo("250.25");
        assertThat(fill.quantity()).isEqualByComparingTo("3.992");
        // notional 3.992 * 250.25 = 998.998; fee 0.998998; cash 1000 - 999.996998 = 0.003002
        assertThat(fill.fee()).isEqualByComparingTo("0.998998");
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("0.003002");
    }

    @Test
    void quoteSizedBuyLargerThanTheCashIsCutToWhatTheCashAffords() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "500", "10", "0");
        rig.venue.submit(marketQuote("q", "1000"), 250, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 250, 260, 245, 255));

        Fill fill = onlyFill(rig.recorder);
        // 500 / (250 * 1.001) = 1.998001998 -> 1.998: cost 499.5 + 0.4995 = 499.9995 <= 500
        // (1.999 would cost 499.75 + 0.49975 = 500.24975 > 500)
        assertThat(fill.quantity()).isEqualByComparingTo("1.998");
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("0.0005");
        assertThat(rig.portfolio.cash().signum()).isNotNegative();
    }

    @Test
    void quoteSizedSellSellsTheAmountsWorthBeforeTheFeeWhichComesOutOfTheProceeds() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "0", "10", "0");
        hold(rig.portfolio, "10", "200");
        rig.venue.submit(new MarketOrder(id("qs"), BTC, Side.SELL, OrderSize.quote(d("1000"))), 250, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 250, 260, 245, 255));

        Fill fill = onlyFill(rig.recorder);
        // floor_lot(1000 / 250) = 4 (not 1000 / (250 * 1.001) = 3.996): proceeds 1000, fee 1
        assertThat(fill.quantity()).isEqualByComparingTo("4");
        assertThat(fill.fee()).isEqualByComparingTo("1");
    }

    @Test
    void quoteSizedBuyThatAffordsNoLotIsRefusedForInsufficientFunds() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "0.2", "10", "0");
        rig.venue.submit(marketQuote("q", "1000"), 250, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 250, 260, 245, 255));

        // one lot 0.001 * 250 * 1.001 = 0.25025 > 0.2
        OrderRejected r = rig.recorder.of(OrderRejected.class).get(0);
        assertThat(r.reason().source()).isEqualTo(RejectSource.VENUE);
        assertThat(r.reason().code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("0.2");
    }

    @Test
    void baseSizedBuyCostingMoreThanTheCashIsRefusedForInsufficientFunds() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "100", "10", "0");
        rig.venue.submit(market("m", Side.BUY, "1"), 99, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 100, 101, 99, 100));

        // 1 * 100 + fee 0.1 = 100.1 > 100
        assertThat(rig.recorder.of(OrderFilled.class)).isEmpty();
        OrderRejected r = rig.recorder.of(OrderRejected.class).get(0);
        assertThat(r.reason().source()).isEqualTo(RejectSource.VENUE);
        assertThat(r.reason().code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(r.timeMillis()).isEqualTo(T0 + MINUTE);
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("100");
        assertThat(rig.venue.workingCount()).isZero();
    }

    @Test
    void baseSizedBuyCostingExactlyTheCashFills() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "100.1", "10", "0");
        rig.venue.submit(market("m", Side.BUY, "1"), 99, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 100, 101, 99, 100));
        // 100 + 0.1 = 100.1 = cash
        onlyFill(rig.recorder);
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("0");
    }

    private static void hold(Portfolio p, String quantity, String price) {
        p.apply(new Fill(id("seed"), BTC, Side.BUY, d(price), d(quantity), d("0"), "USDT", Liquidity.TAKER, T0));
    }

    @Test
    void spotSellOfMoreThanThePositionIsRefusedForInsufficientBalance() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
        hold(rig.portfolio, "0.5", "100");
        rig.venue.submit(market("m", Side.SELL, "0.6"), 100, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 100, 101, 99, 100));

        OrderRejected r = rig.recorder.of(OrderRejected.class).get(0);
        assertThat(r.reason().source()).isEqualTo(RejectSource.VENUE);
        assertThat(r.reason().code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(rig.portfolio.position(BTC).quantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void spotSellOfTheWholePositionFills() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
        hold(rig.portfolio, "0.5", "100");
        rig.venue.submit(market("m", Side.SELL, "0.5"), 100, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 100, 101, 99, 100));
        onlyFill(rig.recorder);
        assertThat(rig.portfolio.position(BTC).isFlat()).isTrue();
    }

    @Test
    void perpetualSellOfMoreThanThePositionGoesShort() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(PERP, "1000", "0", "0");
        hold(rig.portfolio, "0.5", "100");
        rig.venue.submit(market("m", Side.SELL, "0.6"), 100, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 100, 101, 99, 100));
        onlyFill(rig.recorder);
        // 0.5 - 0.6 = -0.1
        assertThat(rig.portfolio.position(BTC).quantity()).isEqualByComparingTo("-0.1");
    }

    @Test
    void orderSubmittedFromAFillCallbackIsNotMatchedAgainstTheSameBar() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
        rig.recorder.then = (event, order) -> {
            if (event instanceof OrderFilled f && f.fill().side() == Side.BUY) {
                rig.venue.submit(market("exit", Side.SELL, "1"), 100, f.timeMillis());
            }
        };
        rig.venue.submit(market("entry", Side.BUY, "1"), 100, CLOSE_OF_BAR_0);

        rig.venue.onBar(bar(1, 100, 110, 90, 105));
        // the exit arrived while bar 1 was being matched: it waits
        assertThat(rig.recorder.of(OrderFilled.class)).hasSize(1);
        assertThat(rig.venue.workingOrder(id("exit"))).isNotNull();

        rig.venue.onBar(bar(2, 107, 108, 106, 107));
        OrderFilled exit = rig.recorder.of(OrderFilled.class).get(1);
        assertThat(exit.clientOrderId()).isEqualTo(id("exit"));
        assertThat(exit.fill().price()).isEqualByComparingTo("107");
        assertThat(exit.timeMillis()).isEqualTo(T0 + 2 * MINUTE);
    }

    @Test
    void restingLimitFillIsChargedTheMakerRate() {
        Portfolio p = new Portfolio("USDT", d("1000"));
        VenueFixtures.Recorder r = new VenueFixtures.Recorder(p);
        SimulatedVenue venue = new SimulatedVenue(Map.of(BTC, SPOT), new BpsFeeModel(d("2"), d("10")),
                new BpsSlippageModel(d("0")), p, r);
        venue.submit(limit("l", Side.BUY, "1", "100", TimeInForce.GTC), 101, CLOSE_OF_BAR_0);
        venue.onBar(bar(1, 101, 102, 99, 101));
        // maker at 100: fee 100 * 2 bps = 0.02
        Fill fill = onlyFill(r);
        assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(fill.fee()).isEqualByComparingTo("0.02");
    }

    @Test
    void immediateLimitNotFillableAtTheOpenExpires() {
        for (TimeInForce tif : new TimeInForce[] {TimeInForce.IOC, TimeInForce.FOK}) {
            VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
            rig.venue.submit(limit("l", Side.BUY, "1", "100", tif), 101, CLOSE_OF_BAR_0);
            // opens above the limit; the low would reach it, but the order does not rest
            rig.venue.onBar(bar(1, 101, 102, 99, 101));
            assertThat(rig.recorder.events).singleElement().isInstanceOf(OrderExpired.class);
            assertThat(rig.recorder.events.get(0).timeMillis()).isEqualTo(T0 + MINUTE);
            assertThat(rig.venue.workingCount()).isZero();
        }
    }

    @Test
    void restingLimitThatIsNotReachedKeepsWorking() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
        rig.venue.submit(limit("l", Side.BUY, "1", "100", TimeInForce.GTC), 101, CLOSE_OF_BAR_0);
        rig.venue.onBar(bar(1, 101, 102, 100.5, 101));
        rig.venue.onBar(bar(2, 101, 102, 100.5, 101));
        assertThat(rig.recorder.events).isEmpty();
        rig.venue.onBar(bar(3, 101, 102, 99.5, 101));
        assertThat(onlyFill(rig.recorder).price()).isEqualByComparingTo("100");
    }

    @Test
    void dayOrderExpiresAtTheFirstBarOfTheNextUtcDay() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
        // bar 1438 opens 2023-03-01T23:58Z; both orders are accepted then
        long acceptedAt = T0 + 1438 * MINUTE;
        rig.venue.submit(limit("day", Side.BUY, "1", "100", TimeInForce.DAY), 101, acceptedAt);
        rig.venue.submit(limit("gtc", Side.BUY, "1", "100", TimeInForce.GTC), 101, acceptedAt);
        // 23:58 and 23:59: the low stays above 100
        rig.venue.onBar(bar(1438, 101, 102, 100.5, 101));
        rig.venue.onBar(bar(1439, 101, 102, 100.5, 101));
        assertThat(rig.recorder.events).isEmpty();
        // 2023-03-02T00:00Z: the low reaches 100, but the DAY order's day is over
        rig.venue.onBar(bar(1440, 101, 102, 99, 101));

        assertThat(rig.recorder.of(OrderExpired.class)).singleElement().satisfies(e -> {
            assertThat(e.clientOrderId()).isEqualTo(id("day"));
            assertThat(e.timeMillis()).isEqualTo(T0 + 1440 * MINUTE);
        });
        assertThat(rig.recorder.of(OrderFilled.class)).singleElement()
                .satisfies(f -> assertThat(f.clientOrderId()).isEqualTo(id("gtc")));
    }

    @Test
    void dayOrderFillsWithinItsDay() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
        rig.venue.submit(limit("day", Side.BUY, "1", "100", TimeInForce.DAY), 101, T0 + 1438 * MINUTE);
        rig.venue.onBar(bar(1439, 101, 102, 99, 101));
        assertThat(onlyFill(rig.recorder).price()).isEqualByComparingTo("100");
    }

    @Test
    void canceledOrderNoLongerFills() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "1000", "0", "0");
        rig.venue.submit(market("m", Side.BUY, "1"), 100, CLOSE_OF_BAR_0);
        OrderCanceled c = rig.venue.cancel(id("m"), CLOSE_OF_BAR_0 + 1);
        assertThat(c.clientOrderId()).isEqualTo(id("m"));
        assertThat(c.timeMillis()).isEqualTo(CLOSE_OF_BAR_0 + 1);
        assertThat(rig.venue.cancel(id("m"), CLOSE_OF_BAR_0 + 2)).isNull();
        rig.venue.onBar(bar(1, 100, 101, 99, 100));
        assertThat(rig.recorder.events).isEmpty();
    }

    @Test
    void reservedCashCoversWorkingBuysWithTheTakerFee() {
        VenueFixtures.Rig rig = new VenueFixtures.Rig(SPOT, "10000", "10", "0");
        rig.venue.submit(marketQuote("q", "1000"), 250, CLOSE_OF_BAR_0);
        rig.venue.submit(limit("l", Side.BUY, "2", "100", TimeInForce.GTC), 250, CLOSE_OF_BAR_0);
        rig.venue.submit(limit("s", Side.SELL, "2", "300", TimeInForce.GTC), 250, CLOSE_OF_BAR_0);
        // 1000 (quote amount) + 2 * 100 * 1.001 = 200.2 (the sell reserves nothing) = 1200.2
        assertThat(rig.venue.reservedCash()).isEqualByComparingTo("1200.2");
    }
}
