package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The volatility spike trigger, per instrument. For each completed bar {@code t}, against the {@code N} bars before
 * it (the current bar is left out of its own baseline, so a spike cannot hide by inflating it):
 * <ul>
 *   <li>return: {@code r_t = ln(C_t / C_{t-1})}; a spike is {@code |r_t| > k x sd(r_{t-N} .. r_{t-1})};</li>
 *   <li>range: {@code g_t = ln(H_t / L_t)}; a spike is
 *       {@code g_t > mean(g_{t-N} .. g_{t-1}) + k x sd(g_{t-N} .. g_{t-1})}.</li>
 * </ul>
 * {@code sd} is the sample standard deviation (divisor {@code N - 1}). The trigger is armed once {@code N} values are
 * held and never fires while {@code sd = 0}. This is the "k-sigma" return filter of the black-swan guards (e.g. a
 * 4-sigma move); the log range is Parkinson's (1980) range measure before its scaling.
 */
final class VolatilitySpikeDetector {

    private static final class Series {
        double lastClose = Double.NaN;
        RollingWindow returns;
        RollingWindow ranges;
    }

    private final BigDecimal kExact;
    private final double k;
    private final int windowBars;
    private final VolatilityMeasure measure;
    private final Map<InstrumentId, Series> series = new HashMap<>();

    VolatilitySpikeDetector(BigDecimal k, int windowBars, VolatilityMeasure measure) {
        this.kExact = k;
        this.k = k.doubleValue();
        this.windowBars = windowBars;
        this.measure = measure;
    }

    /** Takes one completed bar; returns the trip cause when it is a spike, else null. Off when k is 0. */
    Cause onBar(Bar bar) {
        if (k == 0) {
            return null;
        }
        Series s = series.computeIfAbsent(bar.instrument(), id -> newSeries());
        Cause cause = null;
        if (measure.watchesReturn() && !Double.isNaN(s.lastClose)) {
            double r = Math.log(bar.close() / s.lastClose);
            if (s.returns.full()) {
                double sd = s.returns.standardDeviation();
                if (sd > 0 && Math.abs(r) > k * sd) {
                    cause = returnSpike(bar, r, sd);
                }
            }
            s.returns.add(r);
        }
        if (measure.watchesRange()) {
            double g = Math.log(bar.high() / bar.low());
            if (s.ranges.full()) {
                double mean = s.ranges.mean();
                double sd = s.ranges.standardDeviation();
                if (cause == null && sd > 0 && g > mean + k * sd) {
                    cause = rangeSpike(bar, g, mean, sd);
                }
            }
            s.ranges.add(g);
        }
        s.lastClose = bar.close();
        return cause;
    }

    private Series newSeries() {
        Series s = new Series();
        s.returns = new RollingWindow(windowBars);
        s.ranges = new RollingWindow(windowBars);
        return s;
    }

    private Cause returnSpike(Bar bar, double r, double sd) {
        double threshold = k * sd;
        Map<String, String> values = common(bar, "return");
        values.put("value", Double.toString(r));
        values.put("standardDeviation", Double.toString(sd));
        values.put("threshold", Double.toString(threshold));
        return new Cause(CircuitReason.VOLATILITY_SPIKE, bar.instrument() + " bar at " + bar.openTime()
                + ": |log return| " + Formats.sixDecimals(Math.abs(r)) + " is beyond " + Formats.plain(kExact)
                + " x its standard deviation " + Formats.sixDecimals(sd) + " over the previous " + windowBars
                + " bars (threshold " + Formats.sixDecimals(threshold) + ")", withK(values));
    }

    private Cause rangeSpike(Bar bar, double g, double mean, double sd) {
        double threshold = mean + k * sd;
        Map<String, String> values = common(bar, "range");
        values.put("value", Double.toString(g));
        values.put("mean", Double.toString(mean));
        values.put("standardDeviation", Double.toString(sd));
        values.put("threshold", Double.toString(threshold));
        return new Cause(CircuitReason.VOLATILITY_SPIKE, bar.instrument() + " bar at " + bar.openTime()
                + ": log range ln(high/low) " + Formats.sixDecimals(g) + " is beyond its mean "
                + Formats.sixDecimals(mean) + " + " + Formats.plain(kExact) + " x its standard deviation "
                + Formats.sixDecimals(sd) + " over the previous " + windowBars + " bars (threshold "
                + Formats.sixDecimals(threshold) + ")", withK(values));
    }

    private static Map<String, String> common(Bar bar, String measureName) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("instrument", bar.instrument().toString());
        values.put("barOpenTime", bar.openTime().toString());
        values.put("measure", measureName);
        return values;
    }

    private Map<String, String> withK(Map<String, String> values) {
        values.put("k", Formats.plain(kExact));
        values.put("windowBars", Integer.toString(windowBars));
        return values;
    }

    void writeTo(Map<String, String> out) {
        series.forEach((id, s) -> {
            out.put("vol." + id + ".lastClose", Double.toString(s.lastClose));
            out.put("vol." + id + ".returns", s.returns.toText());
            out.put("vol." + id + ".ranges", s.ranges.toText());
        });
    }

    static VolatilitySpikeDetector readFrom(Map<String, String> in, BigDecimal k, int windowBars,
                                            VolatilityMeasure measure) {
        VolatilitySpikeDetector d = new VolatilitySpikeDetector(k, windowBars, measure);
        String suffix = ".lastClose";
        for (Map.Entry<String, String> e : in.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("vol.") && key.endsWith(suffix)) {
                String id = key.substring(4, key.length() - suffix.length());
                Series s = new Series();
                s.lastClose = Double.parseDouble(e.getValue());
                s.returns = RollingWindow.fromText(in.get("vol." + id + ".returns"), windowBars);
                s.ranges = RollingWindow.fromText(in.get("vol." + id + ".ranges"), windowBars);
                d.series.put(InstrumentId.parse(id), s);
            }
        }
        return d;
    }
}
