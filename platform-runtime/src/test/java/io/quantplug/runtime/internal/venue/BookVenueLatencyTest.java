package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import org.junit.jupiter.api.Test;

import static io.quantplug.runtime.internal.venue.BookFixtures.book;
import static io.quantplug.runtime.internal.venue.BookFixtures.levels;
import static io.quantplug.runtime.internal.venue.BookFixtures.trade;
import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.T0;
import static io.quantplug.runtime.internal.venue.VenueFixtures.id;
import static io.quantplug.runtime.internal.venue.VenueFixtures.limit;
import static io.quantplug.runtime.internal.venue.VenueFixtures.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entry and response latency at the book venue, in exchange time: events inside the entry window do not touch an
 * order, a market order walks the book as it stands when it arrives, reports reach the session late (and funds
 * checks count the fills in flight), and a cancel races the fills until it arrives. Fees maker 2, taker 5 bps.
 */
class BookVenueLatencyTest {

    private static BookFixtures.BookRig rig(long entry, long response) {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "1000", new VenueLatency(entry, response),
                new RiskAverseQueueModel());
        // no bid at 99.50 (the best is 99.00): a buy resting there has nothing ahead
        rig.venue.onBook(book(0, levels(99.00, 1.0), levels(100.00, 1.0)));
        return rig;
    }

    @Test
    void aTradeInsideTheEntryLatencyDoesNotFillTheOrder() {
        // without latency the order is at the venue from 1,000: the seller's 0.3 at 99.50 at 1,050 fills 0.3
        BookFixtures.BookRig now = rig(0, 0);
        now.venue.submit(limit("l", Side.BUY, "1", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, null, false);
        now.venue.onTrade(trade(1_050, 99.50, 0.3, Side.SELL));
        assertThat(now.recorder.of(OrderFilled.class)).singleElement()
                .satisfies(f -> assertThat(f.fill().quantity()).isEqualByComparingTo("0.3"))
                .satisfies(f -> assertThat(f.fill().timeMillis()).isEqualTo(T0 + 1_050));

        // with 100 ms it arrives at 1,100: the trade at 1,050 is before it; the same trade at 1,100 fills it
        BookFixtures.BookRig late = rig(100, 0);
        late.venue.submit(limit("l", Side.BUY, "1", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, null, false);
        late.venue.onTrade(trade(1_050, 99.50, 0.3, Side.SELL));
        assertThat(late.recorder.events).isEmpty();
        late.venue.onTrade(trade(1_100, 99.50, 0.3, Side.SELL));
        assertThat(late.recorder.of(OrderFilled.class)).singleElement()
                .satisfies(f -> assertThat(f.fill().timeMillis()).isEqualTo(T0 + 1_100));
    }

    @Test
    void aMarketOrderWalksTheBookAsItStandsWhenItArrives() {
        BookFixtures.BookRig late = rig(100, 0);
        late.venue.submit(market("m", Side.BUY, "1"), 100.0, T0 + 1_000, null, false);
        // the ask moves to 101.00 at 1,050, inside the latency; the order arrives at 1,100
        late.venue.onBook(book(1_050, levels(99.00, 1.0), levels(101.00, 1.0)));
        late.venue.onBook(book(1_200, levels(99.00, 1.0), levels(102.00, 1.0)));
        OrderFilled f = late.recorder.of(OrderFilled.class).get(0);
        // 1 x 101.00, taker fee 101.00 x 0.0005 = 0.0505, at 1,000 + 100
        assertThat(f.fill().price()).isEqualByComparingTo("101.00");
        assertThat(f.fill().fee()).isEqualByComparingTo("0.0505");
        assertThat(f.fill().timeMillis()).isEqualTo(T0 + 1_100);
    }

    @Test
    void reportsReachTheSessionAfterTheResponseLatencyAndFundsCountFillsInFlight() {
        BookFixtures.BookRig rig = new BookFixtures.BookRig(SPOT, "150", new VenueLatency(0, 30),
                new RiskAverseQueueModel());
        rig.venue.onBook(book(0, levels(99.00, 1.0), levels(100.00, 5.0)));
        rig.venue.submit(market("a", Side.BUY, "1"), 100.0, T0 + 1_000, null, false);
        rig.venue.submit(market("b", Side.BUY, "1"), 100.0, T0 + 1_005, null, false);
        rig.venue.onBook(book(1_010, levels(99.00, 1.0), levels(100.00, 5.0)));
        // a filled at 1,000 for 100.00 + 0.05; its report is due at 1,030. b at 1,005 would cost 100.05 too, but
        // the cash less the fill in flight is 150 - 100.05 = 49.95: refused, reported at 1,035
        assertThat(rig.recorder.events).isEmpty();
        assertThat(rig.venue.workingCount()).isEqualTo(2);
        assertThat(rig.portfolio.cash()).isEqualByComparingTo("150");
        rig.venue.onTrade(trade(1_030, 100.00, 0.1, Side.BUY));
        assertThat(rig.recorder.events).singleElement().isInstanceOf(OrderFilled.class)
                .satisfies(e -> assertThat(e.timeMillis()).isEqualTo(T0 + 1_000));
        assertThat(rig.venue.workingIds()).containsExactly(id("b"));
        rig.venue.onTrade(trade(1_035, 100.00, 0.1, Side.BUY));
        assertThat(rig.recorder.of(OrderRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.reason().code()).isEqualTo("INSUFFICIENT_FUNDS"))
                .satisfies(r -> assertThat(r.reason().message()).contains("cash is 49.95"));
        assertThat(rig.venue.workingCount()).isZero();
    }

    @Test
    void aFillBeforeTheCancelArrivesWinsTheRace() {
        BookFixtures.BookRig rig = restingAfterEntryLatency();
        assertThat(rig.venue.cancel(id("l"), T0 + 2_000)).isNull();
        // a seller trades through 99.50 at 2,050; the cancel reaches the venue at 2,100, when the order is filled
        rig.venue.onTrade(trade(2_050, 99.40, 0.2, Side.SELL));
        rig.venue.onTrade(trade(2_100, 99.40, 0.2, Side.SELL));
        // 1 x 99.50, maker fee 99.50 x 0.0002 = 0.0199
        assertThat(rig.recorder.events).singleElement().isInstanceOf(OrderFilled.class)
                .satisfies(e -> assertThat(((OrderFilled) e).fill().fee()).isEqualByComparingTo("0.0199"));
        assertThat(rig.venue.workingCount()).isZero();
    }

    @Test
    void aCancelThatArrivesFirstEndsTheOrderBeforeTheTrade() {
        BookFixtures.BookRig rig = restingAfterEntryLatency();
        assertThat(rig.venue.cancel(id("l"), T0 + 2_000)).isNull();
        assertThat(rig.venue.workingCount()).isEqualTo(1);
        // the same trade at 2,100: the cancel arrives at 2,100 first
        rig.venue.onTrade(trade(2_100, 99.40, 0.2, Side.SELL));
        assertThat(rig.recorder.events).singleElement().isInstanceOf(OrderCanceled.class)
                .satisfies(e -> assertThat(e.timeMillis()).isEqualTo(T0 + 2_100));
        assertThat(rig.venue.workingCount()).isZero();
    }

    @Test
    void withoutLatencyACancelIsAnsweredAtOnce() {
        BookFixtures.BookRig rig = rig(0, 0);
        rig.venue.submit(limit("l", Side.BUY, "1", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, null, false);
        assertThat(rig.venue.cancel(id("l"), T0 + 1_500)).isEqualTo(new OrderCanceled(id("l"),
                SPOT.id(), T0 + 1_500));
        rig.venue.onTrade(trade(1_600, 99.40, 1.0, Side.SELL));
        assertThat(rig.recorder.events).isEmpty();
    }

    @Test
    void refusesANegativeLatency() {
        assertThatThrownBy(() -> new VenueLatency(-1, 0)).hasMessageContaining("entry latency must be >= 0");
        assertThatThrownBy(() -> new VenueLatency(0, -5)).hasMessageContaining("response latency must be >= 0");
    }

    /** A buy of 1 at 99.50 submitted at 1,000 with 100 ms entry latency, at the venue from 1,100. */
    private static BookFixtures.BookRig restingAfterEntryLatency() {
        BookFixtures.BookRig rig = rig(100, 0);
        rig.venue.submit(limit("l", Side.BUY, "1", "99.50", TimeInForce.GTC), 99.5, T0 + 1_000, null, false);
        rig.venue.onBook(book(1_100, levels(99.00, 1.0), levels(100.00, 1.0)));
        assertThat(rig.recorder.events).isEmpty();
        return rig;
    }
}
