package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Fill;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A circuit breaker over the whole account: CLOSED &rarr; OPEN &rarr; HALF_OPEN &rarr; CLOSED.
 *
 * <h2>Triggers (CLOSED or HALF_OPEN &rarr; OPEN)</h2>
 * Checked in this order at every callback; the first that fires trips the breaker (a zero threshold turns a trigger
 * off):
 * <ol>
 *   <li>{@link CircuitReason#DAILY_LOSS_LIMIT}: {@code (E0 - E) / E0 x 100 >= dailyLossPercent}, {@code E0} the
 *       first equity of the UTC day ({@link DailyLossMonitor});</li>
 *   <li>{@link CircuitReason#RAPID_DRAWDOWN}: {@code (P - E) / P x 100 >= drawdownPercent}, {@code P} the highest
 *       equity of the last {@code drawdownWindowMinutes} ({@link DrawdownWindow});</li>
 *   <li>{@link CircuitReason#MAX_OPEN_POSITIONS}: the portfolio holds more than {@code maxOpenPositions} non-zero
 *       positions (a pre-trade cap on new positions is {@code risk-basics}' {@code max-open-positions});</li>
 *   <li>{@link CircuitReason#CONSECUTIVE_LOSSES}: the last {@code maxConsecutiveLosses} round trips each closed with
 *       P&amp;L after fees &lt; 0 ({@link RoundTripTracker}; a trip with P&amp;L &ge; 0 resets the count); checked
 *       when a round trip closes, and only while CLOSED (while HALF_OPEN the probe decides);</li>
 *   <li>{@link CircuitReason#VOLATILITY_SPIKE}: the bar's |log return| or log range beyond its rolling threshold
 *       ({@link VolatilitySpikeDetector}); checked at each bar.</li>
 * </ol>
 * Equity is {@link PortfolioView#equity()} and time the session clock ({@link RiskContext#timeMillis()}), observed at
 * every bar, fill and order check.
 *
 * <h2>OPEN</h2>
 * Refuses every order that adds exposure, with code {@code CIRCUIT_OPEN} and a message naming the trip, its numbers
 * and when the breaker will half-open. An order that only reduces a position ({@link OrderIntent#reducesPosition()})
 * passes, so positions can always be closed; an order that would reverse a position is cut (resized) to the quantity
 * that closes it. Lasts {@code cooldownMinutes}; after a daily loss trip, at least until the next UTC midnight, since
 * the loss is measured against that day's equity and would trip again at once.
 *
 * <h2>HALF_OPEN</h2>
 * Entered at the first callback at or after the end of the cooldown (the event carries the cooldown's end time). The
 * drawdown window is cleared so that the drawdown already acted on does not trip again. The first
 * {@code probeOrders} orders that add exposure pass; further ones are refused with code {@code CIRCUIT_HALF_OPEN}.
 * The first round trip that a fill adds to while HALF_OPEN is the probe: when it closes with P&amp;L &lt; 0 the
 * breaker re-opens ({@link CircuitReason#PROBE_LOSS}, a new cooldown), otherwise it closes
 * ({@link CircuitReason#PROBE_WIN}). A rule sees fills but not cancellations, so when the probe orders are used and
 * no probe fill has come one cooldown after the last of them (an order canceled, expired or refused by the venue),
 * the probe allowance is renewed. The triggers other than consecutive losses still apply and re-open the breaker.
 *
 * <h2>Events</h2>
 * Every state change is a {@link CircuitBreakerEvent}, reported at once to the session through
 * {@link RiskContext#report} as a {@link RiskEvent}: type {@code TRIP} (to OPEN), {@code HALF_OPEN} or {@code RESET}
 * (to CLOSED) ({@link CircuitBreakerEvent#eventType()}), code the {@link CircuitReason}, the event's message, values
 * and time; the session records it with this rule's id (in a stored run, in {@code risk_events}). It is also kept on
 * this object ({@link #events()}, {@link #eventsAfter(long)}, the last {@value #MAX_EVENTS} at most), and the trip's
 * reason and numbers are repeated in every rejection message. A context that cannot record events (its
 * {@code report} throws {@link UnsupportedOperationException}, as the SPI's default does) is not asked again; the
 * events then stay on this object only.
 *
 * <h2>Hot swap</h2>
 * {@link #snapshot()} hands the state, the counters, the start-of-day equity, the drawdown window, the open round
 * trips and the volatility windows to the next version (format {@value #SNAPSHOT_FORMAT}); the event history stays
 * with this object, the sequence numbers continue. Each event is reported once, by the version that made the change
 * (a cooldown that ended before the swap is reported by the new version, which notices it).
 *
 * <p>Called on the engine thread only; not thread-safe. Read {@link #state()} and {@link #events()} from that thread
 * or after the session has ended.
 */
public final class CircuitBreakerRule implements RiskRule {

    /** The snapshot layout this version writes and reads. */
    public static final String SNAPSHOT_FORMAT = "circuit-breaker/1";

    /** The most events kept; older ones are dropped first. */
    public static final int MAX_EVENTS = 10_000;

    private final BreakerSettings settings;
    private final Deque<CircuitBreakerEvent> events = new ArrayDeque<>();
    private DailyLossMonitor dailyLoss;
    private DrawdownWindow drawdown;
    private VolatilitySpikeDetector volatility;
    private RoundTripTracker roundTrips;
    private BreakerStatus status = BreakerStatus.initial();
    /** False once a context refused to record an event. */
    private boolean reporting = true;

    CircuitBreakerRule(BreakerSettings settings) {
        this.settings = settings;
        this.dailyLoss = new DailyLossMonitor(settings.dailyLossPercent());
        this.drawdown = new DrawdownWindow(settings.drawdownPercent(), settings.drawdownWindowMillis());
        this.volatility = new VolatilitySpikeDetector(settings.volatilityK(), settings.volatilityWindowBars(),
                settings.volatilityMeasure());
        this.roundTrips = new RoundTripTracker();
    }

    /**
     * The state after the last callback. A cooldown that has ended since is noticed at the next callback.
     *
     * @return the state
     */
    public CircuitState state() {
        return status.state();
    }

    /**
     * Every state change so far (at most the last {@value #MAX_EVENTS}), oldest first.
     *
     * @return a copy
     */
    public List<CircuitBreakerEvent> events() {
        return List.copyOf(events);
    }

    /**
     * The state changes after a sequence number, for a reader that polls.
     *
     * @param seq the last sequence number already read, 0 for all
     * @return a copy, oldest first
     */
    public List<CircuitBreakerEvent> eventsAfter(long seq) {
        List<CircuitBreakerEvent> out = new ArrayList<>();
        for (CircuitBreakerEvent e : events) {
            if (e.seq() > seq) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        long now = context.timeMillis();
        advanceClock(context, now);
        observe(context, now, null);
        if (status.state() == CircuitState.CLOSED || intent.reducesPosition()) {
            return RiskDecision.approve();
        }
        if (status.state() == CircuitState.HALF_OPEN && status.probesUsed() < settings.probeOrders()) {
            status = status.withProbe(now);
            return RiskDecision.approve();
        }
        String why = refusal(now);
        BigDecimal position = context.portfolio().position(intent.order().instrument()).quantity();
        if (position.signum() != 0 && position.signum() != intent.order().side().sign()) {
            return RiskDecision.resize(position.abs(), why + "; order cut from "
                    + intent.quantity().toPlainString() + " to " + position.abs().toPlainString()
                    + " so that it only closes the position");
        }
        return RiskDecision.reject(status.state() == CircuitState.OPEN ? "CIRCUIT_OPEN" : "CIRCUIT_HALF_OPEN", why);
    }

    @Override
    public void onFill(Fill fill, RiskContext context) {
        long now = context.timeMillis();
        advanceClock(context, now);
        long generation = status.state() == CircuitState.HALF_OPEN ? status.generation() : 0;
        BigDecimal fee = fill.feeAsset().equals(context.portfolio().currency()) ? fill.fee() : BigDecimal.ZERO;
        RoundTripTracker.ClosedTrip closed = roundTrips.onFill(fill, fee, generation);
        if (closed != null) {
            onRoundTripClosed(context, closed, now);
        }
        observe(context, now, null);
    }

    @Override
    public void onBar(Bar bar, RiskContext context) {
        long now = context.timeMillis();
        advanceClock(context, now);
        observe(context, now, volatility.onBar(bar));
    }

    /** OPEN to HALF_OPEN when the cooldown has ended; renews the probe allowance when the probe never filled. */
    private void advanceClock(RiskContext context, long now) {
        if (status.state() == CircuitState.OPEN && now >= status.halfOpenAtMillis()) {
            long at = status.halfOpenAtMillis();
            Cause trip = status.trip();
            drawdown.clear();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("trip", trip.reason().name());
            values.put("trippedAt", Formats.time(status.trippedAtMillis()));
            values.put("probeOrders", Integer.toString(settings.probeOrders()));
            transition(context, at, CircuitState.HALF_OPEN, new Cause(CircuitReason.COOLDOWN_ELAPSED,
                    "cooldown after the " + trip.reason() + " trip at " + Formats.time(status.trippedAtMillis())
                    + " ended; " + settings.probeOrders() + " probe order(s) adding exposure allowed", values));
            status = status.halfOpen(at);
        } else if (status.state() == CircuitState.HALF_OPEN && status.probesUsed() >= settings.probeOrders()
                && now >= status.lastProbeMillis() + settings.cooldownMillis()
                && !roundTrips.hasOpenProbe(status.generation())) {
            status = status.withProbesRenewed();
        }
    }

    /** Takes an equity observation and trips on the first trigger that fires, unless already OPEN. */
    private void observe(RiskContext context, long now, Cause barCause) {
        PortfolioView portfolio = context.portfolio();
        BigDecimal equity = portfolio.equity();
        dailyLoss.observe(now, equity);
        drawdown.observe(now, equity);
        if (status.state() == CircuitState.OPEN) {
            return;
        }
        Cause cause = dailyLoss.check(equity);
        if (cause == null) {
            cause = drawdown.check(equity);
        }
        if (cause == null) {
            cause = openPositions(portfolio);
        }
        if (cause == null) {
            cause = barCause;
        }
        if (cause != null) {
            trip(context, now, cause);
        }
    }

    private Cause openPositions(PortfolioView portfolio) {
        int limit = settings.maxOpenPositions();
        if (limit == 0) {
            return null;
        }
        int open = portfolio.openPositions().size();
        if (open <= limit) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("openPositions", Integer.toString(open));
        values.put("limit", Integer.toString(limit));
        return new Cause(CircuitReason.MAX_OPEN_POSITIONS, open + " positions are open, limit " + limit, values);
    }

    private void onRoundTripClosed(RiskContext context, RoundTripTracker.ClosedTrip closed, long now) {
        boolean loss = closed.pnl().signum() < 0;
        status = status.withLossStreak(loss ? status.lossStreak() + 1 : 0);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("instrument", closed.instrument().toString());
        values.put("pnl", closed.pnl().toPlainString());
        if (status.state() == CircuitState.HALF_OPEN && closed.probeGeneration() == status.generation()) {
            String result = "probe round trip in " + closed.instrument() + " closed with P&L "
                    + Formats.money(closed.pnl());
            if (loss) {
                trip(context, now, new Cause(CircuitReason.PROBE_LOSS, result + " < 0", values));
            } else {
                transition(context, now, CircuitState.CLOSED, new Cause(CircuitReason.PROBE_WIN, result + " >= 0",
                        values));
                status = status.closed(now);
            }
            return;
        }
        int limit = settings.maxConsecutiveLosses();
        if (status.state() == CircuitState.CLOSED && limit > 0 && status.lossStreak() >= limit) {
            values.put("lossStreak", Integer.toString(status.lossStreak()));
            values.put("limit", Integer.toString(limit));
            trip(context, now, new Cause(CircuitReason.CONSECUTIVE_LOSSES, "losing round trips in a row: "
                    + status.lossStreak() + " (last: " + closed.instrument() + " " + Formats.money(closed.pnl())
                    + "), limit " + limit, values));
        }
    }

    private void trip(RiskContext context, long now, Cause cause) {
        long halfOpenAt = now + settings.cooldownMillis();
        if (cause.reason() == CircuitReason.DAILY_LOSS_LIMIT) {
            halfOpenAt = Math.max(halfOpenAt, DailyLossMonitor.nextUtcMidnight(now));
        }
        Map<String, String> values = new LinkedHashMap<>(cause.values());
        values.put("halfOpenAt", Formats.time(halfOpenAt));
        transition(context, now, CircuitState.OPEN, new Cause(cause.reason(), cause.message() + "; OPEN until "
                + Formats.time(halfOpenAt), values));
        status = status.open(now, halfOpenAt, cause);
    }

    private void transition(RiskContext context, long at, CircuitState to, Cause cause) {
        long seq = status.lastEventSeq() + 1;
        CircuitBreakerEvent event = new CircuitBreakerEvent(seq, at, status.state(), to, cause.reason(),
                cause.message(), cause.values());
        events.addLast(event);
        if (events.size() > MAX_EVENTS) {
            events.pollFirst();
        }
        status = status.withLastEventSeq(seq);
        report(context, event);
    }

    /** Hands an event to the session (see the class comment). */
    private void report(RiskContext context, CircuitBreakerEvent e) {
        if (!reporting) {
            return;
        }
        try {
            context.report(e.toRiskEvent());
        } catch (UnsupportedOperationException cannotRecord) {
            reporting = false;
        }
    }

    private String refusal(long now) {
        Cause trip = status.trip();
        String reason = trip.reason() + ": " + trip.message();
        if (status.state() == CircuitState.OPEN) {
            return "circuit breaker OPEN since " + Formats.time(status.trippedAtMillis()) + " (" + reason
                    + "); orders adding exposure are refused until " + Formats.time(status.halfOpenAtMillis());
        }
        return "circuit breaker HALF_OPEN since " + Formats.time(status.sinceMillis()) + " after the trip at "
                + Formats.time(status.trippedAtMillis()) + " (" + reason + "); " + status.probesUsed() + " of "
                + settings.probeOrders() + " probe order(s) used, waiting for the probe round trip to close (a loss "
                + "re-opens, a win closes the breaker)";
    }

    @Override
    public StateSnapshot snapshot() {
        Map<String, String> values = new LinkedHashMap<>();
        status.writeTo(values);
        dailyLoss.writeTo(values);
        drawdown.writeTo(values);
        roundTrips.writeTo(values);
        volatility.writeTo(values);
        return new StateSnapshot(SNAPSHOT_FORMAT, values);
    }

    /**
     * Continues from a snapshot of format {@value #SNAPSHOT_FORMAT}. A snapshot that cannot be read changes nothing.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return true when restored; false for another format or unreadable values
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!SNAPSHOT_FORMAT.equals(snapshot.format())) {
            return false;
        }
        Map<String, String> in = snapshot.values();
        try {
            BreakerStatus s = BreakerStatus.readFrom(in);
            DailyLossMonitor d = DailyLossMonitor.readFrom(in, settings.dailyLossPercent());
            DrawdownWindow w = DrawdownWindow.readFrom(in, settings.drawdownPercent(),
                    settings.drawdownWindowMillis());
            RoundTripTracker t = RoundTripTracker.readFrom(in);
            VolatilitySpikeDetector v = VolatilitySpikeDetector.readFrom(in, settings.volatilityK(),
                    settings.volatilityWindowBars(), settings.volatilityMeasure());
            status = s;
            dailyLoss = d;
            drawdown = w;
            roundTrips = t;
            volatility = v;
            return true;
        } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException e) {
            return false; // unreadable values: keep the fresh state
        }
    }
}
