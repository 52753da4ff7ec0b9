package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written stand-ins for what the engine hands a sizer: a portfolio whose equity, cash and realised P&amp;L the
 * test sets, a bar history built from a list of bars, and a sizing context over both. The plugin must not depend on
 * the runtime, so these replace it.
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

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** A sizer from a provider, parameters as name, value, name, value ... (the rest default). */
    static PositionSizer sizer(EnhancementProvider provider, String... nameValues) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            raw.put(nameValues[i], nameValues[i + 1]);
        }
        return (PositionSizer) provider.create(provider.descriptor().parameters().resolve(raw));
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

    /** A history of bars given oldest first, as the engine's window holds them (newest first). */
    static final class StubHistory implements BarHistory {
        private final List<Bar> oldestFirst;
        private final int capacity;

        StubHistory(List<Bar> oldestFirst, int capacity) {
            this.oldestFirst = List.copyOf(oldestFirst);
            this.capacity = capacity;
        }

        @Override
        public int size() {
            return oldestFirst.size();
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public Bar get(int barsAgo) {
            if (barsAgo < 0 || barsAgo >= oldestFirst.size()) {
                throw new IndexOutOfBoundsException(barsAgo);
            }
            return oldestFirst.get(oldestFirst.size() - 1 - barsAgo);
        }
    }

    /** A position with a realised P&amp;L the test sets; flat unless a quantity is given. */
    record StubPosition(InstrumentId instrument, BigDecimal quantity,
                        BigDecimal realizedPnl) implements PositionView {
        @Override
        public BigDecimal averageEntryPrice() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal unrealizedPnl() {
            return BigDecimal.ZERO;
        }
    }

    /** A portfolio whose equity, cash and per-instrument realised P&amp;L the test sets. */
    static final class StubPortfolio implements PortfolioView {
        private BigDecimal equity;
        private BigDecimal cash;
        private final Map<InstrumentId, BigDecimal> realized = new LinkedHashMap<>();

        StubPortfolio(String equity) {
            this.equity = d(equity);
            this.cash = d(equity);
        }

        /** Sets equity and cash to the same value (a flat account). */
        StubPortfolio equity(String value) {
            equity = d(value);
            cash = d(value);
            return this;
        }

        StubPortfolio cash(String value) {
            cash = d(value);
            return this;
        }

        /** Sets the instrument's cumulative realised P&amp;L. */
        StubPortfolio realized(Instrument instrument, String value) {
            realized.put(instrument.id(), d(value));
            return this;
        }

        @Override
        public String currency() {
            return "USDT";
        }

        @Override
        public BigDecimal cash() {
            return cash;
        }

        @Override
        public BigDecimal equity() {
            return equity;
        }

        @Override
        public BigDecimal realizedPnl() {
            return realized.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Override
        public BigDecimal totalFees() {
            return BigDecimal.ZERO;
        }

        @Override
        public PositionView position(InstrumentId instrument) {
            return new StubPosition(instrument, BigDecimal.ZERO, realized.getOrDefault(instrument, BigDecimal.ZERO));
        }

        @Override
        public List<PositionView> openPositions() {
            return List.of();
        }
    }

    /** A sizing context over a stub portfolio and history; the reference price is the newest close unless set. */
    static final class StubContext implements SizingContext {
        final StubPortfolio portfolio;
        private final Instrument instrument;
        private final BarHistory history;
        private Double referencePrice;

        StubContext(Instrument instrument, StubPortfolio portfolio, List<Bar> oldestFirst) {
            this(instrument, portfolio, new StubHistory(oldestFirst, 1_000));
        }

        StubContext(Instrument instrument, StubPortfolio portfolio, BarHistory history) {
            this.instrument = instrument;
            this.portfolio = portfolio;
            this.history = history;
        }

        StubContext price(double value) {
            referencePrice = value;
            return this;
        }

        @Override
        public double referencePrice() {
            if (referencePrice != null) {
                return referencePrice;
            }
            return history.size() == 0 ? Double.NaN : history.get(0).close();
        }

        @Override
        public Instrument instrument() {
            return instrument;
        }

        @Override
        public BarHistory history() {
            return history;
        }

        @Override
        public PortfolioView portfolio() {
            return portfolio;
        }
    }
}
