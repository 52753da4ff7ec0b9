package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-written strategy context: a settable clock, a fixed equity, and a log of what the strategy submitted and
 * canceled. Order events are delivered by the test itself.
 */
final class FakeContext implements StrategyContext {

    static final Instrument BTCUSDT = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("10"));
    static final Instrument BTCUSDT_PERP = new Instrument(InstrumentId.of("BTCUSDT", "BINANCE_USDM"), "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"),
            InstrumentKind.PERPETUAL);
    static final long T0 = Instant.parse("2023-03-01T00:00:00Z").toEpochMilli();

    final List<LimitOrder> submitted = new ArrayList<>();
    final List<ClientOrderId> canceled = new ArrayList<>();
    private final Instrument instrument;
    private final Parameters parameters;
    private BigDecimal equity = new BigDecimal("10000");
    private long nowMillis = T0;
    private long sequence;
    private int confirmed;
    private final java.util.Set<ClientOrderId> filled = new java.util.HashSet<>();

    FakeContext(Instrument instrument, Map<String, ?> parameters) {
        this.instrument = instrument;
        Map<String, String> text = new java.util.LinkedHashMap<>();
        parameters.forEach((k, v) -> text.put(k, String.valueOf(v)));
        this.parameters = new VolatilityGridProvider().descriptor().parameters().resolve(text);
    }

    void equity(String value) {
        equity = new BigDecimal(value);
    }

    /** Moves the clock to a bar's close and hands the bar to the strategy, as the engine does. */
    void bar(VolatilityGrid grid, Bar bar) {
        nowMillis = bar.closeTimeMillis();
        grid.onBar(bar);
    }

    /** A one-minute bar opening {@code minute} minutes after {@link #T0}. */
    Bar bar(int minute, double open, double high, double low, double close) {
        return new Bar(instrument.id(), Timeframe.M1, T0 + minute * 60_000L, open, high, low, close, 1.0);
    }

    /** The strategy's working order at a price, from its own book. */
    static GridOrder orderAt(VolatilityGrid grid, String price) {
        return grid.workingOrders().stream().filter(o -> o.price().compareTo(new BigDecimal(price)) == 0)
                .findFirst().orElseThrow(() -> new AssertionError("no working order at " + price + " in "
                        + grid.workingOrders()));
    }

    /** Delivers a complete fill of a working order at its limit price. */
    void fill(VolatilityGrid grid, GridOrder order) {
        fill(grid, order, order.price(), order.quantity(), BigDecimal.ZERO);
    }

    /** Delivers a fill of part or all of an order at a price, with what remains working. */
    void fill(VolatilityGrid grid, GridOrder order, BigDecimal price, BigDecimal quantity, BigDecimal remaining) {
        if (remaining.signum() == 0) {
            filled.add(order.id());
        }
        Fill fill = new Fill(order.id(), instrument.id(), order.side(), price, quantity, BigDecimal.ZERO, "USDT",
                remaining.signum() == 0 && price.compareTo(order.price()) == 0 ? Liquidity.MAKER : Liquidity.TAKER,
                nowMillis);
        grid.onOrderEvent(new OrderFilled(fill, remaining));
    }

    /**
     * One bar as the engine runs it against the simulated venue: at the bar's open the orders working before it are
     * matched in placement order (a buy fills at its limit when the low reaches it, a sell when the high does) and
     * the fills delivered, cancels are confirmed, then the bar closes and the strategy sees it.
     */
    void matchAndBar(VolatilityGrid grid, Bar bar) {
        nowMillis = bar.openTimeMillis();
        List<GridOrder> crossed = new ArrayList<>();
        for (GridOrder o : grid.workingOrders()) {
            boolean reached = o.side() == io.quantplug.api.order.Side.BUY
                    ? BigDecimal.valueOf(bar.low()).compareTo(o.price()) <= 0
                    : BigDecimal.valueOf(bar.high()).compareTo(o.price()) >= 0;
            if (reached && !grid.canceling(o)) {
                crossed.add(o);
            }
        }
        for (GridOrder o : crossed) {       // matched first, delivered after: a cancel asked for meanwhile is too late
            fill(grid, o);
        }
        confirmCancels(grid);
        bar(grid, bar);
        confirmCancels(grid);
    }

    /** Confirms every cancel asked for and not yet confirmed, as the venue would right after the callback. */
    void confirmCancels(VolatilityGrid grid) {
        while (confirmed < canceled.size()) {
            ClientOrderId id = canceled.get(confirmed++);
            if (!filled.contains(id)) {      // a filled order is no longer working: the venue ignores its cancel
                grid.onOrderEvent(new OrderCanceled(id, instrument.id(), nowMillis));
            }
        }
    }

    /** Delivers a refusal of an order. */
    void reject(VolatilityGrid grid, GridOrder order, RejectSource source, String code) {
        grid.onOrderEvent(new OrderRejected(order.id(), instrument.id(), nowMillis,
                new RejectReason(source, code, code + " (test)", source == RejectSource.RISK_RULE
                        ? "circuit-breaker" : null)));
    }

    long nowMillis() {
        return nowMillis;
    }

    /** The orders submitted since a given count, e.g. {@code since(n)} after noting {@code n = submitted.size()}. */
    List<LimitOrder> since(int count) {
        return List.copyOf(submitted.subList(count, submitted.size()));
    }

    @Override
    public String instanceId() {
        return "grid-1";
    }

    @Override
    public InstantSource clock() {
        return () -> Instant.ofEpochMilli(nowMillis);
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public BarHistory history() {
        return new BarHistory() {
            @Override
            public int size() {
                return 0;
            }

            @Override
            public int capacity() {
                return 0;
            }

            @Override
            public Bar get(int barsAgo) {
                throw new IndexOutOfBoundsException("the fake history is empty");
            }
        };
    }

    @Override
    public PortfolioView portfolio() {
        return new PortfolioView() {
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
            public PositionView position(InstrumentId id) {
                throw new UnsupportedOperationException("the grid reads its own inventory");
            }

            @Override
            public List<PositionView> openPositions() {
                return List.of();
            }
        };
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("test.grid");
    }

    @Override
    public void emit(Signal signal) {
        throw new AssertionError("the grid submits orders, it emits no signals");
    }

    @Override
    public void submit(Order order) {
        submitted.add((LimitOrder) order);
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        canceled.add(clientOrderId);
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return new ClientOrderId("grid-1-" + (++sequence));
    }

    @Override
    public void scheduleTimer(String name, long timeMillis) {
        throw new AssertionError("the grid sets no timers");
    }
}
