package io.quantplug.runtime.backtest;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebalancing on drift ({@code PositionSizer.rebalance}) through the engine: a sizer that enters 10 units and, once
 * the position is 10, asks to sell 4 gets a market sell of 4 at the next open, from the instance that opened the
 * position; a sizer that does not override it is never asked.
 */
class RebalancingSizerTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ONE);
    private static final long T0 = 1_700_000_000_000L;

    /** Enters 10; asks to sell 4 while the position is 10 (a drift the test makes up), then nothing. */
    static final class TenThenSix implements EnhancementProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("ten-then-six", "Ten then six", "rebalances once", ParameterSchema.of());
        }

        @Override
        public EnhancementKind kind() {
            return EnhancementKind.POSITION_SIZER;
        }

        @Override
        public Enhancement create(Parameters parameters) {
            return new PositionSizer() {
                @Override
                public BigDecimal size(Signal signal, SizingContext context) {
                    return BigDecimal.TEN;
                }

                @Override
                public BigDecimal rebalance(SizingContext context) {
                    BigDecimal held = context.portfolio().position(context.instrument().id()).quantity();
                    return held.compareTo(BigDecimal.TEN) == 0 ? new BigDecimal("-4") : null;
                }
            };
        }
    }

    @Test
    void anOpenPositionIsTradedBackAtTheNextOpen() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double p = 100 + i;
            bars.add(new Bar(BTC, Timeframe.M1, T0 + i * 60_000L, p, p, p, p, 1));
        }
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.STRATEGY, new ScriptedLongProvider(), null),
                new ExtensionInfo(ExtensionKind.ENHANCEMENT, new TenThenSix(), null)));
        BacktestConfig config = new BacktestConfig(SPOT, new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO,
                new ExtensionRef("scripted-long", Map.of()), List.of(), new ExtensionRef("ten-then-six", Map.of()),
                List.of());
        BacktestResult r = new Backtester(catalog).run(config, Timeframe.M1, bars, (d, t) -> { });
        // LONG at bar 0's close: buy 10 at bar 1's open (101); the sizer asks for -4 at bar 1's close: sell 4 at
        // bar 2's open (102); the 6 left are closed at the end of the data (105)
        assertThat(r.fillCount()).isEqualTo(3);
        RoundTrip trip = r.trades().get(0);
        assertThat(trip.strategy()).isEqualTo("scripted-long-1");
        // P&L: 4 x (102 - 101) + 6 x (105 - 101) = 28
        assertThat(trip.pnl()).isEqualByComparingTo("28");
    }
}
