package io.quantplug.plugins.volatility;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A guard against black swans, per instrument: TRIPPED when a bar moves far beyond the volatility expected for it or
 * the expected volatility jumps; back to normal when the market has been calm for a while.
 *
 * <h2>The sigma</h2>
 * {@code sigma_{t+1|t}}, the one-step forecast of the next bar's log-return volatility made after bar {@code t}
 * ({@link VolatilityForecast}): the RiskMetrics EWMA ({@code volatilityModel=ewma}, the default) or GARCH(1,1)
 * refitted walk-forward ({@code garch}, the EWMA before its first fit). Bar {@code t}'s return
 * {@code r_t = ln(C_t / C_{t-1})} is judged against {@code sigma_{t|t-1}}, the forecast made <em>before</em> the bar,
 * so the shock cannot dampen its own measure.
 *
 * <h2>Trip (normal &rarr; TRIPPED)</h2>
 * At each bar, once {@code warmUpBars} returns have been seen and {@code sigma_{t|t-1} > 0}:
 * <ul>
 *   <li>{@code RETURN_SHOCK}: {@code |r_t| > k sigma_{t|t-1}} ({@code k = shockSigmas});</li>
 *   <li>{@code VOLATILITY_JUMP}: {@code sigma_{t+1|t} / sigma_{t+1-n|t-n} > m} ({@code m = jumpRatio},
 *       {@code n = jumpLagBars}), a ratio of standard deviations.</li>
 * </ul>
 * When both hold the code is {@code RETURN_SHOCK}. On a trip the guard reports a {@link RiskEvent} of type
 * {@code TRIP} with that code and the numbers ({@link RiskContext#report}), and when the account holds a position in
 * the instrument asks the session to close it ({@link RiskContext#closePosition}); it asks again at every later bar
 * while tripped and a position is still there (the session sends one order however often it is asked).
 *
 * <h2>While TRIPPED</h2>
 * {@link #check} refuses every order on the instrument that adds exposure, code {@value #REJECT_CODE}, with the trip
 * and its numbers in the message. An order that only reduces the position ({@link OrderIntent#reducesPosition()})
 * passes, so the close, stops and exits go through; one that would reverse the position is cut (resized) to the
 * quantity that closes it.
 *
 * <h2>Resume (TRIPPED &rarr; normal)</h2>
 * A bar is calm when {@code |r_t| < k_reset sigma_{t|t-1}} and {@code sigma_{t+1|t} / sigma_{t+1-n|t-n} < m_reset}
 * ({@code resetSigmas}, {@code resetRatio}; no higher than k and m). After {@code resetBars} calm bars in a row the
 * guard reports a {@code RESUME} event, code {@value #RESUME_CODE}, and orders pass again. A bar that is not calm
 * restarts the count. Since the ratio looks {@code n} bars back, the earliest resumption is about
 * {@code max(R, n)} bars after the last shock.
 *
 * <h2>Contexts that cannot record or close</h2>
 * {@link RiskContext#report} and {@link RiskContext#closePosition} throw {@link UnsupportedOperationException} in
 * contexts that lack them (their SPI defaults). The guard then keeps the event in {@link #events()} only, and without
 * the close it still refuses every order adding exposure; it never fails the session for it.
 *
 * <h2>Hot swap</h2>
 * {@link #snapshot()} hands each instrument's forecast, the last {@code n + 1} forecasts, the state and the calm count
 * to the next version (format {@value #SNAPSHOT_FORMAT}); the event history stays with this object.
 *
 * <p>Called on the engine thread only; not thread-safe.
 */
public final class BlackSwanGuardRule implements RiskRule {

    /** The snapshot layout this version writes and reads. */
    public static final String SNAPSHOT_FORMAT = "black-swan-guard/1";
    /** Rejection code of an order refused while tripped. */
    public static final String REJECT_CODE = "BLACK_SWAN_GUARD";
    /** Event type of a trip. */
    public static final String TRIP = "TRIP";
    /** Event type of a resumption. */
    public static final String RESUME = "RESUME";
    /** Event code of a resumption. */
    public static final String RESUME_CODE = "CONDITIONS_NORMAL";
    /** The most events kept by {@link #events()}; older ones are dropped first. */
    public static final int MAX_EVENTS = 10_000;

    private final GuardSettings settings;
    private final Map<InstrumentId, InstrumentWatch> watches = new LinkedHashMap<>();
    private final Deque<RiskEvent> events = new ArrayDeque<>();

    BlackSwanGuardRule(GuardSettings settings) {
        this.settings = settings;
    }

    /**
     * Every event so far, reported or not (at most the last {@value #MAX_EVENTS}), oldest first.
     *
     * @return a copy
     */
    public List<RiskEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Whether the guard is tripped for an instrument.
     *
     * @param instrument the instrument
     * @return true while orders adding exposure to it are refused
     */
    public boolean isTripped(InstrumentId instrument) {
        InstrumentWatch w = watches.get(instrument);
        return w != null && w.tripped();
    }

    @Override
    public void onBar(Bar bar, RiskContext context) {
        InstrumentWatch w = watches.computeIfAbsent(bar.instrument(), i -> new InstrumentWatch(settings));
        long now = context.timeMillis();
        InstrumentWatch.Change change = w.onClose(bar.close(), now);
        boolean held = context.portfolio().position(bar.instrument()).quantity().signum() != 0;
        if (change == InstrumentWatch.Change.TRIP) {
            record(context, tripEvent(bar.instrument(), w, now, held));
        } else if (change == InstrumentWatch.Change.RESUME) {
            record(context, resumeEvent(bar.instrument(), w, now));
        }
        if (w.tripped() && held) {
            try {
                context.closePosition(bar.instrument(), "black-swan-guard " + w.tripCode() + " since "
                        + Instant.ofEpochMilli(w.trippedAtMillis()));
            } catch (UnsupportedOperationException e) {
                // this context cannot close positions: orders adding exposure are still refused (class comment)
            }
        }
    }

    private void record(RiskContext context, RiskEvent event) {
        events.addLast(event);
        if (events.size() > MAX_EVENTS) {
            events.pollFirst();
        }
        try {
            context.report(event);
        } catch (UnsupportedOperationException e) {
            // this context cannot record events: the event stays in events() (class comment)
        }
    }

    private RiskEvent tripEvent(InstrumentId instrument, InstrumentWatch w, long now, boolean held) {
        InstrumentWatch.Reading r = w.last();
        String why = w.tripCode().equals(InstrumentWatch.RETURN_SHOCK)
                ? "log return " + num(r.logReturn()) + " is " + num(r.returnSigmas()) + " sigma (sigma "
                        + num(r.sigmaBefore()) + " forecast before the bar), beyond " + settings.shockSigmas()
                : "volatility forecast " + num(r.sigmaAfter()) + " is " + num(r.ratio()) + " x the one "
                        + settings.jumpLagBars() + " bars earlier (" + num(r.laggedSigma()) + "), beyond "
                        + settings.jumpRatio();
        return new RiskEvent(now, TRIP, w.tripCode(), instrument + ": " + why + " (" + w.forecastSource()
                + "); " + (held ? "closing the position; " : "") + "orders adding exposure refused until "
                + settings.resetBars() + " calm bars in a row", values(instrument, w));
    }

    private RiskEvent resumeEvent(InstrumentId instrument, InstrumentWatch w, long now) {
        Map<String, String> values = values(instrument, w);
        values.put("trip", w.tripCode());
        values.put("trippedAt", Instant.ofEpochMilli(w.trippedAtMillis()).toString());
        values.put("calmBars", Integer.toString(settings.resetBars()));
        return new RiskEvent(now, RESUME, RESUME_CODE, instrument + ": " + settings.resetBars()
                + " calm bars in a row (|r| < " + settings.resetSigmas() + " sigma and forecast ratio < "
                + settings.resetRatio() + ") since the " + w.tripCode() + " trip at "
                + Instant.ofEpochMilli(w.trippedAtMillis()) + "; orders adding exposure pass again", values);
    }

    private static Map<String, String> values(InstrumentId instrument, InstrumentWatch w) {
        InstrumentWatch.Reading r = w.last();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("instrument", instrument.toString());
        v.put("logReturn", Double.toString(r.logReturn()));
        v.put("sigma", Double.toString(r.sigmaBefore()));
        v.put("returnSigmas", Double.toString(r.returnSigmas()));
        v.put("forecastSigma", Double.toString(r.sigmaAfter()));
        v.put("laggedSigma", Double.toString(r.laggedSigma()));
        v.put("sigmaRatio", Double.toString(r.ratio()));
        v.put("volatilityModel", w.forecastSource());
        return v;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        InstrumentId instrument = intent.order().instrument();
        InstrumentWatch w = watches.get(instrument);
        if (w == null || !w.tripped() || intent.reducesPosition()) {
            return RiskDecision.approve();
        }
        String why = "black-swan-guard tripped for " + instrument + " at " + Instant.ofEpochMilli(w.trippedAtMillis())
                + " (" + w.tripCode() + "); orders adding exposure are refused until " + settings.resetBars()
                + " calm bars in a row (" + w.calmBars() + " so far)";
        BigDecimal position = context.portfolio().position(instrument).quantity();
        if (position.signum() != 0 && position.signum() != intent.order().side().sign()) {
            return RiskDecision.resize(position.abs(), why + "; order cut from " + intent.quantity().toPlainString()
                    + " to " + position.abs().toPlainString() + " so that it only closes the position");
        }
        return RiskDecision.reject(REJECT_CODE, why);
    }

    @Override
    public StateSnapshot snapshot() {
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder ids = new StringBuilder();
        int i = 0;
        for (Map.Entry<InstrumentId, InstrumentWatch> e : watches.entrySet()) {
            ids.append(i == 0 ? "" : ",").append(e.getKey());
            e.getValue().writeTo("i" + i + ".", values);
            i++;
        }
        values.put("instruments", ids.toString());
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
            String list = SnapshotValues.text(in, "instruments");
            Map<InstrumentId, InstrumentWatch> restored = new LinkedHashMap<>();
            String[] ids = list.isEmpty() ? new String[0] : list.split(",");
            for (int i = 0; i < ids.length; i++) {
                InstrumentWatch w = new InstrumentWatch(settings);
                w.readFrom("i" + i + ".", in);
                restored.put(InstrumentId.parse(ids[i]), w);
            }
            watches.clear();
            watches.putAll(restored);
            return true;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }
}
