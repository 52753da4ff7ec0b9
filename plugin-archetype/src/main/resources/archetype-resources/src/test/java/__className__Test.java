package ${package};

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.ClosedTrade;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testkit.RunSummary;
import io.quantplug.testkit.SwapRehearsal;
import io.quantplug.testkit.TestParameters;
import io.quantplug.testkit.TradeExit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backtests the strategy with the Quantplug test kit (the platform's engine and simulated exchange) on 60 hourly
 * bars in src/test/resources: a synthetic BTCUSDT series that falls for 15 hours, rallies, falls and rallies again.
 * Bar numbers count from 0, the first data row of the file. Only the test kit's and the API's types are used.
 */
class ${className}Test {

    static final Path BARS = Path.of("src/test/resources/btcusdt-1h-synthetic.csv");

    @Test
    void goesLongWhenTheCloseCrossesAboveItsAverageAndFlatWhenItCrossesBelow() {
        BacktestRun run = PluginBacktest.of(${className}Provider.class)
                .parameters(Map.of("period", 10))
                .csv(BARS)
                .instrument("BTCUSDT")
                .fees(10)
                .run();

        assertThat(run.closedTrades()).hasSize(2);
        // bar 17 closes at 29,357.97, above the mean of bars 8..17 (29,288.44): the order fills at bar 18's open
        ClosedTrade first = run.closedTrades().get(0);
        assertThat(first.entryBar()).isEqualTo(18);
        assertThat(first.entryPrice()).isEqualByComparingTo("29365.56");
        // bar 35 closes at 30,774.46, below the mean of bars 26..35 (30,790.09): out at bar 36's open
        assertThat(first.exitBar()).isEqualTo(36);
        assertThat(first.exitPrice()).isEqualByComparingTo("30771.13");
        assertThat(first.exit()).isEqualTo(TradeExit.SIGNAL);
        // back in after bar 48's close; the position still open at the end is closed at the last close
        ClosedTrade second = run.closedTrades().get(1);
        assertThat(second.entryBar()).isEqualTo(49);
        assertThat(second.exit()).isEqualTo(TradeExit.END_OF_DATA);
        assertThat(second.exitPrice()).isEqualByComparingTo("31158.88");

        RunSummary summary = run.summary();
        assertThat(summary.tradeCount()).isEqualTo(2);
        assertThat(summary.winRate()).isEqualTo(1.0);
        assertThat(summary.totalReturn()).isBetween(0.08, 0.09);
    }

    @Test
    void aNewBuildRestoredFromTheRunningOnesSnapshotTradesAsIfNeverSwapped() {
        // swapped while long, between bars 29 and 30: the new instance must know the last 10 bars and the side
        SwapRehearsal.Result swap = SwapRehearsal.of(new ${className}Provider())
                .swapBeforeBar(30)
                .backtest(b -> b.parameters(Map.of("period", 10)).csv(BARS).instrument("BTCUSDT").fees(10))
                .run();

        assertThat(swap.restored()).isTrue();
        assertThat(swap.swapped().closedTrades()).hasSize(2);
        swap.assertMatchesUninterrupted();
    }

    @Test
    void rejectsAPeriodOutOfRange() {
        assertThatThrownBy(() -> TestParameters.of(new ${className}Provider(), "period", "1"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("period");
    }
}
