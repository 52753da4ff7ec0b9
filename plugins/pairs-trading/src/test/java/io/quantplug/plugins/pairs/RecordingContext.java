package io.quantplug.plugins.pairs;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Funding;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.ExecutionReport;
import io.quantplug.api.strategy.MarketObservation;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A strategy context that hands everything to another one, but records the orders submitted (with the clock's time)
 * and the messages logged, and may answer other instruments: how the tests see a strategy's decisions, in a unit
 * test (over a {@link io.quantplug.testkit.FakeStrategyContext}) and in the engine (over the runtime's context).
 */
final class RecordingContext implements StrategyContext {

    /** An order, the session time it was submitted at and the account's equity then. */
    record Submitted(long timeMillis, Order order, BigDecimal equity) {
    }

    private final StrategyContext base;
    private final List<Instrument> instruments;
    private final boolean forwardOrders;
    private final List<Submitted> orders = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private long orderSequence;

    /**
     * @param base          the context handed everything
     * @param instruments   the instruments to answer, or null for the base's
     * @param forwardOrders whether orders go on to the base (the engine) or stop here (a unit test)
     */
    RecordingContext(StrategyContext base, List<Instrument> instruments, boolean forwardOrders) {
        this.base = base;
        this.instruments = instruments;
        this.forwardOrders = forwardOrders;
    }

    List<Submitted> orders() {
        return orders;
    }

    List<String> messages() {
        return messages;
    }

    @Override
    public String instanceId() {
        return base.instanceId();
    }

    @Override
    public InstantSource clock() {
        return base.clock();
    }

    @Override
    public Instrument instrument() {
        return instruments().get(0);
    }

    @Override
    public BarHistory history() {
        return base.history();
    }

    @Override
    public List<Instrument> instruments() {
        return instruments != null ? instruments : base.instruments();
    }

    @Override
    public BarHistory history(InstrumentId instrument) {
        return base.history(instrument);
    }

    @Override
    public Optional<Funding> lastFunding(InstrumentId instrument) {
        return base.lastFunding(instrument);
    }

    @Override
    public PortfolioView portfolio() {
        return base.portfolio();
    }

    @Override
    public Parameters parameters() {
        return base.parameters();
    }

    @Override
    public System.Logger logger() {
        return new System.Logger() {
            @Override
            public String getName() {
                return "pairs-trading-test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                messages.add(msg);
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                messages.add(format);
            }
        };
    }

    @Override
    public void emit(Signal signal) {
        base.emit(signal);
    }

    @Override
    public void submit(Order order) {
        orders.add(new Submitted(clock().millis(), order, portfolio().equity()));
        if (forwardOrders) {
            base.submit(order);
        }
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        base.cancel(clientOrderId);
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return forwardOrders ? base.nextClientOrderId() : new ClientOrderId("pair-" + (++orderSequence));
    }

    @Override
    public void scheduleTimer(String name, long timeMillis) {
        base.scheduleTimer(name, timeMillis);
    }

    @Override
    public void reportExecution(ExecutionReport report) {
        base.reportExecution(report);
    }

    @Override
    public void publish(MarketObservation observation) {
        base.publish(observation);
    }
}
