package io.quantplug.plugins.signals;

import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bars, signals and parameters for the tests. */
final class TestBars {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "BINANCE");
    /** The enhancers read nothing from the context; a signal's data come from their own onBar. */
    static final EnhancementContext NO_CONTEXT = new EnhancementContext() {
        @Override
        public Instrument instrument() {
            throw new UnsupportedOperationException("not read by the enhancers");
        }

        @Override
        public BarHistory history() {
            throw new UnsupportedOperationException("not read by the enhancers");
        }

        @Override
        public PortfolioView portfolio() {
            throw new UnsupportedOperationException("not read by the enhancers");
        }
    };

    private TestBars() {
    }

    /** Bars from rows of {open, high, low, close, volume}, one timeframe apart from {@code start}. */
    static List<Bar> bars(InstrumentId id, Timeframe tf, String start, double[][] rows) {
        List<Bar> out = new ArrayList<>();
        long t = Instant.parse(start).toEpochMilli();
        for (double[] r : rows) {
            out.add(new Bar(id, tf, t, r[0], r[1], r[2], r[3], r[4]));
            t += tf.millis();
        }
        return out;
    }

    /** A flat-candle 1m bar (open = high = low = close) of volume 1. */
    static Bar minute(InstrumentId id, long openTimeMillis, double price) {
        return new Bar(id, Timeframe.M1, openTimeMillis, price, price, price, price, 1);
    }

    static Signal signal(InstrumentId id, SignalDirection direction, long timeMillis) {
        return Signal.of(id, direction, timeMillis, "test signal");
    }

    static Parameters multiFactor(Map<String, String> raw) {
        return new MultiFactorScoreProvider().descriptor().parameters().resolve(raw);
    }

    static Parameters multiTimeframe(Map<String, String> raw) {
        return new MultiTimeframeProvider().descriptor().parameters().resolve(raw);
    }
}
