package io.quantplug.cli;

import io.quantplug.runtime.report.ResultDocument;

import java.io.PrintWriter;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a backtest's metrics, from its result document, as an aligned table, followed by the risk events its rules
 * reported (the count, and the first {@value #RISK_EVENTS_LISTED} as rule, time, type and code).
 */
final class MetricsTable {

    private MetricsTable() {
    }

    static void print(ResultDocument d, PrintWriter out) {
        ResultDocument.Run run = d.run();
        ResultDocument.Metrics m = d.metrics();
        String ccy = run.currency();
        out.printf(Locale.ROOT, "%s on %s, %s bars, %s .. %s (%,d bars)%n", run.strategy(), run.instrument(),
                run.timeframe(), run.from(), run.to(), run.bars());
        if (m == null) {
            out.println("  (no metrics: the run did not complete)");
            return;
        }
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Start equity", money(m.startEquity(), ccy));
        rows.put("End equity", money(m.endEquity(), ccy));
        rows.put("Net profit", money(m.netProfit(), ccy));
        rows.put("Total return", pct(m.totalReturn()));
        rows.put("CAGR", pct(m.cagr()));
        rows.put("Annualised volatility", pct(m.annualizedVolatility()));
        rows.put("Sharpe", ratio(m.sharpe()));
        rows.put("Sortino", ratio(m.sortino()));
        rows.put("Max drawdown", pct(m.maxDrawdown()));
        rows.put("Max drawdown duration", duration(m.maxDrawdownDuration()));
        rows.put("Calmar", ratio(m.calmar()));
        rows.put("Trades", String.format(Locale.ROOT, "%,d", m.tradeCount()) + endOfData(d));
        rows.put("Win rate", pct(m.winRate()));
        rows.put("Profit factor", ratio(m.profitFactor()));
        rows.put("Average trade", money(m.averageTrade(), ccy));
        rows.put("Exposure", pct(m.exposure()));
        rows.put("Fees", money(m.totalFees(), ccy));
        rows.put("Rejected orders", rejections(d));
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        rows.forEach((k, v) -> out.printf("  %-" + width + "s  %s%n", k, v));
        riskEvents(d, out);
    }

    /** The most risk events listed under the table; the rest are counted (all are in result.json). */
    static final int RISK_EVENTS_LISTED = 10;

    /** After the table: how many events the risk rules reported, and the first ones as rule, time, type, code. */
    private static void riskEvents(ResultDocument d, PrintWriter out) {
        List<ResultDocument.RiskEventEntry> events = d.riskEvents();
        out.printf(Locale.ROOT, "Risk events: %,d%n", events.size());
        int listed = Math.min(events.size(), RISK_EVENTS_LISTED);
        for (int i = 0; i < listed; i++) {
            ResultDocument.RiskEventEntry e = events.get(i);
            out.printf(Locale.ROOT, "  %s  %s  %-9s  %s%n", e.ruleId(), e.time(), e.eventType(), e.code());
        }
        if (events.size() > listed) {
            out.printf(Locale.ROOT, "  ... and %,d more (see result.json)%n", events.size() - listed);
        }
    }

    private static String endOfData(ResultDocument d) {
        long open = d.trades().stream().filter(t -> "END_OF_DATA".equals(t.exitReason())).count();
        return open == 0 ? "" : " (" + open + " closed at the end of the data)";
    }

    private static String rejections(ResultDocument d) {
        if (d.rejections().isEmpty()) {
            return "0";
        }
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (ResultDocument.RejectionEntry x : d.rejections()) {
            String key = x.code() + (x.ruleId() == null ? "" : " by " + x.ruleId());
            byCode.merge(key, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder().append(d.rejections().size()).append(" (");
        byCode.forEach((k, v) -> b.append(v).append(' ').append(k).append(", "));
        return b.substring(0, b.length() - 2) + ")";
    }

    static String money(java.math.BigDecimal v, String ccy) {
        if (v == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.2f %s", v.setScale(2, RoundingMode.HALF_UP), ccy);
    }

    static String pct(Double v) {
        return v != null && Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", v * 100) : "n/a";
    }

    static String ratio(Double v) {
        return v != null && Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    static String duration(Duration d) {
        if (d == null) {
            return "n/a";
        }
        long hours = d.toHours();
        return hours >= 48 ? String.format(Locale.ROOT, "%.1f days", d.toMinutes() / 1440.0)
                : String.format(Locale.ROOT, "%d h %02d min", hours, d.toMinutesPart());
    }

}
