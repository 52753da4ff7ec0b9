package io.quantplug.plugins.volatility;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written strategy context: a clock the test moves, a position the test sets, and a log of what the strategy
 * emits, submits and cancels, in order. The strategy must not depend on the runtime, so this replaces it in unit
 * tests (the test-kit backtests use the real engine).
 */
final class StrategyStubs {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("5"));

    private StrategyStubs() {
    }

    /** A one-minute bar with open = high = low = close. */
    static Bar bar(int minute, double close) {
        return new Bar(BTC, Timeframe.M1, minute * 60_000L, close, close, close, close, 1.0);
    }

    /** A position the test sets. */
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

    /** The context; {@link #log} holds {@code emit LONG 1.0 ...}, {@code submit ...}, {@code cancel id} lines. */
    static final class FakeContext implements StrategyContext, PortfolioView {
        final Parameters parameters;
        final List<Signal> signals = new ArrayList<>();
        final List<Order> orders = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        private StubPosition position = new StubPosition(BTC, BigDecimal.ZERO, BigDecimal.ZERO);
        private long nowMillis;
        private int ids;

        FakeContext(String... nameValues) {
            Map<String, String> raw = new LinkedHashMap<>();
            for (int i = 0; i < nameValues.length; i += 2) {
                raw.put(nameValues[i], nameValues[i + 1]);
            }
            this.parameters = new RegimeTrendProvider().descriptor().parameters().resolve(raw);
        }

        /** The strategy this context's parameters describe. */
        RegimeTrendStrategy strategy() {
            return (RegimeTrendStrategy) new RegimeTrendProvider().create(this);
        }

        /** Feeds a bar at its close time. */
        void onBar(RegimeTrendStrategy s, Bar bar) {
            nowMillis = bar.closeTimeMillis();
            s.onBar(bar);
        }

        /** Books a fill into the position and tells the strategy, as the engine does. */
        void fill(RegimeTrendStrategy s, ClientOrderId id, Side side, String quantity, String price,
                  String positionAfter, String averageEntry) {
            position = new StubPosition(BTC, new BigDecimal(positionAfter), new BigDecimal(averageEntry));
            Fill f = new Fill(id, BTC, side, new BigDecimal(price), new BigDecimal(quantity), BigDecimal.ZERO, "USDT",
                    Liquidity.TAKER, nowMillis);
            s.onOrderEvent(new OrderFilled(f, BigDecimal.ZERO));
        }

        @Override
        public String instanceId() {
            return "regime-trend-1";
        }

        @Override
        public InstantSource clock() {
            return () -> Instant.ofEpochMilli(nowMillis);
        }

        @Override
        public Instrument instrument() {
            return SPOT;
        }

        @Override
        public BarHistory history() {
            throw new UnsupportedOperationException("regime-trend keeps its own windows");
        }

        @Override
        public PortfolioView portfolio() {
            return this;
        }

        @Override
        public Parameters parameters() {
            return parameters;
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("regime-trend-test");
        }

        @Override
        public void emit(Signal signal) {
            signals.add(signal);
            log.add("emit " + signal.direction() + " " + signal.strength());
        }

        @Override
        public void submit(Order order) {
            orders.add(order);
            log.add("submit " + order.clientOrderId().value());
        }

        @Override
        public void cancel(ClientOrderId clientOrderId) {
            log.add("cancel " + clientOrderId.value());
        }

        @Override
        public ClientOrderId nextClientOrderId() {
            return new ClientOrderId("rt-" + (++ids));
        }

        @Override
        public void scheduleTimer(String name, long timeMillis) {
            throw new UnsupportedOperationException("regime-trend sets no timers");
        }

        @Override
        public String currency() {
            return "USDT";
        }

        @Override
        public BigDecimal cash() {
            return new BigDecimal("10000");
        }

        @Override
        public BigDecimal equity() {
            return cash();
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
            return position;
        }

        @Override
        public List<PositionView> openPositions() {
            return position.quantity().signum() == 0 ? List.of() : List.of(position);
        }
    }
}
