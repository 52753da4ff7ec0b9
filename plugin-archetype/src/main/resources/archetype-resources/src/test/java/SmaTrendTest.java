package ${package};

import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfigurationException;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backtests the strategy with the Quantplug test kit (the platform's engine and simulated exchange) on 60 hourly
 * bars in src/test/resources: a synthetic BTCUSDT series that falls for 15 hours, rallies, falls and rallies again.
 * Bar numbers count from 0, the first data row of the file.
 */
class SmaTrendTest {

    static final Path BARS = Path.of("src/test/resources/btcusdt-1h-synthetic.csv");

    @Test
    void goesLongWhenTheCloseCrossesAboveItsAverageAndFlatWhenItCrossesBelow() {
        BacktestRun run = PluginBacktest.of(SmaTrendProvider.class)
                .parameters(Map.of("period", 10))
                .csv(BARS)
                .instrument("BTCUSDT")
                .fees(10)
                .run();

        assertThat(run.trades()).hasSize(2);
        // bar 17 closes at 29,357.97, above the mean of bars 8..17 (29,288.44): the order fills at bar 18's open
        RoundTrip first = run.trades().get(0);
        assertThat(run.barAt(first.entryTimeMillis())).isEqualTo(18);
        assertThat(first.entryPrice()).isEqualByComparingTo("29365.56");
        // bar 35 closes at 30,774.46, below the mean of bars 26..35 (30,790.09): out at bar 36's open
        assertThat(run.barAt(first.exitTimeMillis())).isEqualTo(36);
        assertThat(first.exitPrice()).isEqualByComparingTo("30771.13");
        // back in after bar 48's close; the position still open at the end is closed at the last close
        RoundTrip second = run.trades().get(1);
        assertThat(run.barAt(second.entryTimeMillis())).isEqualTo(49);
        assertThat(second.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        assertThat(second.exitPrice()).isEqualByComparingTo("31158.88");

        assertThat(run.metrics().tradeCount()).isEqualTo(2);
        assertThat(run.metrics().winRate()).isEqualTo(1.0);
        assertThat(run.metrics().totalReturn()).isBetween(0.08, 0.09);
    }

    @Test
    void rejectsAPeriodOutOfRange() {
        PluginBacktest backtest = PluginBacktest.of(SmaTrendProvider.class).parameter("period", 1).csv(BARS);

        assertThatThrownBy(backtest::run).isInstanceOf(BacktestConfigurationException.class)
                .hasMessageContaining("period");
    }
}
