package io.quantplug.plugins.sizing;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.market.Timeframe;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeSizingContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.quantplug.plugins.sizing.SizerStubs.PERP;
import static io.quantplug.plugins.sizing.SizerStubs.SPOT;
import static io.quantplug.plugins.sizing.SizerStubs.closes;
import static io.quantplug.plugins.sizing.SizerStubs.longSignal;
import static io.quantplug.plugins.sizing.SizerStubs.sizer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sizer books a round trip as the change of the instrument's realised P&amp;L between two entries; the tests set
 * that cumulative P&amp;L before each call, as closed trips would. Equity 10 000 and price 50 throughout (a
 * perpetual, so no cash cap) unless a test says otherwise.
 */
class KellySizerTest {

    private static final KellyProvider PROVIDER = new KellyProvider();

    private final FakeSizingContext context = new FakeSizingContext(PERP, new FakePortfolio().equity("10000"),
            closes(PERP, Timeframe.D1, 50));

    /** Calls the sizer once per cumulative realised P&amp;L, as at successive entries; returns each quantity. */
    private List<BigDecimal> entries(PositionSizer sizer, String... cumulativeRealized) {
        List<BigDecimal> out = new ArrayList<>();
        for (String r : cumulativeRealized) {
            context.portfolio().withRealizedPnl(PERP.id(), r);
            out.add(sizer.size(longSignal(PERP), context));
        }
        return out;
    }

    @Test
    void usesTheFallbackShareUntilEnoughTripsHaveClosed() {
        // fewer than minTrades = 5 trips: 2 % of 10 000 = 200 notional -> 200 / 50 = 4
        PositionSizer sizer = sizer(PROVIDER, "minTrades", "5");
        assertThat(entries(sizer, "0", "300", "400")).allSatisfy(q -> assertThat(q).isEqualByComparingTo("4"));
    }

    @Test
    void betsHalfKellyOfTheTripsSeen() {
        // cumulative 0, 300, 400, 300, 500, 300 -> trips +300, +100, -100, +200, -200
        // wins w = 3, gross win GW = 600 (average 200); losses l = 2, gross loss GL = 300 (average 150); n = 5
        // W = 3/5 = 0.6, R = 200/150 = 4/3, f* = W - (1 - W)/R = 0.6 - 0.4 x 3/4 = 0.3
        //   (= w (GW - GL) / (n GW) = 3 x 300 / (5 x 600) = 0.3)
        // half Kelly 0.15 (below the 20 % cap) -> 0.15 x 10 000 = 1 500 notional -> 1 500 / 50 = 30
        // the first five entries had fewer than 5 trips behind them: fallback 2 % -> 4
        KellySizer sizer = (KellySizer) sizer(PROVIDER, "minTrades", "5");
        List<BigDecimal> q = entries(sizer, "0", "300", "400", "300", "500", "300");
        assertThat(q.subList(0, 5)).allSatisfy(x -> assertThat(x).isEqualByComparingTo("4"));
        assertThat(q.get(5)).isEqualByComparingTo("30");
        assertThat(sizer.trades()).isEqualTo(5);
        assertThat(sizer.equityShare()).isEqualByComparingTo("0.15");
    }

    @Test
    void capBindsWhenTheEdgeLooksLarge() {
        // three wins, no loss: W = 1, f* = 1; half Kelly 0.5 is above maxPercent 20 % -> 0.2 x 10 000 / 50 = 40
        PositionSizer sizer = sizer(PROVIDER, "minTrades", "3");
        assertThat(entries(sizer, "0", "100", "200", "300").get(3)).isEqualByComparingTo("40");
    }

    @Test
    void tradesNothingWithoutAnEdge() {
        // trips +100, -150, -100: w = 1, GW = 100, GL = 250, n = 3; f* = 1 x (100 - 250) / (3 x 100) = -0.5 <= 0
        PositionSizer sizer = sizer(PROVIDER, "minTrades", "3");
        assertThat(entries(sizer, "0", "100", "-50", "-150").get(3)).isZero();
        // only losses: no win, no edge
        PositionSizer losing = sizer(PROVIDER, "minTrades", "2");
        assertThat(entries(losing, "0", "-100", "-200").get(2)).isZero();
    }

