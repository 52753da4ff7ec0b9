package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.testkit.TestParameters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sizer tests share beyond the test kit's fakes ({@code FakeSizingContext}, {@code FakePortfolio},
 * {@code FakeBarHistory}): the instruments, a bar length of a fiftieth of a year, sizers built from their providers,
 * and bars from closes.
 */
final class SizerStubs {

    /** A spot instrument: lot 0.001, so a sizer's notional is capped by the cash. */
    static final Instrument SPOT = Instrument.spot(InstrumentId.of("BTCUSDT", "SIM"), "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.001"), BigDecimal.ONE);
    /** A perpetual: lot 0.001, margined, so only the sizer's own leverage cap bounds it. */
    static final Instrument PERP = perpetual("BTCUSDT-PERP");

    /** 365 days / 50: a bar length whose year holds exactly 50 bars, so sqrt(barsPerYear) = sqrt(50). */
    static final Timeframe FIFTIETH_OF_A_YEAR = new Timeframe(365L * 86_400_000L / 50);

    private SizerStubs() {
    }

    static Instrument perpetual(String symbol) {
        return new Instrument(InstrumentId.of(symbol, "SIM"), "BTC", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ONE, InstrumentKind.PERPETUAL);
    }

    /** A sizer from a provider, parameters as name, value, name, value ... (the rest default). */
    static PositionSizer sizer(EnhancementProvider provider, String... nameValues) {
        return (PositionSizer) provider.create(TestParameters.of(provider, nameValues));
    }

    static Signal longSignal(Instrument instrument) {
        return Signal.of(instrument.id(), SignalDirection.LONG, 0L, "test entry");
    }

    /** Bars of one timeframe with open = high = low = close, oldest first. */
    static List<Bar> closes(Instrument instrument, Timeframe timeframe, double... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(new Bar(instrument.id(), timeframe, i * timeframe.millis(), closes[i], closes[i], closes[i],
                    closes[i], 1.0));
        }
        return bars;
    }
}
