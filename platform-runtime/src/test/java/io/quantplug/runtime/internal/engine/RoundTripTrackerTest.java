package io.quantplug.runtime.internal.engine;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.PositionSide;
import io.quantplug.runtime.analytics.RoundTrip;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips open on the first fill away from zero and close on the fill back to zero, with quantity-weighted
 * prices, every fill's fee, and a flip split into two trips. Realised P&amp;L per fill is given as the portfolio
 * would book it (worked out in the comments).
 */
class RoundTripTrackerTest {

    private final RoundTripTracker tracker = new RoundTripTracker();
    private int sequence;
    /** The position as the portfolio would hold it after each fill. */
    private BigDecimal position = BigDecimal.ZERO;

    private void fill(Side side, String qty, String price, String fee, long time, String realized, ExitReason why) {
        Fill f = new Fill(new ClientOrderId("o-" + (++sequence)), BTC, side, d(price), d(qty), d(fee), "USDT",
                Liquidity.TAKER, time);
        position = side == Side.BUY ? position.add(d(qty)) : position.subtract(d(qty));
        tracker.onFill(f, position, d(realized), "s-1", why);
    }

    @Test
    void tripOpensAwayFromZeroAndClosesBackAtZeroWithWeightedPrices() {
        // buy 1 @ 100 and 3 @ 104: average entry (100 + 312) / 4 = 103
        fill(Side.BUY, "1", "100", "0.1", 1, "0", ExitReason.SIGNAL);
        fill(Side.BUY, "3", "104", "0.312", 2, "0", ExitReason.SIGNAL);
        assertThat(tracker.openedBy(BTC)).isEqualTo("s-1");
        // sell 2 @ 110: realised 2 * (110 - 103) = 14; still open
        fill(Side.SELL, "2", "110", "0.22", 3, "14", ExitReason.LIMIT);
        assertThat(tracker.closed()).isEmpty();
        // sell 2 @ 106: realised 2 * (106 - 103) = 6; flat: the trip closes
        fill(Side.SELL, "2", "106", "0.212", 4, "6", ExitReason.STOP);

        assertThat(tracker.closed()).singleElement().satisfies(t -> {
            assertThat(t.strategy()).isEqualTo("s-1");
            assertThat(t.side()).isEqualTo(PositionSide.LONG);
            assertThat(t.entryTimeMillis()).isEqualTo(1);
            assertThat(t.exitTimeMillis()).isEqualTo(4);
            assertThat(t.entryPrice()).isEqualByComparingTo("103");
            // exit (220 + 212) / 4 = 108
            assertThat(t.exitPrice()).isEqualByComparingTo("108");
            assertThat(t.quantity()).isEqualByComparingTo("4");
            assertThat(t.grossPnl()).isEqualByComparingTo("20");
            // fees 0.1 + 0.312 + 0.22 + 0.212 = 0.844; pnl 20 - 0.844 = 19.156
            assertThat(t.fees()).isEqualByComparingTo("0.844");
            assertThat(t.pnl()).isEqualByComparingTo("19.156");
            // the fill that made the position flat decides the reason
            assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
            // 19.156 / (103 * 4) = 0.046495...
            assertThat(t.returnOnEntry()).isCloseTo(19.156 / 412.0, org.assertj.core.data.Offset.offset(1e-15));
        });
        assertThat(tracker.openedBy(BTC)).isNull();
    }

    @Test
    void flipClosesOneTripAndOpensTheNextSplittingTheFeeByQuantity() {
        fill(Side.BUY, "2", "100", "0.2", 10, "0", ExitReason.SIGNAL);
        // sell 5 @ 110, fee 0.55: 2 close the long (realised 2 * 10 = 20), 3 open a short
        fill(Side.SELL, "5", "110", "0.55", 20, "20", ExitReason.MARKET);

        RoundTrip first = tracker.closed().get(0);
        assertThat(first.side()).isEqualTo(PositionSide.LONG);
        assertThat(first.exitPrice()).isEqualByComparingTo("110");
        assertThat(first.quantity()).isEqualByComparingTo("2");
        assertThat(first.grossPnl()).isEqualByComparingTo("20");
        // fees 0.2 + 0.55 * 2/5 = 0.2 + 0.22 = 0.42; pnl 19.58
        assertThat(first.fees()).isEqualByComparingTo("0.42");
        assertThat(first.pnl()).isEqualByComparingTo("19.58");
        assertThat(first.exitReason()).isEqualTo(ExitReason.MARKET);

        // buy 3 @ 100, fee 0.3: the short of 3 @ 110 realises 3 * 10 = 30
        fill(Side.BUY, "3", "100", "0.3", 30, "30", ExitReason.SIGNAL);
        assertThat(tracker.closed()).hasSize(2);
        RoundTrip second = tracker.closed().get(1);
        assertThat(second.side()).isEqualTo(PositionSide.SHORT);
        assertThat(second.entryTimeMillis()).isEqualTo(20);
        assertThat(second.exitTimeMillis()).isEqualTo(30);
        assertThat(second.entryPrice()).isEqualByComparingTo("110");
        assertThat(second.exitPrice()).isEqualByComparingTo("100");
        assertThat(second.quantity()).isEqualByComparingTo("3");
        assertThat(second.grossPnl()).isEqualByComparingTo("30");
        // fees 0.55 * 3/5 = 0.33 of the flip + 0.3 = 0.63; pnl 29.37
        assertThat(second.fees()).isEqualByComparingTo("0.63");
        assertThat(second.pnl()).isEqualByComparingTo("29.37");
        // the flip's fee is charged once in total: 0.42 + 0.63 = 0.2 + 0.55 + 0.3
        assertThat(first.fees().add(second.fees())).isEqualByComparingTo("1.05");
    }

    @Test
    void losingTripHasNegativePnlAfterFees() {
        fill(Side.BUY, "1", "100", "0.1", 1, "0", ExitReason.SIGNAL);
        fill(Side.SELL, "1", "99.95", "0.09995", 2, "-0.05", ExitReason.SIGNAL);
        RoundTrip t = tracker.closed().get(0);
        // gross -0.05, fees 0.19995, pnl -0.24995
        assertThat(t.pnl()).isEqualByComparingTo("-0.24995");
        assertThat(t.pnl()).isEqualByComparingTo(t.grossPnl().subtract(t.fees()));
        assertThat(t.pnl().compareTo(BigDecimal.ZERO)).isNegative();
    }
}
