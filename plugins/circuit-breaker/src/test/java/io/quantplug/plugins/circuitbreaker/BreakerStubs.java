package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written stand-ins for what the runtime hands a risk rule: a portfolio whose equity and positions the test sets,
 * and a risk context with a clock the test moves. The plugin must not depend on the runtime, so these replace it.
 */
final class BreakerStubs {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "SIM");
    static final InstrumentId SOL = InstrumentId.of("SOLUSDT", "SIM");

    private static int orders;

    private BreakerStubs() {
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** UTC epoch milliseconds of an ISO-8601 instant, e.g. {@code 2023-03-10T10:00:00Z}. */
    static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /**
     * A circuit breaker with every trigger off except the given parameters (name, value, name, value ...).
     */
    static CircuitBreakerRule breaker(String... nameValues) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put(CircuitBreakerProvider.DAILY_LOSS_PERCENT, "0");
        raw.put(CircuitBreakerProvider.DRAWDOWN_PERCENT, "0");
        raw.put(CircuitBreakerProvider.MAX_OPEN_POSITIONS, "0");
        raw.put(CircuitBreakerProvider.MAX_CONSECUTIVE_LOSSES, "0");
        raw.put(CircuitBreakerProvider.VOLATILITY_K, "0");
        for (int i = 0; i < nameValues.length; i += 2) {
            raw.put(nameValues[i], nameValues[i + 1]);
        }
        CircuitBreakerProvider provider = new CircuitBreakerProvider();
        Parameters p = provider.descriptor().parameters().resolve(raw);
        return (CircuitBreakerRule) provider.create(p);
    }

    /** A position of a given signed quantity and average entry price. */
    record StubPosition(InstrumentId instrument, BigDecimal quantity, BigDecimal averageEntryPrice)
            implements PositionView {
        @Override
        public BigDecimal realizedPnl() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal unrealizedPnl() {
            return BigDecimal.ZERO;
        }
    }

    /** A portfolio whose equity and positions the test sets. */
    static final class StubPortfolio implements PortfolioView {
        private BigDecimal equity;
        private final Map<InstrumentId, StubPosition> positions = new LinkedHashMap<>();

        StubPortfolio(String equity) {
            this.equity = d(equity);
        }

        StubPortfolio equity(String value) {
            equity = d(value);
            return this;
        }

        StubPortfolio with(InstrumentId instrument, String quantity) {
            return with(instrument, quantity, "0");
        }

        StubPortfolio with(InstrumentId instrument, String quantity, String averageEntryPrice) {
            positions.put(instrument, new StubPosition(instrument, d(quantity), d(averageEntryPrice)));
            return this;
        }

        @Override
        public String currency() {
            return "USDT";
        }

        @Override
        public BigDecimal cash() {
            return equity;
        }

        @Override
        public BigDecimal equity() {
            return equity;
        }

        @Override
        public BigDecimal realizedPnl() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal totalFees() {
            return BigDecimal.ZERO;
        }

        @Override
        public PositionView position(InstrumentId instrument) {
            StubPosition p = positions.get(instrument);
            return p != null ? p : new StubPosition(instrument, BigDecimal.ZERO, BigDecimal.ZERO);
        }

        @Override
        public List<PositionView> openPositions() {
            List<PositionView> open = new ArrayList<>();
            positions.values().forEach(p -> {
                if (p.quantity().signum() != 0) {
                    open.add(p);
                }
            });
            return open;
        }
    }

    /**
     * A risk context over a stub portfolio with a clock and last prices the test sets; it records the events a rule
     * reports, as the session would.
     */
    static final class StubContext implements RiskContext {
        final StubPortfolio portfolio;
        /** The events reported through {@link #report}, in order. */
        final List<RiskEvent> reported = new ArrayList<>();
        /** When set, {@link #report} refuses as the SPI's default does, in a context that cannot record events. */
        boolean refuseReports;
        /** Calls of {@link #report}, refused ones included. */
        int reportCalls;
        private final Map<InstrumentId, Double> lastPrices = new HashMap<>();
        private long timeMillis;

        StubContext(StubPortfolio portfolio) {
            this.portfolio = portfolio;
        }

        /** Moves the clock to an ISO-8601 instant. */
        StubContext at(String iso) {
            timeMillis = BreakerStubs.at(iso);
            return this;
        }

        /** Moves the clock and sets the equity. */
        StubContext at(String iso, String equity) {
            portfolio.equity(equity);
            return at(iso);
        }

        StubContext lastPrice(InstrumentId id, double price) {
            lastPrices.put(id, price);
            return this;
        }

        @Override
        public long timeMillis() {
            return timeMillis;
        }

        @Override
        public PortfolioView portfolio() {
            return portfolio;
        }

        @Override
        public Instrument instrument(InstrumentId id) {
            throw new IllegalArgumentException("not needed by these rules");
        }

        @Override
        public double lastPrice(InstrumentId id) {
            return lastPrices.getOrDefault(id, Double.NaN);
        }

        @Override
        public int openOrderCount() {
            return 0;
        }

        @Override
        public void report(RiskEvent event) {
            reportCalls++;
            if (refuseReports) {
                throw new UnsupportedOperationException("this risk context does not record risk events");
            }
            reported.add(event);
        }
    }

    /** A fill with its fee in the account currency (USDT). */
    static Fill fill(InstrumentId instrument, Side side, String quantity, String price, String fee, long timeMillis) {
        return fill(instrument, side, quantity, price, fee, "USDT", timeMillis);
    }

    static Fill fill(InstrumentId instrument, Side side, String quantity, String price, String fee, String feeAsset,
                     long timeMillis) {
        return new Fill(new ClientOrderId("f-" + (++orders)), instrument, side, d(price), d(quantity), d(fee),
                feeAsset, Liquidity.TAKER, timeMillis);
    }

    /** A one-minute bar. */
    static Bar bar(InstrumentId instrument, long openTimeMillis, double open, double high, double low, double close) {
        return new Bar(instrument, Timeframe.M1, openTimeMillis, open, high, low, close, 1.0);
    }

    /** A flat one-minute bar at a price (no range, no return against an equal previous close). */
    static Bar flatBar(InstrumentId instrument, long openTimeMillis, double price) {
        return bar(instrument, openTimeMillis, price, price, price, price);
    }

    /**
     * A market order intent as the engine builds it: quantity times the price is the notional, and it reduces the
     * position when it is on the opposite side and not larger.
     */
    static OrderIntent intent(StubPortfolio portfolio, InstrumentId instrument, Side side, String quantity,
                              String price) {
        BigDecimal qty = d(quantity);
        BigDecimal position = portfolio.position(instrument).quantity();
        boolean reduces = position.signum() != 0 && position.signum() != side.sign()
                && qty.compareTo(position.abs()) <= 0;
        MarketOrder order = new MarketOrder(new ClientOrderId("o-" + (++orders)), instrument, side,
                OrderSize.base(qty));
        return new OrderIntent(order, "s-1", Double.parseDouble(price), qty, qty.multiply(d(price)), reduces);
    }
}
