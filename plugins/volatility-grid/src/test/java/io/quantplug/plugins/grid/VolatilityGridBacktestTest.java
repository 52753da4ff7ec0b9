package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.instrument.InstrumentCatalog;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid through the SDK test kit (the runtime's engine and simulated venue) on three weeks of real Binance.US
 * BTCUSDT 1-minute bars (March 2023, the SVB/USDC-depeg weeks: 19,565 to 28,461 USDT), asserting what must hold on
 * any data: every fill at its limit price or better, every order on a level of the grid in force, spacing and depth
 * by their formulas, one fixed level quantity, and the inventory never above its limit.
 */
class VolatilityGridBacktestTest {

    private static final Map<String, Object> PARAMETERS = Map.of("windowBars", 60, "garchWeight", "0.5",
            "garchWindowBars", 300, "garchRefitBars", 480, "horizonBars", 30, "spacingMultiple", "1.5",
            "minSpacingBps", 25, "levels", 5, "maxRangePercent", 2, "maxInventoryLevels", 4);
    private static final Instrument BTCUSDT = InstrumentCatalog.binanceSpot().find("BTCUSDT").orElseThrow();

    private static RecordingProvider recorder;
    private static BacktestRun run;

    @BeforeAll
    static void runOnMarch2023() {
        recorder = new RecordingProvider();
        run = PluginBacktest.of(recorder).parameters(PARAMETERS)
                .csv(SharedData.require(GarchForecasterTest.FILE)).instrument("BTCUSDT").fees(10).run();
    }

    @Test
    void theGridTradedAndReCentredOnTheseWeeks() {
        Set<BigDecimal> centres = new LinkedHashSet<>();
        recorder.submitted.forEach(s -> centres.add(s.layout().centre()));
        assertThat(run.fills()).hasSizeGreaterThan(100);
        assertThat(centres).hasSizeGreaterThan(20);
        assertThat(recorder.grid.garch().fits()).isGreaterThan(55);    // 30,240 bars, a fit every 480 from bar 301
        assertThat(recorder.events).noneMatch(e -> e.event() instanceof OrderRejected);
    }

    /** The fills of the grid's orders, in order; the only other fill is the engine's close of what is left. */
    private static List<Fill> gridFills() {
        Set<ClientOrderId> ids = new HashSet<>();
        recorder.submitted.forEach(s -> ids.add(s.order().clientOrderId()));
        List<Fill> grid = run.fills().stream().filter(f -> ids.contains(f.clientOrderId())).toList();
        List<Fill> others = run.fills().stream().filter(f -> !ids.contains(f.clientOrderId())).toList();
        BigDecimal left = grid.stream().map(f -> f.side() == Side.BUY ? f.quantity() : f.quantity().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(others).hasSizeLessThanOrEqualTo(1).allSatisfy(f -> {
            assertThat(f.clientOrderId().value()).startsWith("end-of-data");
            assertThat(f.side()).isEqualTo(Side.SELL);
            assertThat(f.quantity()).isEqualByComparingTo(left);
        });
        return grid;
    }

    @Test
    void everyFillIsAtItsLimitPriceOrBetterForItsWholeQuantity() {
        Map<ClientOrderId, LimitOrder> orders = new HashMap<>();
        recorder.submitted.forEach(s -> orders.put(s.order().clientOrderId(), s.order()));
        for (Fill fill : gridFills()) {
            LimitOrder order = orders.get(fill.clientOrderId());
            assertThat(fill.side()).isEqualTo(order.side());
            assertThat(fill.quantity()).isEqualByComparingTo(order.quantity());
            if (fill.side() == Side.BUY) {
                assertThat(fill.price()).as("buy fill %s", fill).isLessThanOrEqualTo(order.limitPrice());
            } else {
                assertThat(fill.price()).as("sell fill %s", fill).isGreaterThanOrEqualTo(order.limitPrice());
            }
        }
    }

    /**
     * Each order's price is {@code C + j S}, {@code |j| <= n}, of the grid in force when it was placed, and each grid
     * obeys its formulas: {@code S} a multiple of the 0.01 tick, at least {@code C x 25 / 10^4} and
     * {@code 1.5 sigma C} and less than a tick above the larger; {@code n <= 5}, {@code n S <= 2 % of C}, and
     * {@code n = 5} unless one more level would not fit.
     */
    @Test
    void everyOrderIsOnALevelOfTheGridInForce() {
        BigDecimal tick = BTCUSDT.tickSize();
        for (RecordingProvider.Submitted s : recorder.submitted) {
            GridLayout g = s.layout();
            BigDecimal offset = s.order().limitPrice().subtract(g.centre());
            BigDecimal[] jr = offset.divideAndRemainder(g.spacing());
            assertThat(jr[1]).as("%s off the lattice of %s", s.order(), g).isZero();
            assertThat(jr[0].abs().intValue()).isLessThanOrEqualTo(g.levels());

            BigDecimal floor = g.centre().multiply(new BigDecimal("25")).divide(BigDecimal.valueOf(10_000));
            BigDecimal vol = new BigDecimal("1.5").multiply(BigDecimal.valueOf(s.estimate().sigma()))
                    .multiply(g.centre());
            BigDecimal wanted = floor.max(vol);
            assertThat(g.spacing().remainder(tick)).isZero();
            assertThat(g.spacing()).isGreaterThanOrEqualTo(wanted).isLessThan(wanted.add(tick));
            BigDecimal range = g.centre().multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(100));
            assertThat(g.levels()).isBetween(1, 5);
            assertThat(g.spacing().multiply(BigDecimal.valueOf(g.levels()))).isLessThanOrEqualTo(range);
            if (g.levels() < 5) {
                assertThat(g.spacing().multiply(BigDecimal.valueOf(g.levels() + 1))).isGreaterThan(range);
            }
        }
    }

    /** q = floor_lot(0.02 x 10000 / C_1) at the first grid, the same for every order after. */
    @Test
    void everyLevelTradesTheQuantityFixedAtTheFirstGrid() {
        RecordingProvider.Submitted first = recorder.submitted.get(0);
        assertThat(first.equity()).isEqualByComparingTo("10000");          // nothing traded before the first grid
        BigDecimal q = new BigDecimal("200").divide(first.layout().centre(), 5, RoundingMode.DOWN);
        assertThat(recorder.submitted).allSatisfy(s -> assertThat(s.order().quantity()).isEqualByComparingTo(q));
        assertThat(recorder.grid.sizing().quantity()).isEqualByComparingTo(q);
    }

    /**
     * The inventory summed from the venue's fills of the grid's orders never exceeds L = 4 q and, spot, never goes
     * below 0; the grid's own count after each callback is within its limit, and in the end equals the fills it was
     * given.
     */
    @Test
    void theInventoryNeverExceedsItsLimit() {
        BigDecimal limit = recorder.grid.sizing().inventoryLimit();
        assertThat(limit).isEqualByComparingTo(recorder.grid.sizing().quantity().multiply(BigDecimal.valueOf(4)));
        BigDecimal inventory = BigDecimal.ZERO;
        BigDecimal highest = BigDecimal.ZERO;
        for (Fill fill : gridFills()) {
            inventory = fill.side() == Side.BUY ? inventory.add(fill.quantity()) : inventory.subtract(fill.quantity());
            assertThat(inventory).as("after %s", fill).isBetween(BigDecimal.ZERO, limit);
            highest = highest.max(inventory);
        }
        assertThat(highest).isEqualByComparingTo(limit);                   // the limit was reached, and held
        BigDecimal delivered = recorder.events.stream().filter(e -> e.event() instanceof OrderFilled)
                .map(e -> ((OrderFilled) e.event()).fill())
                .map(f -> f.side() == Side.BUY ? f.quantity() : f.quantity().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(recorder.grid.inventory()).isEqualByComparingTo(delivered);   // its own count of what it saw
        List<RecordingProvider.Inventory> seen = recorder.inventory;
        assertThat(seen).allSatisfy(i -> assertThat(i.inventory()).isLessThanOrEqualTo(i.limit()));
    }
}
