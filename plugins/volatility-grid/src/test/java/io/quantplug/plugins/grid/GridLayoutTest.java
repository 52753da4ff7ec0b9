package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.quantplug.plugins.grid.FakeContext.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;

/** Spacing, depth and quantity by the formulas of {@link GridLayout} and {@link GridSizing}, by hand. */
class GridLayoutTest {

    private static final BigDecimal C = new BigDecimal("20000.00");

    private static GridSettings settings(Map<String, ?> values) {
        return GridSettings.of(new FakeContext(BTCUSDT, values).parameters());
    }

    private static final GridSettings BASE = settings(Map.of("spacingMultiple", 2, "minSpacingBps", 10,
            "levels", 5, "maxRangePercent", 3, "capitalFraction", "0.02", "maxInventoryLevels", 5));

    @Test
    void spacingFollowsVolatilityWhenItExceedsTheFloor() {
        // S_floor = 20000 x 10 / 10^4 = 20.00; S_vol = 2 x 0.0011 x 20000 = 44.00 -> S = 44.00
        // range = 20000 x 3 / 100 = 600; floor(600 / 44) = 13 -> n = min(5, 13) = 5
        GridLayout g = GridLayout.plan(BTCUSDT, BASE, C, 0.0011);

        assertThat(g.spacing()).isEqualByComparingTo("44.00");
        assertThat(g.levels()).isEqualTo(5);
        // P_j = 20000 + 44 j: 19956, 19912, 19868, 19824, 19780 below; 20044 ... 20220 above
        assertThat(g.price(-1)).isEqualByComparingTo("19956.00");
        assertThat(g.price(-5)).isEqualByComparingTo("19780.00");
        assertThat(g.price(5)).isEqualByComparingTo("20220.00");
        assertThat(g.lowest()).isEqualByComparingTo("19780.00");
        assertThat(g.highest()).isEqualByComparingTo("20220.00");
    }

    @Test
    void spacingIsTheFloorWhenVolatilityIsLow() {
        // S_vol = 2 x 0.0002 x 20000 = 8.00 < S_floor = 20.00 -> S = 20.00
        GridLayout g = GridLayout.plan(BTCUSDT, BASE, C, 0.0002);

        assertThat(g.spacing()).isEqualByComparingTo("20.00");
        assertThat(g.price(-3)).isEqualByComparingTo("19940.00");
    }

    @Test
    void spacingRoundsUpToTheTick() {
        // S_vol = 2 x 0.00123457 x 20000 = 49.3828 -> up to the 0.01 tick: 49.39
        GridLayout g = GridLayout.plan(BTCUSDT, BASE, C, 0.00123457);

        assertThat(g.spacing()).isEqualByComparingTo("49.39");
        // P_-2 = 20000 - 2 x 49.39 = 19901.22
        assertThat(g.price(-2)).isEqualByComparingTo("19901.22");
    }

    @Test
    void depthShrinksAsVolatilityWidensTheSpacing() {
        // sigma 0.005: S = 2 x 0.005 x 20000 = 200 -> floor(600 / 200) = 3 levels
        assertThat(GridLayout.plan(BTCUSDT, BASE, C, 0.005).levels()).isEqualTo(3);
        // sigma 0.01: S = 400 -> floor(600 / 400) = 1 level
        assertThat(GridLayout.plan(BTCUSDT, BASE, C, 0.01).levels()).isEqualTo(1);
        // sigma 0.02: S = 800 > 600 -> no level fits
        assertThat(GridLayout.plan(BTCUSDT, BASE, C, 0.02).levels()).isZero();
    }

    @Test
    void spacingIsAtLeastOneTick() {
        GridSettings noFloor = settings(Map.of("minSpacingBps", 0, "levels", 3));
        // S_floor = 0, S_vol = 0 -> one tick, 0.01
        GridLayout g = GridLayout.plan(BTCUSDT, noFloor, C, 0.0);

        assertThat(g.spacing()).isEqualByComparingTo("0.01");
        assertThat(g.price(-3)).isEqualByComparingTo("19999.97");
    }

