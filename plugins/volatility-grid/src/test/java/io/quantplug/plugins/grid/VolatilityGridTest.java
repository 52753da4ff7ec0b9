package io.quantplug.plugins.grid;

import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.quantplug.plugins.grid.FakeContext.BTCUSDT;
import static io.quantplug.plugins.grid.FakeContext.orderAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's rules on a hand-made fixture through a fake context: placement, the matching order, netting, the
 * inventory limit, re-centring and the pause.
 *
 * <p>Fixture: 5 one-minute bars that open and close at 20000 with high {@code 20000 e^0.001} and low
 * {@code 20000 e^-0.001}. With {@code garchWeight = 0} the composite sigma is the six estimators' mean (worked out in
 * {@link CompositeVolatilityTest}): {@code sigma = 1.0967019e-3} per bar. Then, by {@link GridLayout}:
 * <pre>
 *   C = 20000.00
 *   S = max(20000 x 10 / 10^4, 2 x 1.0967019e-3 x 20000) = max(20.00, 43.868078) -> up to the tick: 43.87
 *   n = min(3, floor(20000 x 3 / 100 / 43.87)) = min(3, floor(13.68)) = 3
 *   buys at 20000 - 43.87 j:  19956.13, 19912.26, 19868.39
 *   q = floor_lot(0.02 x 10000 / 20000) = 0.01 BTC,   L = 3 x 0.01 = 0.03 BTC
 * </pre>
 */
class VolatilityGridTest {

