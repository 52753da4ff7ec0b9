package io.quantplug.plugins.circuitbreaker;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rapid drawdown trigger. Over the equity observations of the last {@code window} milliseconds (inclusive: a
 * sample at {@code now - window} still counts), with peak {@code P} and current equity {@code E}:
 * <pre>
 *   drawdown% = (P - E) / P x 100  &ge;  drawdownPercent
 * </pre>
 * It is off when the threshold is 0 and cannot fire while {@code P &le; 0}.
 *
 * <p>The peak is kept with a monotonic deque (the sliding-window maximum): a sample is dropped as soon as a later
 * one is at least as high, because it can never be the peak again. Each observation costs O(1) amortised; memory is
 * the number of observations in the window in the worst case (equity falling at every sample).
 */
final class DrawdownWindow {

    private record Sample(long timeMillis, BigDecimal equity) {
    }

    private final BigDecimal limitPercent;
    private final long windowMillis;
    private final Deque<Sample> peaks = new ArrayDeque<>();

    DrawdownWindow(BigDecimal limitPercent, long windowMillis) {
        this.limitPercent = limitPercent;
        this.windowMillis = windowMillis;
    }

    /** Takes one equity observation; observations come in time order. */
    void observe(long timeMillis, BigDecimal equity) {
        while (!peaks.isEmpty() && peaks.peekLast().equity().compareTo(equity) <= 0) {
            peaks.pollLast();
        }
        peaks.addLast(new Sample(timeMillis, equity));
        while (peaks.peekFirst().timeMillis() < timeMillis - windowMillis) {
            peaks.pollFirst();
        }
    }

    /** Forgets every observation, so that a drawdown already acted on does not trip the breaker again. */
    void clear() {
        peaks.clear();
    }

    /** The trip cause when equity is the threshold or more below the window's peak, else null. */
    Cause check(BigDecimal equity) {
        if (limitPercent.signum() == 0 || peaks.isEmpty() || peaks.peekFirst().equity().signum() <= 0) {
            return null;
        }
        Sample peak = peaks.peekFirst();
        BigDecimal drawdown = Formats.percentOf(peak.equity().subtract(equity), peak.equity());
        if (drawdown.compareTo(limitPercent) < 0) {
            return null;
        }
        long minutes = windowMillis / 60_000L;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("equity", equity.toPlainString());
        values.put("drawdownPercent", Formats.fourDecimals(drawdown));
        values.put("peakEquity", peak.equity().toPlainString());
        values.put("peakTime", Formats.time(peak.timeMillis()));
        values.put("windowMinutes", Long.toString(minutes));
        values.put("limitPercent", Formats.plain(limitPercent));
        return new Cause(CircuitReason.RAPID_DRAWDOWN, "equity " + Formats.money(equity) + " is "
                + Formats.twoDecimals(drawdown) + "% below its peak " + Formats.money(peak.equity()) + " at "
                + Formats.time(peak.timeMillis()) + " within the last " + minutes + " minutes, limit "
                + Formats.plain(limitPercent) + "%", values);
    }

    void writeTo(Map<String, String> out) {
        List<String> parts = new ArrayList<>();
        peaks.forEach(s -> parts.add(s.timeMillis() + ":" + s.equity().toPlainString()));
        out.put("drawdown.peaks", String.join(",", parts));
    }

    static DrawdownWindow readFrom(Map<String, String> in, BigDecimal limitPercent, long windowMillis) {
        DrawdownWindow w = new DrawdownWindow(limitPercent, windowMillis);
        String text = in.get("drawdown.peaks");
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(",")) {
                int colon = part.indexOf(':');
                w.peaks.addLast(new Sample(Long.parseLong(part.substring(0, colon)),
                        new BigDecimal(part.substring(colon + 1))));
            }
        }
        return w;
    }
}
