package io.quantplug.app;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code --warmup-bars}, a session warms up on what its strategy declares for its parameters. */
class ExchangeSessionTest {

    /** Declares its {@code slow} parameter as its warm-up, as sma-crossover does. */
    static final class Declaring implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("declaring", "Declaring", "Declares a warm-up.", ParameterSchema.of(
                    ParameterSpec.integer("slow").defaultValue(30).range(2, 5000).description("slow").build()));
        }

        @Override
        public Strategy create(StrategyContext context) {
            return bar -> { };
        }

        @Override
        public int warmUpBars(Parameters parameters) {
            return parameters.getInt("slow");
        }
    }

    @Test
    void theDeclaredWarmUpFollowsTheParameters() {
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(new ExtensionInfo(ExtensionKind.STRATEGY,
                new Declaring(), null)));
        Instrument btc = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT",
                new BigDecimal("0.01"), new BigDecimal("0.00001"), BigDecimal.ZERO);
        assertThat(ExchangeSession.declaredWarmUp(catalog, config(btc, "declaring"))).isEqualTo(30);
        assertThat(ExchangeSession.declaredWarmUp(catalog, config(btc, "declaring:slow=120"))).isEqualTo(120);
        assertThat(ExchangeSession.declaredWarmUp(catalog, config(btc, "unknown"))).isZero();
    }

    private static BacktestConfig config(Instrument instrument, String strategy) {
        return new BacktestConfig(instrument, new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO,
                ExtensionRef.parse(strategy), List.of(), null, List.of());
    }
}
