package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Order;
import io.quantplug.runtime.Platform;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.SessionListener;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several strategies in one configuration: instance naming, the checks of the aggregation's numbers (each message
 * names the value and its allowed range), the single-strategy form kept as it was, and strategies that trade on
 * their own (policy NONE) on hand-made bars.
 */
class MultiStrategyConfigTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ZERO);

    private static BacktestConfig config(List<ExtensionRef> strategies, SignalAggregation aggregation) {
        return new BacktestConfig(SPOT, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO, strategies,
                aggregation, List.of(), null, List.of());
    }

    private static List<ExtensionRef> refs(String... texts) {
        return java.util.Arrays.stream(texts).map(ExtensionRef::parse).toList();
    }

    @Test
    void instancesAreNumberedPerStrategyIdInOrder() {
        BacktestConfig c = config(refs("a", "b:x=1", "a:x=2"), SignalAggregation.majority());
        assertThat(c.instanceIds()).containsExactly("a-1", "b-1", "a-2");
        assertThat(c.strategy()).isEqualTo(ExtensionRef.parse("a"));
    }

    @Test
    void theSingleStrategyFormIsOneStrategyWithoutAggregation() {
        BacktestConfig c = new BacktestConfig(SPOT, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                ExtensionRef.parse("sma-crossover:fast=10"), List.of(), null, List.of());
        assertThat(c.strategies()).containsExactly(ExtensionRef.parse("sma-crossover:fast=10"));
        assertThat(c.aggregation()).isEqualTo(SignalAggregation.none());
        assertThat(c.instanceIds()).containsExactly("sma-crossover-1");
        assertThat(c.withStrategies(refs("a", "b"), SignalAggregation.unanimous()).aggregation().policy())
                .isEqualTo(AggregationPolicy.UNANIMOUS);
    }

    @Test
    void badAggregationNumbersAreRefusedNamingTheValueAndItsRange() {
        assertThatThrownBy(() -> SignalAggregation.weighted(List.of(1.0, 0.0), 0.5))
                .isInstanceOf(BacktestConfigurationException.class)
                .hasMessage("aggregation weight 2 = 0.0 is out of range: allowed > 0 (finite)");
        assertThatThrownBy(() -> SignalAggregation.weighted(List.of(1.0), 1.5))
                .hasMessage("aggregation threshold = 1.5 is out of range: allowed (0, 1]");
        assertThatThrownBy(() -> SignalAggregation.weighted(List.of(1.0), 0))
                .hasMessage("aggregation threshold = 0.0 is out of range: allowed (0, 1]");
        assertThatThrownBy(() -> new SignalAggregation(AggregationPolicy.MAJORITY, List.of(1.0), 1))
                .hasMessage("aggregation MAJORITY takes no weights; only WEIGHTED does");
        assertThatThrownBy(() -> config(refs("a", "b", "c"), SignalAggregation.weighted(List.of(1.0, 2.0), 0.5)))
                .isInstanceOf(BacktestConfigurationException.class)
                .hasMessage("aggregation WEIGHTED needs one weight per strategy: 3 strategies, 2 weights");
        assertThatThrownBy(() -> config(List.of(), SignalAggregation.none()))
                .hasMessage("a backtest needs at least one strategy");
        assertThat(SignalAggregation.weighted(List.of(1.0, 2.0, 1.0), 0.6).describe())
                .isEqualTo("WEIGHTED:threshold=0.6,weights=1;2;1");
    }

    @Test
    void withoutAggregationEachStrategyTradesOnItsOwnAndAnUnknownSecondIdIsNamed() {
        List<Bar> bars = new ArrayList<>();
        double[] closes = {100, 98, 102, 104, 101, 108, 105, 99};
        for (int i = 0; i < closes.length; i++) {
            bars.add(new Bar(BTC, Timeframe.M1, i * 60_000L, closes[i], closes[i] + 1, closes[i] - 1, closes[i], 5));
        }
        List<String> owners = new ArrayList<>();
        try (Platform platform = Platform.builder().classPathExtensions(getClass().getClassLoader()).build()) {
            BacktestConfig c = config(refs("sma-crossover:fast=1,slow=2", "sma-crossover:fast=1,slow=3"),
                    SignalAggregation.none());
            BacktestResult result = new Backtester(platform.catalog()).run(c, Timeframe.M1, bars,
                    BacktestProgress.NONE, new SessionListener() {
                        @Override
                        public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
                            owners.add(strategy);
                        }
                    });
            assertThat(result.decisions()).isEmpty();
            assertThat(owners).isNotEmpty().allSatisfy(o -> assertThat(o).isIn("sma-crossover-1",
                    "sma-crossover-2"));
            assertThat(result.parameters()).containsEntry("strategy:sma-crossover-1", Map.of("fast", "1",
                    "slow", "2")).containsEntry("strategy:sma-crossover-2", Map.of("fast", "1", "slow", "3"));

            BacktestConfig unknown = config(refs("sma-crossover", "nope"), SignalAggregation.majority());
            assertThatThrownBy(() -> platform.backtest(unknown, bars))
                    .isInstanceOf(BacktestConfigurationException.class)
                    .hasMessageStartingWith("unknown strategy 'nope'");
            BacktestConfig badParameter = config(refs("sma-crossover", "sma-crossover:fast=0"),
                    SignalAggregation.majority());
            assertThatThrownBy(() -> platform.backtest(badParameter, bars))
                    .hasMessageStartingWith("strategy 'sma-crossover-2': ");
        }
    }
}
