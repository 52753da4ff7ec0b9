package io.quantplug.testkit;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Funding;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.ExecutionReport;
import io.quantplug.api.strategy.MarketObservation;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link StrategyContext} for unit tests of a strategy without the engine: the test sets the clock, the
 * instrument, the history (a {@link FakeBarHistory}), the account (a {@link FakePortfolio}) and the parameters, and
 * afterwards asserts on what the strategy did: the signals it {@linkplain #emit emitted}, the orders it
 * {@linkplain #submit submitted}, the orders it {@linkplain #cancel cancelled} and the timers it
 * {@linkplain #scheduleTimer scheduled}, each list in order, and all of them in one {@link #actions()} log.
 *
 * <pre>{@code
 * FakeStrategyContext ctx = new FakeStrategyContext(btcusdt)
 *         .parameters(TestParameters.of(provider, "period", "20"));
 * Strategy s = provider.create(ctx);
 * ctx.onBar(s, bar);                                  // clock at the bar's close, bar in the history
 * assertThat(ctx.signals()).extracting(Signal::direction).containsExactly(SignalDirection.LONG);
 * }</pre>
 *
 * <p>Nothing is simulated: orders are recorded, not matched; the test delivers order events itself
 * ({@code s.onOrderEvent(...)}) and sets the position a fill would leave. The checks the SPI promises are kept: a
 * signal or order for an instrument not subscribed to, or an order whose client id was used before, is refused
 * with {@link IllegalArgumentException}. A multi-instrument strategy is tested with {@link #subscribe} and, for a
 * perpetual's funding, {@link #funding}.
 *
 * <p>Client order ids are {@code <prefix><n>} with n counting from 1; the prefix is the instance id and a dash
 * ({@code strategy-1-}) unless {@link #clientOrderIdPrefix(String)} sets another. The class is not final so that a
 * test may add helpers of its own module (e.g. a venue that fills the recorded orders). Mutable on purpose and not
 * thread-safe: use it from the test thread only. Test use only.
 */
public class FakeStrategyContext implements StrategyContext {

    /**
     * A {@link #scheduleTimer} call as recorded.
     *
     * @param name       the timer's name
     * @param timeMillis when it should fire, UTC epoch milliseconds
     */
    public record ScheduledTimer(String name, long timeMillis) {
    }

    private final Instrument instrument;
    private final List<Signal> signals = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<ClientOrderId> cancels = new ArrayList<>();
    private final List<ScheduledTimer> timers = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final List<MarketObservation> published = new ArrayList<>();
    private final List<ExecutionReport> executions = new ArrayList<>();
    private final Set<ClientOrderId> usedIds = new HashSet<>();
    /** Orders the test said are no longer working: filled in full, expired or refused. */
    private final Set<ClientOrderId> finished = new HashSet<>();
    private String instanceId = "strategy-1";
    private String clientOrderIdPrefix;
    private FakePortfolio portfolio = new FakePortfolio();
    private BarHistory history = new FakeBarHistory(FakeBarHistory.DEFAULT_CAPACITY);
    private Parameters parameters;
    private long timeMillis;
    private long idSequence;
    /** The other instruments of a multi-instrument strategy, in subscription order, with their histories. */
    private final Map<InstrumentId, Instrument> others = new LinkedHashMap<>();
    private final Map<InstrumentId, BarHistory> otherHistories = new LinkedHashMap<>();
    private final List<Funding> funding = new ArrayList<>();

    /**
     * A context for a strategy trading one instrument: instance id {@code strategy-1}, clock at 0 (the epoch), an
     * empty {@link FakePortfolio}, an empty {@link FakeBarHistory} of the default capacity, and no parameters until
     * {@link #parameters(Parameters)} sets them.
     *
     * @param instrument the instrument the strategy trades; not null
     */
    public FakeStrategyContext(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    /**
     * Sets the instance id (and so the default prefix of client order ids).
     *
     * @param id e.g. {@code sma-crossover-1}; not null
     * @return this context
     */
    public FakeStrategyContext instanceId(String id) {
        instanceId = Objects.requireNonNull(id, "id");
        return this;
    }

    /**
     * Sets the prefix of the client order ids {@link #nextClientOrderId()} hands out.
     *
     * @param prefix e.g. {@code rt-} for ids {@code rt-1}, {@code rt-2} ...; not null
     * @return this context
     */
    public FakeStrategyContext clientOrderIdPrefix(String prefix) {
        clientOrderIdPrefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    /**
     * Sets the parameters.
     *
     * @param values validated parameters, e.g. from {@link TestParameters}; not null
     * @return this context
     */
    public FakeStrategyContext parameters(Parameters values) {
        parameters = Objects.requireNonNull(values, "values");
        return this;
    }

    /**
     * Replaces the account the strategy reads.
     *
     * @param account the portfolio; not null
     * @return this context
     */
    public FakeStrategyContext portfolio(FakePortfolio account) {
        portfolio = Objects.requireNonNull(account, "account");
        return this;
    }

    /**
     * Subscribes the strategy to one more instrument, as a portfolio file's {@code subscribe: [A, B]} does: it
     * comes after the instruments before it in {@link #instruments()}, has a history of its own that
     * {@link #onBar} fills with its bars, and the strategy may emit signals and submit orders for it.
     *
     * @param other the instrument
     * @return this context
     * @throws IllegalArgumentException when it is subscribed already
     * @since 0.2.0
     */
    public FakeStrategyContext subscribe(Instrument other) {
        Objects.requireNonNull(other, "other");
        if (other.id().equals(instrument.id()) || others.containsKey(other.id())) {
            throw new IllegalArgumentException(other.id() + " is subscribed already");
        }
        others.put(other.id(), other);
        otherHistories.put(other.id(), new FakeBarHistory(FakeBarHistory.DEFAULT_CAPACITY));
        return this;
    }

    /**
     * Records a settled funding of a perpetual this context subscribes to, for {@link #lastFunding}.
     *
     * @param settled the funding; its time should not be before those recorded earlier
     * @return this context
     * @since 0.2.0
     */
    public FakeStrategyContext funding(Funding settled) {
        funding.add(Objects.requireNonNull(settled, "settled"));
        return this;
    }

    /**
     * Replaces the history the strategy reads.
     *
     * @param bars the history; not null
     * @return this context
     */
    public FakeStrategyContext history(BarHistory bars) {
        history = Objects.requireNonNull(bars, "bars");
        return this;
    }

    /**
     * Sets the clock.
     *
     * @param epochMillis UTC epoch milliseconds
     * @return this context
     */
    public FakeStrategyContext at(long epochMillis) {
        timeMillis = epochMillis;
        return this;
    }

    /**
     * Sets the clock to an ISO-8601 instant.
     *
     * @param isoInstant e.g. {@code 2023-03-01T00:00:00Z}
     * @return this context
     * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 instant
     */
    public FakeStrategyContext at(String isoInstant) {
        return at(Instant.parse(isoInstant).toEpochMilli());
    }

    /**
     * The clock's time.
     *
     * @return UTC epoch milliseconds
     */
    public long timeMillis() {
        return timeMillis;
    }

    /**
     * Hands a completed bar to a strategy as the engine does: the clock moves to the bar's close time, the bar is
     * added to the history when it is a {@link FakeBarHistory}, then {@link Strategy#onBar} runs.
     *
     * @param strategy the strategy under test
     * @param bar      the completed bar
     */
    public void onBar(Strategy strategy, Bar bar) {
        at(bar.closeTimeMillis());
        BarHistory target = bar.instrument().equals(instrument.id()) ? history : otherHistories.get(bar.instrument());
        if (target instanceof FakeBarHistory bars) {
            bars.add(bar);
        }
        strategy.onBar(bar);
    }

    /**
     * The signals emitted, in order.
     *
     * @return an unmodifiable live view
     */
    public List<Signal> signals() {
        return Collections.unmodifiableList(signals);
    }

    /**
     * The orders submitted, in order.
     *
     * @return an unmodifiable live view
     */
    public List<Order> submitted() {
        return Collections.unmodifiableList(orders);
    }

    /**
     * The orders submitted, in order, as one order type (e.g. a grid's limit orders).
     *
     * @param type the order type every submitted order must have
     * @param <T>  that type
     * @return a copy
     * @throws ClassCastException when an order submitted is of another type
     */
    public <T extends Order> List<T> submitted(Class<T> type) {
        List<T> typed = new ArrayList<>();
        orders.forEach(o -> typed.add(type.cast(o)));
        return typed;
    }

    /**
     * The client order ids cancelled, in order (ids of unknown or finished orders included: the venue ignores
     * those).
     *
     * @return an unmodifiable live view
     */
    public List<ClientOrderId> cancelled() {
        return Collections.unmodifiableList(cancels);
    }

    /**
     * The observations published to the session's other instances, in order.
     *
     * @return an unmodifiable live view
     */
    public List<MarketObservation> published() {
        return Collections.unmodifiableList(published);
    }

    /**
     * The execution reports, in order.
     *
     * @return an unmodifiable live view
     */
    public List<ExecutionReport> executions() {
        return Collections.unmodifiableList(executions);
    }

    /**
     * Records the observation.
     *
     * @param observation what the strategy noticed; of {@link #instrument()}
     * @throws IllegalArgumentException when it is of another instrument
     */
    @Override
    public void publish(MarketObservation observation) {
        if (!observation.instrument().equals(instrument.id())) {
            throw new IllegalArgumentException("an observation of " + observation.instrument() + " from a strategy of "
                    + instrument.id());
        }
        published.add(observation);
        actions.add("publish " + observation.kind() + " " + observation.side());
    }

    /**
     * Records the execution report.
     *
     * @param report the report, not null
     */
    @Override
    public void reportExecution(ExecutionReport report) {
        executions.add(Objects.requireNonNull(report, "report"));
        actions.add("execution " + report.algorithm());
    }

    /**
     * The timers scheduled, in order.
     *
     * @return an unmodifiable live view
     */
    public List<ScheduledTimer> timers() {
        return Collections.unmodifiableList(timers);
    }

    /**
     * Everything the strategy did, in order, one line each: {@code emit <direction> <strength>},
     * {@code submit <client order id>}, {@code cancel <client order id>}, {@code timer <name> <epoch millis>},
     * {@code publish <kind> <side>}, {@code execution <algorithm>}.
     *
     * @return an unmodifiable live view
     */
    public List<String> actions() {
        return Collections.unmodifiableList(actions);
    }

    /** {@inheritDoc} */
    @Override
    public String instanceId() {
        return instanceId;
    }

    /**
     * {@inheritDoc}
     *
     * @return a clock that reads this context's time at every call, so later {@link #at} calls show through it
     */
    @Override
    public InstantSource clock() {
        return () -> Instant.ofEpochMilli(timeMillis);
    }

    /** {@inheritDoc} */
    @Override
    public Instrument instrument() {
        return instrument;
    }

    /** {@inheritDoc} */
    @Override
    public BarHistory history() {
        return history;
    }

    /** {@inheritDoc} */
    @Override
    public List<Instrument> instruments() {
        List<Instrument> all = new ArrayList<>();
        all.add(instrument);
        all.addAll(others.values());
        return all;
    }

    /** {@inheritDoc} */
    @Override
    public BarHistory history(InstrumentId id) {
        if (id.equals(instrument.id())) {
            return history;
        }
        BarHistory other = otherHistories.get(id);
        if (other == null) {
            throw new IllegalArgumentException("not subscribed to " + id + ": " + instruments().stream()
                    .map(Instrument::id).toList());
        }
        return other;
    }

    /** {@inheritDoc} */
    @Override
    public Optional<Funding> lastFunding(InstrumentId id) {
        history(id); // refuses an instrument not subscribed to
        Funding last = null;
        for (Funding f : funding) {
            if (f.instrument().equals(id) && f.timeMillis() <= timeMillis) {
                last = f;
            }
        }
        return Optional.ofNullable(last);
    }

    private boolean trades(InstrumentId id) {
        return id.equals(instrument.id()) || others.containsKey(id);
    }

    /** {@inheritDoc} */
    @Override
    public FakePortfolio portfolio() {
        return portfolio;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when no parameters were set
     */
    @Override
    public Parameters parameters() {
        if (parameters == null) {
            throw new IllegalStateException("no parameters set: call parameters(TestParameters.of(provider, ...))");
        }
        return parameters;
    }

    /** {@inheritDoc} */
    @Override
    public System.Logger logger() {
        return System.getLogger("io.quantplug.testkit." + instanceId);
    }

    /**
     * Records the signal.
     *
     * @param signal the signal; its instrument must be {@link #instrument()}
     * @throws IllegalArgumentException when the signal is for another instrument
     */
    @Override
    public void emit(Signal signal) {
        if (!trades(signal.instrument())) {
            throw new IllegalArgumentException("a signal for " + signal.instrument() + " from a strategy of "
                    + instrument.id());
        }
        signals.add(signal);
        actions.add("emit " + signal.direction() + " " + signal.strength());
    }

    /**
     * Records the order.
     *
     * @param order the order; its instrument must be {@link #instrument()} and its id new
     * @throws IllegalArgumentException when the order is for another instrument or its id was used before
     */
    @Override
    public void submit(Order order) {
        if (!trades(order.instrument())) {
            throw new IllegalArgumentException("an order for " + order.instrument() + " from a strategy of "
                    + instrument.id());
        }
        if (!usedIds.add(order.clientOrderId())) {
            throw new IllegalArgumentException("client order id " + order.clientOrderId().value()
                    + " was used before");
        }
        orders.add(order);
        actions.add("submit " + order.clientOrderId().value());
    }

    /**
     * Records the cancel.
     *
     * @param clientOrderId the order to cancel; not null
     */
    @Override
    public void cancel(ClientOrderId clientOrderId) {
        cancels.add(Objects.requireNonNull(clientOrderId, "clientOrderId"));
        actions.add("cancel " + clientOrderId.value());
    }

    /**
     * Marks an order as no longer working, as a full fill, an expiry or a refusal would (the test delivers the
     * matching {@link io.quantplug.api.order.OrderEvent} itself); a cancel through the context does so on its own.
     *
     * @param clientOrderId the order
     * @return this context
     */
    public FakeStrategyContext finished(ClientOrderId clientOrderId) {
        finished.add(Objects.requireNonNull(clientOrderId, "clientOrderId"));
        return this;
    }

    /**
     * The orders submitted for an instrument that are neither cancelled through this context nor marked
     * {@link #finished}, oldest first, as submitted (a fake venue rounds nothing).
     *
     * @param id one of {@link #instruments()}
     * @return a snapshot
     * @throws IllegalArgumentException when the strategy does not trade {@code id}
     */
    @Override
    public List<Order> workingOrders(InstrumentId id) {
        if (!trades(id)) {
            throw new IllegalArgumentException("a strategy of " + instrument.id() + " does not trade " + id);
        }
        List<Order> out = new ArrayList<>();
        for (Order o : orders) {
            if (o.instrument().equals(id) && !finished.contains(o.clientOrderId())
                    && !cancels.contains(o.clientOrderId())) {
                out.add(o);
            }
        }
        return out;
    }

    /** {@inheritDoc} */
    @Override
    public ClientOrderId nextClientOrderId() {
        String prefix = clientOrderIdPrefix != null ? clientOrderIdPrefix : instanceId + "-";
        return new ClientOrderId(prefix + (++idSequence));
    }

    /**
     * Records the timer; nothing fires it: the test calls {@link Strategy#onTimer} itself.
     *
     * @param name       a name passed back in the timer event; not null
     * @param timeMillis when, UTC epoch milliseconds
     */
    @Override
    public void scheduleTimer(String name, long timeMillis) {
        timers.add(new ScheduledTimer(Objects.requireNonNull(name, "name"), timeMillis));
        actions.add("timer " + name + " " + timeMillis);
    }
}
