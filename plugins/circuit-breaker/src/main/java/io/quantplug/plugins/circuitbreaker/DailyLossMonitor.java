package io.quantplug.plugins.circuitbreaker;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daily loss limit. The start-of-day equity {@code E0} is the first equity observed in a UTC day (the engine
 * observes at every bar, fill and order check, so with 1-minute bars it is the equity at the close of the day's first
 * bar). The trigger fires when
 * <pre>
 *   loss% = (E0 - E) / E0 x 100  &ge;  dailyLossPercent
 * </pre>
 * for the current equity {@code E}. It is off when the limit is 0 and cannot fire while {@code E0 &le; 0}.
 * Exact decimals, 16 significant digits for the division.
 */
final class DailyLossMonitor {

    static final long DAY_MILLIS = 86_400_000L;

    private final BigDecimal limitPercent;
    private long day = Long.MIN_VALUE;
    private BigDecimal startOfDayEquity;

    DailyLossMonitor(BigDecimal limitPercent) {
        this.limitPercent = limitPercent;
    }

    /** The first UTC midnight strictly after a time. */
    static long nextUtcMidnight(long timeMillis) {
        return (Math.floorDiv(timeMillis, DAY_MILLIS) + 1) * DAY_MILLIS;
    }

    /** Takes one equity observation; the first of a UTC day becomes that day's start-of-day equity. */
    void observe(long timeMillis, BigDecimal equity) {
        long d = Math.floorDiv(timeMillis, DAY_MILLIS);
        if (d != day) {
            day = d;
            startOfDayEquity = equity;
        }
    }

    /** The trip cause when the loss since the start of the day reaches the limit, else null. */
    Cause check(BigDecimal equity) {
        if (limitPercent.signum() == 0 || startOfDayEquity == null || startOfDayEquity.signum() <= 0) {
            return null;
        }
        BigDecimal lossPercent = Formats.percentOf(startOfDayEquity.subtract(equity), startOfDayEquity);
        if (lossPercent.compareTo(limitPercent) < 0) {
            return null;
        }
        String date = LocalDate.ofEpochDay(day).toString();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("equity", equity.toPlainString());
        values.put("lossPercent", Formats.fourDecimals(lossPercent));
        values.put("startOfDayEquity", startOfDayEquity.toPlainString());
        values.put("day", date);
        values.put("limitPercent", Formats.plain(limitPercent));
        return new Cause(CircuitReason.DAILY_LOSS_LIMIT, "equity " + Formats.money(equity) + " is "
                + Formats.twoDecimals(lossPercent) + "% below the start-of-day equity "
                + Formats.money(startOfDayEquity) + " (UTC day " + date + "), limit " + Formats.plain(limitPercent)
                + "%", values);
    }

    void writeTo(Map<String, String> out) {
        if (startOfDayEquity != null) {
            out.put("daily.day", Long.toString(day));
            out.put("daily.startEquity", startOfDayEquity.toPlainString());
        }
    }

    static DailyLossMonitor readFrom(Map<String, String> in, BigDecimal limitPercent) {
        DailyLossMonitor m = new DailyLossMonitor(limitPercent);
        String day = in.get("daily.day");
        if (day != null) {
            m.day = Long.parseLong(day);
            m.startOfDayEquity = new BigDecimal(in.get("daily.startEquity"));
        }
        return m;
    }
}
