package io.quantplug.plugins.volatility;

import java.util.Map;

/**
 * The black swan guard's state for one instrument: its sigma forecast, the forecasts of the last {@code n} bars, and
 * whether it is tripped. The per-bar decision of {@link BlackSwanGuardRule}; see there for the rule.
 *
 * <p>Not thread-safe: the engine thread.
 */
final class InstrumentWatch {

    /** What a bar did to the guard. */
    enum Change {
        /** No change of state. */
        NONE,
        /** The guard tripped at this bar. */
        TRIP,
        /** The guard resumed at this bar. */
        RESUME
    }

    /** Trip code: a return beyond k sigma. */
    static final String RETURN_SHOCK = "RETURN_SHOCK";
    /** Trip code: the forecast more than m times the one n bars earlier. */
    static final String VOLATILITY_JUMP = "VOLATILITY_JUMP";

    /**
     * The figures of one bar.
     *
     * @param logReturn   {@code r_t = ln(C_t / C_{t-1})}
     * @param sigmaBefore {@code sigma_{t|t-1}}, the forecast made at the bar before, per bar; NaN before it exists
     * @param sigmaAfter  {@code sigma_{t+1|t}}, the forecast after this bar; NaN before it exists
     * @param laggedSigma {@code sigma_{t+1-n|t-n}}; NaN before it exists
     * @param armed       whether the guard was armed: warm-up done and {@code sigma_{t|t-1} > 0}
     */
    record Reading(double logReturn, double sigmaBefore, double sigmaAfter, double laggedSigma, boolean armed) {

        /** @return {@code |r_t| / sigma_{t|t-1}}, NaN when sigma is NaN */
        double returnSigmas() {
            return Math.abs(logReturn) / sigmaBefore;
        }

        /** @return {@code sigma_{t+1|t} / sigma_{t+1-n|t-n}}, NaN unless both exist and the lagged one is &gt; 0 */
        double ratio() {
            return laggedSigma > 0 ? sigmaAfter / laggedSigma : Double.NaN;
        }
    }

    private final GuardSettings settings;
    private final VolatilityForecast forecast;
    /** sigma_{s+1|s} of the last n + 1 bars, by bar count modulo n + 1. */
    private final double[] sigmas;
    private long bars;
    private double previousClose = Double.NaN;
    private boolean tripped;
    private String tripCode;
    private long trippedAtMillis;
    private int calmBars;
    private Reading last;

    InstrumentWatch(GuardSettings settings) {
        this.settings = settings;
        this.forecast = settings.forecast().newForecast();
        this.sigmas = new double[settings.jumpLagBars() + 1];
    }

    /**
     * Takes a bar's close and decides.
     *
     * @param close      the close, &gt; 0
     * @param timeMillis now, recorded as the trip time
     * @return what changed
     */
    Change onClose(double close, long timeMillis) {
        if (Double.isNaN(previousClose)) {
            previousClose = close;
            return Change.NONE;
        }
        double r = Math.log(close / previousClose);
        previousClose = close;
        double before = forecast.volatility();
        boolean armed = forecast.returns() >= settings.warmUpBars() && before > 0;
        forecast.update(r);
        double after = forecast.volatility();
        int n = settings.jumpLagBars();
        double lagged = bars >= n ? sigmas[(int) ((bars - n) % (n + 1))] : Double.NaN;
        sigmas[(int) (bars % (n + 1))] = after;
        bars++;
        last = new Reading(r, before, after, lagged, armed);
        if (!tripped) {
            boolean shock = armed && last.returnSigmas() > settings.shockSigmas();
            boolean jump = armed && last.ratio() > settings.jumpRatio();
            if (shock || jump) {
                tripped = true;
                tripCode = shock ? RETURN_SHOCK : VOLATILITY_JUMP;
                trippedAtMillis = timeMillis;
                calmBars = 0;
                return Change.TRIP;
            }
            return Change.NONE;
        }
        boolean calm = armed && last.returnSigmas() < settings.resetSigmas() && last.ratio() < settings.resetRatio();
        calmBars = calm ? calmBars + 1 : 0;
        if (calmBars >= settings.resetBars()) {
            tripped = false;
            calmBars = 0;
            return Change.RESUME;
        }
        return Change.NONE;
    }

    /** @return the latest bar's figures, null before the second bar */
    Reading last() {
        return last;
    }

    /** @return whether the guard is tripped for this instrument */
    boolean tripped() {
        return tripped;
    }

    /** @return the code of the current or last trip, null before the first */
    String tripCode() {
        return tripCode;
    }

    /** @return when the current or last trip happened, UTC epoch milliseconds */
    long trippedAtMillis() {
        return trippedAtMillis;
    }

    /** @return calm bars in a row so far while tripped */
    int calmBars() {
        return calmBars;
    }

    /** @return the forecast's source, e.g. {@code ewma} */
    String forecastSource() {
        return forecast.source();
    }

    void writeTo(String prefix, Map<String, String> out) {
        out.put(prefix + "bars", Long.toString(bars));
        out.put(prefix + "previousClose", Double.toString(previousClose));
        out.put(prefix + "sigmas", SnapshotValues.join(sigmas));
        out.put(prefix + "tripped", Boolean.toString(tripped));
        out.put(prefix + "tripCode", tripCode == null ? "" : tripCode);
        out.put(prefix + "trippedAt", Long.toString(trippedAtMillis));
        out.put(prefix + "calmBars", Integer.toString(calmBars));
        if (last != null) {
            out.put(prefix + "last", SnapshotValues.join(new double[] {last.logReturn(), last.sigmaBefore(),
                last.sigmaAfter(), last.laggedSigma(), last.armed() ? 1 : 0}));
        }
        forecast.writeTo(prefix + "forecast.", out);
    }

    void readFrom(String prefix, Map<String, String> in) {
        double[] ring = SnapshotValues.doubles(in, prefix + "sigmas");
        if (ring.length != sigmas.length) {
            throw new IllegalArgumentException("snapshot keeps " + ring.length + " forecasts, this guard "
                    + sigmas.length + " (" + BlackSwanGuardProvider.JUMP_LAG_BARS + " differs)");
        }
        System.arraycopy(ring, 0, sigmas, 0, ring.length);
        bars = SnapshotValues.whole(in, prefix + "bars");
        previousClose = SnapshotValues.number(in, prefix + "previousClose");
        tripped = Boolean.parseBoolean(SnapshotValues.text(in, prefix + "tripped"));
        String code = SnapshotValues.text(in, prefix + "tripCode");
        tripCode = code.isEmpty() ? null : code;
        trippedAtMillis = SnapshotValues.whole(in, prefix + "trippedAt");
        calmBars = (int) SnapshotValues.whole(in, prefix + "calmBars");
        if (in.containsKey(prefix + "last")) {
            double[] l = SnapshotValues.doubles(in, prefix + "last");
            last = new Reading(l[0], l[1], l[2], l[3], l[4] != 0);
        }
        forecast.readFrom(prefix + "forecast.", in);
    }
}
