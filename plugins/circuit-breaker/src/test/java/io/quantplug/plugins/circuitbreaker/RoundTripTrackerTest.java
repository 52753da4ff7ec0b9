package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Side;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.d;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.fill;
import static org.assertj.core.api.Assertions.assertThat;

/** Round trips by the average-cost method, by hand. */
class RoundTripTrackerTest {

    private final RoundTripTracker tracker = new RoundTripTracker();

    private RoundTripTracker.ClosedTrip book(Side side, String qty, String price, String fee) {
        Fill f = fill(BTC, side, qty, price, fee, 0L);
        return tracker.onFill(f, f.fee(), 0);
    }

    @Test
    void averageCostPartialCloseAndReversalWithSharedFee() {
        assertThat(book(Side.BUY, "2", "100", "0.2")).isNull();    // long 2 @ 100, P&L -0.2
        assertThat(book(Side.BUY, "2", "110", "0.2")).isNull();    // long 4 @ (200 + 220) / 4 = 105, P&L -0.4
        assertThat(book(Side.SELL, "1", "120", "0.1")).isNull();   // + 1 x (120 - 105) - 0.1: P&L 14.5, long 3
        // sell 5 @ 100: closes 3, + 3 x (100 - 105) = -15, fee share 0.5 x 3 / 5 = 0.3: P&L 14.5 - 15 - 0.3 = -0.8
        RoundTripTracker.ClosedTrip first = book(Side.SELL, "5", "100", "0.5");
        assertThat(first.pnl()).isEqualByComparingTo("-0.8");
        assertThat(first.instrument()).isEqualTo(BTC);
        // the other 2 open a short @ 100 carrying the rest of the fee, 0.2; buy 2 @ 90: 2 x (90 - 100) x -1 = +20
        RoundTripTracker.ClosedTrip second = book(Side.BUY, "2", "90", "0");
        assertThat(second.pnl()).isEqualByComparingTo("19.8");
    }

    @Test
    void exposureAddedWhileHalfOpenMarksTheTripAsThatProbe() {
        Fill open = fill(BTC, Side.BUY, "1", "100", "0", 0L);
        tracker.onFill(open, d("0"), 0);
        assertThat(tracker.hasOpenProbe(1)).isFalse();
        tracker.onFill(fill(BTC, Side.BUY, "1", "100", "0", 0L), d("0"), 1);
        assertThat(tracker.hasOpenProbe(1)).isTrue();
        assertThat(tracker.onFill(fill(BTC, Side.SELL, "2", "101", "0", 0L), d("0"), 1).probeGeneration())
                .isEqualTo(1);
        assertThat(tracker.hasOpenProbe(1)).isFalse();
    }
}
