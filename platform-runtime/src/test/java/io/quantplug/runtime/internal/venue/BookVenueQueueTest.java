package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quantplug.runtime.internal.venue.BookFixtures.book;
import static io.quantplug.runtime.internal.venue.BookFixtures.levels;
import static io.quantplug.runtime.internal.venue.BookFixtures.trade;
import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.T0;
import static io.quantplug.runtime.internal.venue.VenueFixtures.limit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resting limit order's queue position at the book venue: trades at its price take the quantity ahead first,
 * the book's echo of those trades is not counted twice, and a cancel moves the queue by the model: not at all
 * (risk-averse) or by its share (probabilistic, n = 1 and n = 2). Maker fee 2 bps; figures worked out in comments.
 */
class BookVenueQueueTest {

    private static List<String> filled(BookFixtures.BookRig rig) {
        return rig.recorder.of(OrderFilled.class).stream()
                .map(f -> f.fill().quantity().stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    void fillsOnlyAfterTheVolumeAheadHasTradedUnderEitherModel() {
        for (QueuePositionModel model : List.of(new RiskAverseQueueModel(), new ProbabilisticQueueModel(1))) {
            BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE, model);
            rig.venue.onBook(book(0, levels(99.50, 5.0, 99.00, 3.0), levels(100.00, 1.0)));
            rig.venue.submit(limit("l", Side.BUY, "3", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, null, false);
            // arrives at 1,000 with 5 ahead; a seller's 3 at 99.50: 2 ahead, nothing fills
            rig.venue.onTrade(trade(1_200, 99.50, 3.0, Side.SELL));
            assertThat(rig.recorder.events).as(model.toString()).isEmpty();
            // the book shows the level at 5 - 3 = 2: the trade's echo, not a cancel; the queue stays at 2
            rig.venue.onBook(book(1_300, levels(99.50, 2.0, 99.00, 3.0), levels(100.00, 1.0)));
            // a seller's 4: the 2 ahead go first, then 2 of the order fill (1 left)
            rig.venue.onTrade(trade(1_400, 99.50, 4.0, Side.SELL));
            // then 0.5, then 1 (of which 0.5 is left to fill): 0.5 and 0.5
            rig.venue.onTrade(trade(1_600, 99.50, 0.5, Side.SELL));
            rig.venue.onTrade(trade(1_800, 99.50, 1.0, Side.SELL));

            assertThat(filled(rig)).as(model.toString()).containsExactly("2", "0.5", "0.5");
            List<OrderFilled> fills = rig.recorder.of(OrderFilled.class);
            // 2 x 99.50 = 199.00, maker fee x 0.0002 = 0.0398; 0.5 x 99.50 = 49.75, fee 0.00995
            assertThat(fills.get(0).fill().fee()).isEqualByComparingTo("0.0398");
            assertThat(fills.get(0).fill().liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(fills.get(0).remainingQuantity()).isEqualByComparingTo("1");
            assertThat(fills.get(1).fill().fee()).isEqualByComparingTo("0.00995");
            assertThat(fills.get(2).complete()).isTrue();
            assertThat(fills.get(2).fill().timeMillis()).isEqualTo(T0 + 1_800);
            // cash 1,000 - 3 x 99.50 - (0.0398 + 0.00995 + 0.00995 = 0.0597) = 701.4403
            assertThat(rig.portfolio.cash()).isEqualByComparingTo("701.4403");
        }
    }

    /**
     * Arrives behind 6; 2 join behind (level 8); then 4 are canceled (level 4) and a seller's 4 trades at its price.
     * Risk-averse: ahead min(6, 4) = 4, the 4 traded leave 0 ahead and nothing filled. n = 1: front 6, back 2,
     * p = 2/8, ahead 6 - 0.75 x 4 = 3, the trade fills 4 - 3 = 1. n = 2: p = 4/40, ahead 6 - 0.9 x 4 = 2.4, the
     * trade fills 4 - 2.4 = 1.6.
     */
    private static BookFixtures.BookRig afterACancelAndATrade(QueuePositionModel model) {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE, model);
        rig.venue.onBook(book(0, levels(99.50, 6.0), levels(100.00, 1.0)));
        rig.venue.submit(limit("l", Side.BUY, "2", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, null, false);
        rig.venue.onBook(book(1_100, levels(99.50, 8.0), levels(100.00, 1.0)));
        rig.venue.onBook(book(1_200, levels(99.50, 4.0), levels(100.00, 1.0)));
        rig.venue.onTrade(trade(1_300, 99.50, 4.0, Side.SELL));
        return rig;
    }

    @Test
    void riskAverseModelLetsOnlyTradesAdvanceTheOrder() {
        BookFixtures.BookRig rig = afterACancelAndATrade(new RiskAverseQueueModel());
        assertThat(filled(rig)).isEmpty();
        // now at the head: the next seller's 1 fills 1
        rig.venue.onTrade(trade(1_400, 99.50, 1.0, Side.SELL));
        assertThat(filled(rig)).containsExactly("1");
    }

    @Test
    void probabilisticModelWithPowerOneTakesThreeQuartersOfTheCancelFromAhead() {
        BookFixtures.BookRig rig = afterACancelAndATrade(new ProbabilisticQueueModel(1));
        assertThat(filled(rig)).containsExactly("1");
        assertThat(rig.recorder.of(OrderFilled.class).get(0).remainingQuantity()).isEqualByComparingTo("1");
    }

    @Test
    void probabilisticModelWithPowerTwoTakesNineTenthsOfTheCancelFromAhead() {
        BookFixtures.BookRig rig = afterACancelAndATrade(new ProbabilisticQueueModel(2));
        assertThat(filled(rig)).containsExactly("1.6");
        // 1.6 x 99.50 = 159.20, maker fee 0.03184; 0.4 left
        OrderFilled f = rig.recorder.of(OrderFilled.class).get(0);
        assertThat(f.fill().fee()).isEqualByComparingTo("0.03184");
        assertThat(f.remainingQuantity()).isEqualByComparingTo("0.4");
    }

    @Test
    void aPriceBeyondTheDepthShownQueuesBehindTheLevelWhenItComesIntoView() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", VenueLatency.NONE,
                new RiskAverseQueueModel());
        // two bid levels shown, 99.50 and 99.40: 99.00 is beyond them, its queue unknown
        rig.venue.onBook(book(0, levels(99.50, 1.0, 99.40, 2.0), levels(100.00, 1.0)));
        rig.venue.submit(limit("l", Side.BUY, "1", "99.00", TimeInForce.GTC), 99.0, T0 + 1_000, null, false);
        // a seller's 3 at 99.00 while the level is out of view: not counted as the order's turn
        rig.venue.onTrade(trade(1_200, 99.00, 3.0, Side.SELL));
        assertThat(filled(rig)).isEmpty();
        // the level shows 4: the order queues behind 4; a seller's 5 then fills 5 - 4 = 1
        rig.venue.onBook(book(1_300, levels(99.20, 1.0, 99.00, 4.0), levels(100.00, 1.0)));
        rig.venue.onTrade(trade(1_400, 99.00, 5.0, Side.SELL));
        assertThat(filled(rig)).containsExactly("1");
    }
}
