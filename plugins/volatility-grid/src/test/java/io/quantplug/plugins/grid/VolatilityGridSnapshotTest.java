package io.quantplug.plugins.grid;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hot swap: an instance replaced by a new one restored from its snapshot goes on exactly as the instance that was
 * never replaced, with the GARCH model, the kept bars, the grid, the inventory and the working orders carried over.
 */
class VolatilityGridSnapshotTest {

    private static final Map<String, Object> PARAMETERS = Map.of("windowBars", 20, "garchWeight", "0.5",
            "garchWindowBars", 50, "garchRefitBars", 40, "horizonBars", 10, "spacingMultiple", 1,
            "minSpacingBps", 2, "levels", 4, "maxRangePercent", 2, "maxInventoryLevels", 4);

    /** 300 one-minute bars of a seeded random walk: 0.1 % per bar, a range of up to 0.1 % beyond open and close. */
    private static List<Bar> walk(FakeContext ctx) {
        Random random = new Random(20230301L);
        List<Bar> out = new ArrayList<>();
        double close = 20000;
        for (int m = 0; m < 300; m++) {
            double open = close;
            close = open * Math.exp(0.001 * random.nextGaussian());
            double high = Math.max(open, close) * (1 + 0.001 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.001 * random.nextDouble());
            out.add(ctx.bar(m, open, high, low, close));
        }
        return out;
    }

    /** Runs the bars through a mini venue, replacing the instance at the given bar indices. */
    private static FakeContext run(int... swapsBefore) {
        FakeContext ctx = new FakeContext(FakeContext.BTCUSDT, PARAMETERS);
        VolatilityGrid grid = VolatilityGridTest.create(ctx);
        List<Bar> bars = walk(ctx);
        for (int i = 0; i < bars.size(); i++) {
            for (int at : swapsBefore) {
                if (at == i) {
                    grid = swap(ctx, grid);
                }
            }
            ctx.matchAndBar(grid, bars.get(i));
        }
        return ctx;
    }

    private static VolatilityGrid swap(FakeContext ctx, VolatilityGrid old) {
        StateSnapshot snapshot = old.snapshot();
        VolatilityGrid next = VolatilityGridTest.create(ctx);   // the runner keeps its context across a swap
        assertThat(next.restore(snapshot)).isTrue();
        assertThat(next.snapshot()).isEqualTo(snapshot);         // nothing lost in the round trip
        return next;
    }

    private static List<String> log(FakeContext ctx) {
        List<String> out = new ArrayList<>();
        ctx.limitOrders().forEach(o -> out.add(o.clientOrderId() + " " + o.side() + " " + o.limitPrice().toPlainString()
                + " " + o.quantity().toPlainString()));
        ctx.cancelled().forEach(id -> out.add("cancel " + id));
        return out;
    }

    @Test
    void aRestoredInstanceContinuesExactlyAsTheOriginal() {
        FakeContext reference = run();
        // before 40: during warm-up, before the first GARCH fit (bar 50); 120 and 200: with a model, a grid, fills
        // and orders
        FakeContext swapped = run(40, 120, 200);

        assertThat(reference.limitOrders()).hasSizeGreaterThan(40);   // the walk traded: the comparison is not vacuous
        assertThat(reference.cancelled()).isNotEmpty();
        assertThat(log(swapped)).isEqualTo(log(reference));
    }

    @Test
    void theSnapshotCarriesTheGarchModelBarsGridAndOrders() {
        FakeContext ctx = new FakeContext(FakeContext.BTCUSDT, PARAMETERS);
        VolatilityGrid grid = VolatilityGridTest.create(ctx);
        for (Bar bar : walk(ctx).subList(0, 150)) {
            ctx.matchAndBar(grid, bar);
        }
        assertThat(grid.garch().available()).isTrue();
        assertThat(grid.workingOrders()).isNotEmpty();

        VolatilityGrid next = VolatilityGridTest.create(ctx);
        next.restore(grid.snapshot());

        assertThat(next.garch().parameters()).isEqualTo(grid.garch().parameters());
        assertThat(next.garch().nextVariance()).isEqualTo(grid.garch().nextVariance());
        assertThat(next.layout()).isEqualTo(grid.layout());
        assertThat(next.sizing()).isEqualTo(grid.sizing());
        assertThat(next.inventory()).isEqualByComparingTo(grid.inventory());
        assertThat(next.workingOrders()).containsExactlyElementsOf(grid.workingOrders());
    }

    @Test
    void declinesAnotherFormatAndRefusesABrokenSnapshotNamingTheValue() {
        FakeContext ctx = new FakeContext(FakeContext.BTCUSDT, PARAMETERS);
        VolatilityGrid grid = VolatilityGridTest.create(ctx);
        for (Bar bar : walk(ctx).subList(0, 100)) {
            ctx.matchAndBar(grid, bar);
        }
        StateSnapshot good = grid.snapshot();

        assertThat(VolatilityGridTest.create(ctx).restore(new StateSnapshot("volatility-grid/0", good.values())))
                .isFalse();
        Map<String, String> broken = new HashMap<>(good.values());
        broken.put("inventory", "a lot");
        assertThatThrownBy(() -> VolatilityGridTest.create(ctx).restore(new StateSnapshot(good.format(), broken)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'inventory'");
        broken.remove("inventory");
        assertThatThrownBy(() -> VolatilityGridTest.create(ctx).restore(new StateSnapshot(good.format(), broken)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks 'inventory'");
    }
}