    @Test
    void breakEvenProfitFactorIsNoEdge() {
        // +100, -100: W = 0.5, R = 1, f* = 0.5 - 0.5 = 0
        PositionSizer sizer = sizer(PROVIDER, "minTrades", "2");
        assertThat(entries(sizer, "0", "100", "0").get(2)).isZero();
    }

    @Test
    void unchangedRealisedPnlIsNotATrip() {
        // an entry that never filled leaves the realised P&L where it was: nothing is booked
        KellySizer sizer = (KellySizer) sizer(PROVIDER);
        entries(sizer, "0", "0", "0");
        assertThat(sizer.trades()).isZero();
    }

    @Test
    void zeroFallbackWaitsForTheSample() {
        PositionSizer sizer = sizer(PROVIDER, "minTrades", "2", "fallbackPercent", "0");
        assertThat(entries(sizer, "0", "100")).allSatisfy(q -> assertThat(q).isZero());
    }

    @Test
    void tradesNothingWithoutEquityButStillCountsTrips() {
        KellySizer sizer = (KellySizer) sizer(PROVIDER);
        context.portfolio().equity("0");
        assertThat(entries(sizer, "0", "-100")).allSatisfy(q -> assertThat(q).isZero());
        assertThat(sizer.trades()).isEqualTo(1);
    }

    @Test
    void spotBuyIsCappedByCash() {
        // fallback 50 % of equity 10 000 = 5 000, but only 3 000 cash: 3 000 x 0.99 = 2 970 -> 2 970 / 50 = 59.4
        FakeSizingContext spot = new FakeSizingContext(SPOT, new FakePortfolio().equity("10000").cash("3000"),
                closes(SPOT, Timeframe.D1, 50));
        PositionSizer sizer = sizer(PROVIDER, "fallbackPercent", "50", "maxPercent", "100");
        assertThat(sizer.size(longSignal(SPOT), spot)).isEqualByComparingTo("59.4");
    }

    @Test
    void statisticsAndTheLastRealisedPnlCarryAcrossAHotSwap() {
        KellySizer old = (KellySizer) sizer(PROVIDER, "minTrades", "5");
        entries(old, "0", "300", "400", "300", "500", "300");
        StateSnapshot snapshot = old.snapshot();
        assertThat(snapshot.format()).isEqualTo("kelly/1");

        KellySizer next = (KellySizer) sizer(PROVIDER, "minTrades", "5");
        assertThat(next.restore(snapshot)).isTrue();
        assertThat(next.trades()).isEqualTo(5);
        // a trip of +500 closes across the swap (cumulative 300 -> 800); the new version books it:
        // w = 4, GW = 1 100, l = 2, GL = 300, n = 6: f* = 4 x 800 / (6 x 1 100) = 0.4848...; half 0.2424 > cap 0.2
        // -> 0.2 x 10 000 / 50 = 40. (A fresh instance would only record 800 as its start and size 4.)
        assertThat(entries(next, "800").get(0)).isEqualByComparingTo("40");
        assertThat(next.trades()).isEqualTo(6);
    }

    @Test
    void unreadableSnapshotChangesNothing() {
        KellySizer sizer = (KellySizer) sizer(PROVIDER, "minTrades", "1");
        entries(sizer, "0", "100");
        assertThat(sizer.restore(new StateSnapshot("kelly/2", Map.of()))).isFalse();
        assertThat(sizer.restore(new StateSnapshot("kelly/1", Map.of("wins", "x", "grossWin", "1", "losses", "0",
                "grossLoss", "0")))).isFalse();
        assertThat(sizer.restore(new StateSnapshot("kelly/1", Map.of("wins", "0", "grossWin", "5", "losses", "0",
                "grossLoss", "0")))).isFalse();
        assertThat(sizer.restore(new StateSnapshot("kelly/1", Map.of("wins", "1")))).isFalse();
        assertThat(sizer.trades()).isEqualTo(1);
        // still booking from 100: +50 is the second win, f* = 1 -> cap 20 % -> 40
        assertThat(entries(sizer, "150").get(0)).isEqualByComparingTo("40");
        assertThat(sizer.trades()).isEqualTo(2);
    }
}
