package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.bar;
import static io.quantplug.runtime.internal.venue.VenueFixtures.d;
import static io.quantplug.runtime.internal.venue.VenueFixtures.limit;
import static io.quantplug.runtime.internal.venue.VenueFixtures.market;
import static io.quantplug.runtime.internal.venue.VenueFixtures.stop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bar fill rules of {@link FillPrice}, each price worked out by hand (tick 0.01, slippage 10 bps where it
 * applies, i.e. a factor of 1.001 for buys and 0.999 for sells).
 */
class FillPriceTest {

    private static final SlippageModel TEN_BPS = new BpsSlippageModel(d("10"));
    private static final SlippageModel NONE = new BpsSlippageModel(BigDecimal.ZERO);

    private static FillPrice fill(Order order, double open, double high, double low, double close,
                                  SlippageModel slippage) {
        return FillPrice.on(order, bar(1, open, high, low, close), SPOT, slippage);
    }

    private static void assertFill(FillPrice fp, String price, Liquidity liquidity) {
        assertThat(fp).isNotNull();
        assertThat(fp.price()).isEqualByComparingTo(price);
        assertThat(fp.liquidity()).isEqualTo(liquidity);
    }

    @Test
    void marketBuyFillsAtTheOpenPlusSlippageRoundedUpToTheTick() {
        // 123.45 * 1.001 = 123.57345 -> up to the tick: 123.58
        assertFill(fill(market("m", Side.BUY, "1"), 123.45, 130, 120, 129, TEN_BPS), "123.58", Liquidity.TAKER);
    }

    @Test
    void marketSellFillsAtTheOpenMinusSlippageRoundedDownToTheTick() {
        // 123.45 * 0.999 = 123.32655 -> down to the tick: 123.32
        assertFill(fill(market("m", Side.SELL, "1"), 123.45, 130, 120, 121, TEN_BPS), "123.32", Liquidity.TAKER);
    }

    @Test
    void marketOrderIgnoresTheCloseOfTheBarItFillsOn() {
        // open 100, close 150: the fill is at the open, never at the close
        assertFill(fill(market("m", Side.BUY, "1"), 100, 150, 100, 150, NONE), "100.00", Liquidity.TAKER);
    }

    @Test
    void buyLimitTakesTheOpenWhenTheBarOpensAtOrBelowTheLimit() {
        // limit 100, open 99.50 <= 100: taker at the better open price, no slippage on limits
        assertFill(fill(limit("l", Side.BUY, "1", "100", TimeInForce.GTC), 99.5, 101, 99, 100, TEN_BPS),
                "99.50", Liquidity.TAKER);
        // open exactly at the limit: also taker at the open
        assertFill(fill(limit("l", Side.BUY, "1", "100", TimeInForce.GTC), 100, 101, 99, 100, TEN_BPS),
                "100.00", Liquidity.TAKER);
    }

    @Test
    void buyLimitRestsAndFillsAtTheLimitAsMakerWhenTheLowReachesIt() {
        // open 101 > 100, low 99.90 <= 100: maker at 100
        assertFill(fill(limit("l", Side.BUY, "1", "100", TimeInForce.GTC), 101, 102, 99.9, 101, TEN_BPS),
                "100.00", Liquidity.MAKER);
        // the low touches the limit exactly
        assertFill(fill(limit("l", Side.BUY, "1", "100", TimeInForce.GTC), 101, 102, 100, 101, TEN_BPS),
                "100.00", Liquidity.MAKER);
    }

    @Test
    void buyLimitDoesNotFillWhenTheLowStaysAboveIt() {
        // low 100.01 > 100
        assertThat(fill(limit("l", Side.BUY, "1", "100", TimeInForce.GTC), 101, 102, 100.01, 101, TEN_BPS))
                .isNull();
    }

    @Test
    void sellLimitMirrorsTheBuyWithTheHigh() {
        // open 100.50 >= 100: taker at the open
        assertFill(fill(limit("l", Side.SELL, "1", "100", TimeInForce.GTC), 100.5, 101, 99, 100, TEN_BPS),
                "100.50", Liquidity.TAKER);
        // open 99 < 100, high 100.20 >= 100: maker at 100
        assertFill(fill(limit("l", Side.SELL, "1", "100", TimeInForce.GTC), 99, 100.2, 98, 99, TEN_BPS),
                "100.00", Liquidity.MAKER);
        // high 99.99 < 100: no fill
        assertThat(fill(limit("l", Side.SELL, "1", "100", TimeInForce.GTC), 99, 99.99, 98, 99, TEN_BPS)).isNull();
    }

    @Test
    void buyStopGappedThroughFillsAtTheOpenPlusSlippage() {
        // stop 100, open 100.50 >= 100: 100.50 * 1.001 = 100.6005 -> up: 100.61
        assertFill(fill(stop("s", Side.BUY, "1", "100"), 100.5, 102, 100.4, 101, TEN_BPS), "100.61", Liquidity.TAKER);
    }

    @Test
    void buyStopTouchedByTheHighFillsAtTheStopPlusSlippage() {
        // open 99 < 100, high 100.00 reaches it: 100 * 1.001 = 100.1 -> 100.10
        assertFill(fill(stop("s", Side.BUY, "1", "100"), 99, 100, 98, 99.5, TEN_BPS), "100.10", Liquidity.TAKER);
        // high 99.99: not triggered
        assertThat(fill(stop("s", Side.BUY, "1", "100"), 99, 99.99, 98, 99.5, TEN_BPS)).isNull();
    }

    @Test
    void sellStopMirrorsTheBuyWithTheLow() {
        // open 99.50 <= 100: 99.50 * 0.999 = 99.4005 -> down: 99.40
        assertFill(fill(stop("s", Side.SELL, "1", "100"), 99.5, 100, 99, 99.8, TEN_BPS), "99.40", Liquidity.TAKER);
        // open 101 > 100, low 100.00 reaches it: 100 * 0.999 = 99.9 -> 99.90
        assertFill(fill(stop("s", Side.SELL, "1", "100"), 101, 102, 100, 101, TEN_BPS), "99.90", Liquidity.TAKER);
        // low 100.01: not triggered
        assertThat(fill(stop("s", Side.SELL, "1", "100"), 101, 102, 100.01, 101, TEN_BPS)).isNull();
    }

    @Test
    void immediateLimitsFillOnlyAtTheOpen() {
        for (TimeInForce tif : new TimeInForce[] {TimeInForce.IOC, TimeInForce.FOK}) {
            // open 99.80 <= 100: fills at the open
            assertFill(fill(limit("l", Side.BUY, "1", "100", tif), 99.8, 101, 99, 100, NONE), "99.80",
                    Liquidity.TAKER);
            // open 101, low 99 would reach a resting limit, but an immediate order does not rest
            assertThat(fill(limit("l", Side.BUY, "1", "100", tif), 101, 102, 99, 101, NONE)).isNull();
            assertThat(fill(limit("l", Side.SELL, "1", "100", tif), 99, 101, 98, 99, NONE)).isNull();
        }
    }
}
