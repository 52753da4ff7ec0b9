package io.quantplug.testkit;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link RiskContext} for unit tests of a risk rule without a session: the test sets the clock, the account (a
 * {@link FakePortfolio}), the last prices, the instruments and the count of working orders, and afterwards asserts
 * on the events the rule {@linkplain #report reported} and the {@linkplain #closePosition closes} it asked for, in
 * the order they came.
 *
 * <pre>{@code
 * FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("10000").withPosition(btc, "0.5"));
 * ctx.at("2023-03-10T10:00:00Z").lastPrice(btc, 20000.0);
 * RiskDecision d = rule.check(OrderIntents.market(ctx.portfolio(), btc, Side.BUY, "0.1", "20000"), ctx);
 * assertThat(ctx.reported()).extracting(RiskEvent::code).containsExactly("DAILY_LOSS");
 * }</pre>
 *
 * <p>By default it records events and closes, as a session of the runtime does; {@link #refuseReports()} and
 * {@link #refuseCloses()} make it behave like a context that cannot (the SPI's defaults, which throw
 * {@link UnsupportedOperationException}), to test a rule's fallback. Nothing is simulated: a close request changes no
 * position; the test sets the position the fill would leave.
 *
 * <p>Mutable on purpose and not thread-safe: use it from the test thread only. Test use only.
 */
public final class FakeRiskContext implements RiskContext {

    /**
     * A {@link #closePosition} call as recorded.
     *
     * @param timeMillis the context's clock at the call, UTC epoch milliseconds
     * @param instrument the instrument to close
     * @param reason     the reason given
     */
    public record CloseRequest(long timeMillis, InstrumentId instrument, String reason) {
    }

    private final FakePortfolio portfolio;
    private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
    private final Map<InstrumentId, Double> lastPrices = new HashMap<>();
    private final List<RiskEvent> reported = new ArrayList<>();
    private final List<CloseRequest> closeRequests = new ArrayList<>();
    private long timeMillis;
    private int openOrderCount;
    private int reportCalls;
    private boolean refuseReports;
    private boolean refuseCloses;

    /** A context over an empty {@link FakePortfolio}, clock at 0 (the epoch). */
    public FakeRiskContext() {
        this(new FakePortfolio());
    }

    /**
     * A context over a portfolio the test keeps changing, clock at 0 (the epoch).
     *
     * @param portfolio the account the rule reads; not null
     */
    public FakeRiskContext(FakePortfolio portfolio) {
        this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
    }

    /**
     * Sets the clock.
     *
     * @param timeMillis UTC epoch milliseconds
     * @return this context
     */
    public FakeRiskContext at(long timeMillis) {
        this.timeMillis = timeMillis;
        return this;
    }

    /**
     * Sets the clock to an ISO-8601 instant.
     *
     * @param isoInstant e.g. {@code 2023-03-10T10:00:00Z}
     * @return this context
     * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 instant
     */
    public FakeRiskContext at(String isoInstant) {
        return at(Instant.parse(isoInstant).toEpochMilli());
    }

    /**
     * Sets the last price of an instrument.
     *
     * @param instrument the instrument
     * @param price      quote per base
     * @return this context
     */
    public FakeRiskContext lastPrice(InstrumentId instrument, double price) {
        lastPrices.put(Objects.requireNonNull(instrument, "instrument"), price);
        return this;
    }

    /**
     * Adds an instrument the session trades, so {@link #instrument(InstrumentId)} finds it.
     *
     * @param instrument the instrument
     * @return this context
     */
    public FakeRiskContext instrument(Instrument instrument) {
        instruments.put(instrument.id(), instrument);
        return this;
    }

    /**
     * Sets how many orders are working.
     *
     * @param count the count, &ge; 0
     * @return this context
     * @throws IllegalArgumentException when the count is negative
     */
    public FakeRiskContext openOrderCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("openOrderCount must be >= 0, got " + count);
        }
        openOrderCount = count;
        return this;
    }

    /**
     * From now on {@link #report} throws {@link UnsupportedOperationException}, as the SPI's default does in a
     * context that cannot record events; the calls are still counted in {@link #reportCalls()}.
     *
     * @return this context
     */
    public FakeRiskContext refuseReports() {
        refuseReports = true;
        return this;
    }

    /**
     * From now on {@link #closePosition} throws {@link UnsupportedOperationException}, as the SPI's default does in
     * a context that cannot close positions.
     *
     * @return this context
     */
    public FakeRiskContext refuseCloses() {
        refuseCloses = true;
        return this;
    }

    /**
     * Hands a bar to a rule as a session does when the bar completes: the clock moves to the bar's close time and
     * the bar's close becomes its instrument's last price, then {@link RiskRule#onBar} runs with this context.
     *
     * @param rule the rule under test
     * @param bar  the completed bar
     */
    public void onBar(RiskRule rule, Bar bar) {
        at(bar.closeTimeMillis());
        lastPrice(bar.instrument(), bar.close());
        rule.onBar(bar, this);
    }

    /**
     * The events reported, in order, refused ones left out.
     *
     * @return an unmodifiable live view
     */
    public List<RiskEvent> reported() {
        return Collections.unmodifiableList(reported);
    }

    /**
     * How many times {@link #report} was called, refused calls included.
     *
     * @return the count
     */
    public int reportCalls() {
        return reportCalls;
    }

    /**
     * The closes asked for, in order, refused ones left out.
     *
     * @return an unmodifiable live view
     */
    public List<CloseRequest> closeRequests() {
        return Collections.unmodifiableList(closeRequests);
    }

    /** {@inheritDoc} */
    @Override
    public long timeMillis() {
        return timeMillis;
    }

    /** {@inheritDoc} */
    @Override
    public FakePortfolio portfolio() {
        return portfolio;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the instrument was not added with {@link #instrument(Instrument)}
     */
    @Override
    public Instrument instrument(InstrumentId id) {
        Instrument instrument = instruments.get(id);
        if (instrument == null) {
            throw new IllegalArgumentException("the session does not trade " + id + "; it trades "
                    + instruments.keySet());
        }
        return instrument;
    }

    /**
     * {@inheritDoc}
     *
     * @return the price set, or {@code NaN} when none was
     */
    @Override
    public double lastPrice(InstrumentId id) {
        return lastPrices.getOrDefault(id, Double.NaN);
    }

    /** {@inheritDoc} */
    @Override
    public int openOrderCount() {
        return openOrderCount;
    }

    /**
     * Records the event, or refuses it after {@link #refuseReports()}.
     *
     * @param event the event; not null
     * @throws UnsupportedOperationException after {@link #refuseReports()}
     */
    @Override
    public void report(RiskEvent event) {
        Objects.requireNonNull(event, "event");
        reportCalls++;
        if (refuseReports) {
            throw new UnsupportedOperationException("this risk context does not record risk events");
        }
        reported.add(event);
    }

    /**
     * Records the request with the current clock, or refuses it after {@link #refuseCloses()}. The position is left
     * as it is.
     *
     * @param instrument the instrument; not null
     * @param reason     why; not blank
     * @throws IllegalArgumentException      when the reason is blank
     * @throws UnsupportedOperationException after {@link #refuseCloses()}
     */
    @Override
    public void closePosition(InstrumentId instrument, String reason) {
        Objects.requireNonNull(instrument, "instrument");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("closing " + instrument + " needs a reason");
        }
        if (refuseCloses) {
            throw new UnsupportedOperationException("this risk context cannot close positions");
        }
        closeRequests.add(new CloseRequest(timeMillis, instrument, reason));
    }
}
