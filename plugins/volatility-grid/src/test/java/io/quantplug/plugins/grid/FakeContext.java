package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.signal.Signal;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grid's unit-test context: the test kit's {@link FakeStrategyContext} (clock, account, and the orders submitted
 * and cancels asked for, in order) set up for the grid, plus what only the grid's tests need: delivering fills,
 * cancels and refusals, and a small venue that matches the working orders against a bar as the engine's simulated
 * venue does. A grid submits limit orders only: a signal or a timer fails the test.
 */
final class FakeContext extends FakeStrategyContext {

    static final Instrument BTCUSDT = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("10"));
    static final Instrument BTCUSDT_PERP = new Instrument(InstrumentId.of("BTCUSDT", "BINANCE_USDM"), "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"),
            InstrumentKind.PERPETUAL);
    static final long T0 = Instant.parse("2023-03-01T00:00:00Z").toEpochMilli();

    private final Instrument instrument;
    private final Set<ClientOrderId> filled = new HashSet<>();
    private int confirmed;

    /** Instance {@code grid-1}, a 10,000 USDT account, clock at {@link #T0}; parameters checked by the schema. */
    FakeContext(Instrument instrument, Map<String, ?> parameters) {
        super(instrument);
        this.instrument = instrument;
        instanceId("grid-1").parameters(TestParameters.of(new VolatilityGridProvider(), parameters)).at(T0);
        portfolio().equity("10000");
    }

    /** The orders submitted, in order; all limit orders. */
    List<LimitOrder> limitOrders() {
        return submitted(LimitOrder.class);
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
                timeMillis());
        grid.onOrderEvent(new OrderFilled(fill, remaining));
    }

    /**
     * One bar as the engine runs it against the simulated venue: at the bar's open the orders working before it are
     * matched in placement order (a buy fills at its limit when the low reaches it, a sell when the high does) and
     * the fills delivered, cancels are confirmed, then the bar closes and the strategy sees it.
     */
    void matchAndBar(VolatilityGrid grid, Bar bar) {
        at(bar.openTimeMillis());
        List<GridOrder> crossed = new ArrayList<>();
        for (GridOrder o : grid.workingOrders()) {
            boolean reached = o.side() == Side.BUY
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
        onBar(grid, bar);
        confirmCancels(grid);
    }

    /** Confirms every cancel asked for and not yet confirmed, as the venue would right after the callback. */
    void confirmCancels(VolatilityGrid grid) {
        while (confirmed < cancelled().size()) {
            ClientOrderId id = cancelled().get(confirmed++);
            if (!filled.contains(id)) {      // a filled order is no longer working: the venue ignores its cancel
                grid.onOrderEvent(new OrderCanceled(id, instrument.id(), timeMillis()));
            }
        }
    }

    /** Delivers a refusal of an order. */
    void reject(VolatilityGrid grid, GridOrder order, RejectSource source, String code) {
        grid.onOrderEvent(new OrderRejected(order.id(), instrument.id(), timeMillis(),
                new RejectReason(source, code, code + " (test)", source == RejectSource.RISK_RULE
                        ? "circuit-breaker" : null)));
    }

    /** The orders submitted since a count, e.g. {@code since(n)} after noting {@code n = limitOrders().size()}. */
    List<LimitOrder> since(int count) {
        List<LimitOrder> all = limitOrders();
        return List.copyOf(all.subList(count, all.size()));
    }

    /** The grid emits no signals: one fails the test. */
    @Override
    public void emit(Signal signal) {
        throw new AssertionError("the grid submits orders, it emits no signals");
    }

    /** The grid sets no timers: one fails the test. */
    @Override
    public void scheduleTimer(String name, long timeMillis) {
        throw new AssertionError("the grid sets no timers");
    }
}