    static Map<String, Object> fixtureParameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("windowBars", 5);
        p.put("garchWeight", 0);
        p.put("spacingMultiple", 2);
        p.put("minSpacingBps", 10);
        p.put("levels", 3);
        p.put("maxRangePercent", 3);
        p.put("capitalFraction", "0.02");
        p.put("maxInventoryLevels", 3);
        p.put("pauseMinutes", 30);
        return p;
    }

    static Map<String, Object> fixtureParameters(String name, Object value) {
        Map<String, Object> p = fixtureParameters();
        p.put(name, value);
        return p;
    }

    static VolatilityGrid create(FakeContext ctx) {
        return (VolatilityGrid) new VolatilityGridProvider().create(ctx);
    }

    /** Feeds the five fixture bars, minutes 0 to 4. */
    static void warmUp(FakeContext ctx, VolatilityGrid grid) {
        for (int m = 0; m < 5; m++) {
            ctx.onBar(grid, flatBar(ctx, m, 20000));
        }
    }

    static io.quantplug.api.market.Bar flatBar(FakeContext ctx, int minute, double price) {
        return ctx.bar(minute, price, price * Math.exp(0.001), price * Math.exp(-0.001), price);
    }

    static void assertOrder(LimitOrder o, Side side, String price, String quantity) {
        assertThat(o.side()).isEqualTo(side);
        assertThat(o.limitPrice()).isEqualByComparingTo(price);
        assertThat(o.quantity()).isEqualByComparingTo(quantity);
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(o.instrument()).isEqualTo(BTCUSDT.id());
    }

    @Test
    void placesTheBuyLevelsBelowTheCentreOnceWarmedUp() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters());
        VolatilityGrid grid = create(ctx);
        for (int m = 0; m < 4; m++) {
            ctx.onBar(grid, flatBar(ctx, m, 20000));
        }
        assertThat(ctx.limitOrders()).isEmpty();             // 4 bars: one short of windowBars

        ctx.onBar(grid, flatBar(ctx, 4, 20000));

        assertThat(grid.layout().centre()).isEqualByComparingTo("20000.00");
        assertThat(grid.layout().spacing()).isEqualByComparingTo("43.87");
        assertThat(grid.layout().levels()).isEqualTo(3);
        assertThat(grid.sizing().quantity()).isEqualByComparingTo("0.01");
        assertThat(grid.sizing().inventoryLimit()).isEqualByComparingTo("0.03");
        // spot and no inventory: no sell levels
        assertThat(ctx.limitOrders()).hasSize(3);
        assertOrder(ctx.limitOrders().get(0), Side.BUY, "19956.13", "0.01");
        assertOrder(ctx.limitOrders().get(1), Side.BUY, "19912.26", "0.01");
        assertOrder(ctx.limitOrders().get(2), Side.BUY, "19868.39", "0.01");
    }

    @Test
    void aFilledBuyPlacesTheSellOneSpacingAboveItsLevelAndViceVersa() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters());
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);
        int before = ctx.limitOrders().size();

        // filled at 19950.00, better than its 19956.13 limit (a bar opening below it): the sell still goes one
        // spacing above the level, 19956.13 + 43.87 = 20000.00
        GridOrder buy = orderAt(grid, "19956.13");
        ctx.fill(grid, buy, new BigDecimal("19950.00"), new BigDecimal("0.01"), BigDecimal.ZERO);

        assertThat(grid.inventory()).isEqualByComparingTo("0.01");
        List<LimitOrder> placed = ctx.since(before);
        assertThat(placed).hasSize(1);
        assertOrder(placed.get(0), Side.SELL, "20000.00", "0.01");

        ctx.fill(grid, orderAt(grid, "20000.00"));        // the sell fills: buy again one spacing below

        assertThat(grid.inventory()).isZero();
        assertThat(ctx.since(before + 1)).singleElement()
                .satisfies(o -> assertOrder(o, Side.BUY, "19956.13", "0.01"));
    }

    @Test
    void aPartialFillCountsAtOnceAndTheMatchingOrderWaitsForTheRest() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters());
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);
        int before = ctx.limitOrders().size();
        GridOrder buy = orderAt(grid, "19956.13");

        ctx.fill(grid, buy, buy.price(), new BigDecimal("0.004"), new BigDecimal("0.006"));
        assertThat(grid.inventory()).isEqualByComparingTo("0.004");
        assertThat(ctx.limitOrders()).hasSize(before);

        ctx.fill(grid, buy, buy.price(), new BigDecimal("0.006"), BigDecimal.ZERO);
        assertThat(grid.inventory()).isEqualByComparingTo("0.01");
        assertThat(ctx.since(before)).singleElement().satisfies(o -> assertOrder(o, Side.SELL, "20000.00", "0.01"));
    }

    /**
     * Buy at P_-1 fills (sell at P_0 placed). One bar then fills both that sell and the buy at P_-2: the sell's
     * answer is a buy at P_-1, the buy's answer a sell at P_-1, which would trade with each other. The buy at P_-1 is
     * canceled, and once the cancel is confirmed each is replaced by what its own fill would have placed: a buy at
     * P_-2 again and a sell at P_0.
     */
    @Test
    void aBuyAndASellDueOnTheSameLevelNetOut() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters());
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);
        ctx.fill(grid, orderAt(grid, "19956.13"));        // inventory 0.01, sell at 20000.00
        int before = ctx.limitOrders().size();

        ctx.fill(grid, orderAt(grid, "20000.00"));        // inventory 0.00, buy at 19956.13
        LimitOrder answer = ctx.limitOrders().get(before);
        assertOrder(answer, Side.BUY, "19956.13", "0.01");
        ctx.fill(grid, orderAt(grid, "19912.26"));        // inventory 0.01, sell due at 19956.13: clash

        assertThat(ctx.cancelled()).containsExactly(answer.clientOrderId());
        assertThat(ctx.limitOrders()).hasSize(before + 1);   // nothing more until the cancel is confirmed
        ctx.confirmCancels(grid);

        List<LimitOrder> placed = ctx.since(before + 1);
        assertThat(placed).hasSize(2);
        assertOrder(placed.get(0), Side.BUY, "19912.26", "0.01");
        assertOrder(placed.get(1), Side.SELL, "20000.00", "0.01");
        assertThat(grid.inventory()).isEqualByComparingTo("0.01");
        assertThat(grid.workingOrders()).extracting(o -> o.price().toPlainString())
                .containsExactlyInAnyOrder("19868.39", "19912.26", "20000.00");
    }

    /**
     * As above, but the buy at P_-1 had already filled in the same bar (its fill is delivered after the cancel was
     * asked for): nothing clashes any more, and both fills are answered as usual, P_-2's with a sell at P_-1 and
     * P_-1's with a sell at P_0.
     */
    @Test
    void aNettingCancelThatComesTooLateAnswersBothFills() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters());
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);
        ctx.fill(grid, orderAt(grid, "19956.13"));
        ctx.fill(grid, orderAt(grid, "20000.00"));        // buy at 19956.13 placed
        GridOrder answer = orderAt(grid, "19956.13");
        ctx.fill(grid, orderAt(grid, "19912.26"));        // clash: cancel of the buy at 19956.13 asked for
        int before = ctx.limitOrders().size();

        ctx.fill(grid, answer);                            // ... but it had filled: inventory 0.02

        assertThat(grid.inventory()).isEqualByComparingTo("0.02");
        List<LimitOrder> placed = ctx.since(before);
        assertThat(placed).hasSize(2);
        assertOrder(placed.get(0), Side.SELL, "19956.13", "0.01");
        assertOrder(placed.get(1), Side.SELL, "20000.00", "0.01");
        assertThat(grid.workingOrders()).extracting(o -> o.side() + " " + o.price().toPlainString())
                .containsExactlyInAnyOrder("BUY 19868.39", "SELL 19956.13", "SELL 20000.00");
    }

    /** L = 2 x 0.01 = 0.02: buys need I + B + 0.01 <= 0.02. */
    @Test
    void buysStopAtTheInventoryLimit() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters("maxInventoryLevels", 2));
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);

        // 0 + 0 + 0.01 <= 0.02 and 0 + 0.01 + 0.01 <= 0.02 place two buys; 0 + 0.02 + 0.01 > 0.02 stops the third
        assertThat(ctx.limitOrders()).extracting(o -> o.limitPrice().toPlainString())
                .containsExactly("19956.13", "19912.26");

        ctx.fill(grid, orderAt(grid, "19956.13"));
        ctx.fill(grid, orderAt(grid, "19912.26"));
        // I = 0.02 = L: only the two answering sells are working; no buy
        assertThat(grid.inventory()).isEqualByComparingTo("0.02");
        assertThat(grid.workingOrders()).allSatisfy(o -> assertThat(o.side()).isEqualTo(Side.SELL));
        assertThat(grid.workingOrders()).extracting(o -> o.price().toPlainString())
                .containsExactlyInAnyOrder("20000.00", "19956.13");
    }

    /**
     * With spacingMultiple 0.1 the floor rules: S = 20000 x 10 / 10^4 = 20.00, n = 3, grid [19940, 20060]. After the
     * buy at 19980.00 fills, a bar closes at 20100: outside, so every order is canceled and a new grid is laid out:
     * <pre>
     *   C = 20100.00, S = 20100 x 10 / 10^4 = 20.10 (0.1 sigma C stays below it: sigma would have to exceed 1 %)
     *   buys: room L - I - B = 0.03 - 0.01 - 0 = 0.02: 20079.90 and 20059.80, then none
     *   sells: spot, I - A = 0.01: one sell at 20120.10
     * </pre>
     */
    @Test
    void reCentresAroundTheCloseWhenThePriceLeavesTheGrid() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters("spacingMultiple", "0.1"));
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);
        assertThat(grid.layout().spacing()).isEqualByComparingTo("20.00");
        ctx.fill(grid, orderAt(grid, "19980.00"));
        List<String> working = grid.workingOrders().stream().map(o -> o.id().value()).toList();
        ctx.onBar(grid, ctx.bar(5, 20000, 20060, 20000, 20060));   // closes on P_3: still inside, nothing happens
        int before = ctx.limitOrders().size();
        assertThat(ctx.cancelled()).isEmpty();

        ctx.onBar(grid, ctx.bar(6, 20060, 20100, 20060, 20100));

        assertThat(ctx.cancelled()).extracting(id -> id.value()).containsExactlyInAnyOrderElementsOf(working);
        assertThat(ctx.limitOrders()).hasSize(before);        // the new grid waits for the cancels to be confirmed
        ctx.confirmCancels(grid);
        assertThat(grid.layout().centre()).isEqualByComparingTo("20100.00");
        assertThat(grid.layout().spacing()).isEqualByComparingTo("20.10");
        List<LimitOrder> placed = ctx.since(before);
        assertThat(placed).hasSize(3);
        assertOrder(placed.get(0), Side.BUY, "20079.90", "0.01");
        assertOrder(placed.get(1), Side.BUY, "20059.80", "0.01");
        assertOrder(placed.get(2), Side.SELL, "20120.10", "0.01");
        assertThat(grid.sizing().quantity()).isEqualByComparingTo("0.01");   // fixed at the first grid
    }

    @Test
    void aRiskRejectionCancelsTheGridAndPausesItForThePausePeriod() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters());
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);                                 // clock: close of minute 4 = T0 + 5 min
        List<GridOrder> working = List.copyOf(grid.workingOrders());

        ctx.reject(grid, working.get(0), RejectSource.RISK_RULE, "CIRCUIT_OPEN");

        assertThat(grid.paused()).isTrue();
        assertThat(grid.resumeAtMillis()).isEqualTo(FakeContext.T0 + (5 + 30) * 60_000L);
        assertThat(ctx.cancelled()).containsExactly(working.get(1).id(), working.get(2).id());
        ctx.confirmCancels(grid);
        assertThat(grid.workingOrders()).isEmpty();
        int before = ctx.limitOrders().size();

        // minutes 5 .. 33 close before T0 + 35 min: nothing is placed, not even when the price leaves the grid
        for (int m = 5; m <= 33; m++) {
            ctx.onBar(grid, flatBar(ctx, m, m == 20 ? 19000 : 20000));
        }
        assertThat(ctx.limitOrders()).hasSize(before);
        assertThat(grid.paused()).isTrue();

        ctx.onBar(grid, flatBar(ctx, 34, 20000));            // closes at T0 + 35 min: the pause is over

        assertThat(grid.paused()).isFalse();
        assertThat(ctx.since(before)).extracting(o -> o.limitPrice().toPlainString())
                .containsExactly("19956.13", "19912.26", "19868.39");
    }

    @Test
    void otherRejectionsOnlyTakeThatOrderOffTheGrid() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters());
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);
        GridOrder first = orderAt(grid, "19956.13");

        ctx.reject(grid, first, RejectSource.VENUE, "INSUFFICIENT_FUNDS");

        assertThat(grid.paused()).isFalse();
        assertThat(ctx.cancelled()).isEmpty();
        assertThat(grid.workingOrders()).extracting(o -> o.price().toPlainString())
                .containsExactly("19912.26", "19868.39");
    }

    /** maxRangePercent 0.1: the range is 20000 x 0.1 / 100 = 20.00 < S = 43.87, so not one level fits. */
    @Test
    void standsAsideWhenNotOneLevelFitsInTheMaximumRange() {
        FakeContext ctx = new FakeContext(BTCUSDT, fixtureParameters("maxRangePercent", "0.1"));
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);

        assertThat(ctx.limitOrders()).isEmpty();
        assertThat(grid.layout()).isNull();
        assertThat(grid.lastEstimate().sigma()).isGreaterThan(0.001);
    }

    /** Where shorting is allowed, the sells need A + x - I <= L = 0.03: three sells from the start. */
    @Test
    void placesSellLevelsWithoutInventoryWhereShortingIsAllowed() {
        FakeContext ctx = new FakeContext(FakeContext.BTCUSDT_PERP, fixtureParameters());
        VolatilityGrid grid = create(ctx);
        warmUp(ctx, grid);

        assertThat(ctx.limitOrders()).extracting(o -> o.side() + " " + o.limitPrice().toPlainString() + " "
                        + o.quantity().stripTrailingZeros().toPlainString())
                .containsExactly("BUY 19956.13 0.01", "BUY 19912.26 0.01", "BUY 19868.39 0.01",
                        "SELL 20043.87 0.01", "SELL 20087.74 0.01", "SELL 20131.61 0.01");
    }
}