    @Test
    void levelOfFindsTheLatticeIndexOnlyForGridPrices() {
        GridLayout g = GridLayout.plan(BTCUSDT, BASE, C, 0.0011);   // S = 44, n = 5

        assertThat(g.levelOf(new BigDecimal("19912.00"))).isEqualTo(-2);
        assertThat(g.levelOf(new BigDecimal("20000"))).isZero();
        assertThat(g.levelOf(new BigDecimal("20220.00"))).isEqualTo(5);
        assertThat(g.levelOf(new BigDecimal("20264.00"))).isEqualTo(Integer.MIN_VALUE);   // j = 6 > n
        assertThat(g.levelOf(new BigDecimal("19913.00"))).isEqualTo(Integer.MIN_VALUE);   // between levels
        assertThat(g.spans(new BigDecimal("20220.00"))).isTrue();
        assertThat(g.spans(new BigDecimal("20220.01"))).isFalse();
        assertThat(g.spans(new BigDecimal("19779.99"))).isFalse();
    }

    @Test
    void quantityIsTheCapitalFractionOfEquityRoundedDownToTheLot() {
        // q = 0.02 x 10000 / 20000 = 0.01 BTC exactly; L = 5 x 0.01 = 0.05
        GridSizing s = GridSizing.of(BTCUSDT, BASE, new BigDecimal("10000"), C);
        assertThat(s.quantity()).isEqualByComparingTo("0.01");
        assertThat(s.inventoryLimit()).isEqualByComparingTo("0.05");

        // q = 0.03 x 10000 / 23456.78 = 0.0127894... -> down to the 0.00001 lot: 0.01278
        // (0.01279 x 23456.78 = 300.01 would exceed the 300 USDT a level may use; 0.01278 x 23456.78 = 299.78)
        GridSettings three = settings(Map.of("capitalFraction", "0.03", "maxInventoryLevels", 2));
        GridSizing t = GridSizing.of(BTCUSDT, three, new BigDecimal("10000"), new BigDecimal("23456.78"));
        assertThat(t.quantity()).isEqualByComparingTo("0.01278");
        assertThat(t.inventoryLimit()).isEqualByComparingTo("0.02556");   // 2 x 0.01278
    }

    @Test
    void quantityRoundsDownToALotThatIsNotAPowerOfTen() {
        Instrument halves = Instrument.spot(InstrumentId.of("XYZUSDT", "TEST"), "XYZ", "USDT",
                new BigDecimal("0.001"), new BigDecimal("0.5"), new BigDecimal("5"));
        GridSettings tenth = settings(Map.of("capitalFraction", "0.1"));
        // 0.1 x 1000 / 7 = 14.2857... -> the largest multiple of 0.5 not above it: 14.0
        assertThat(GridSizing.of(halves, tenth, new BigDecimal("1000"), new BigDecimal("7")).quantity())
                .isEqualByComparingTo("14.0");
    }

    @Test
    void noQuantityWithoutEquity() {
        assertThat(GridSizing.of(BTCUSDT, BASE, BigDecimal.ZERO, C).quantity()).isZero();
        assertThat(GridSizing.of(BTCUSDT, BASE, new BigDecimal("-5"), C).quantity()).isZero();
    }

    @Test
    void minimumsAreTheInstrumentsQuantityAndNotional() {
        // 0.0004 x 20000 = 8 USDT < 10 USDT minimum notional
        assertThat(GridSizing.belowMinimums(BTCUSDT, new BigDecimal("0.0004"), C)).contains("notional 8");
        // 0.0005 x 20000 = 10 USDT: exactly the minimum, allowed
        assertThat(GridSizing.belowMinimums(BTCUSDT, new BigDecimal("0.0005"), C)).isNull();
        assertThat(GridSizing.belowMinimums(BTCUSDT, BigDecimal.ZERO, C)).contains("below one lot");
        assertThat(GridSizing.belowMinimums(FakeContext.BTCUSDT_PERP, new BigDecimal("0.0005"), C))
                .contains("below the minimum 0.001");
    }
}
