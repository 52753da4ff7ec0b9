package io.quantplug.runtime.report;

import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.MonteCarloMethod;
import io.quantplug.runtime.analytics.MonteCarloResult;
import io.quantplug.runtime.analytics.MonteCarloSimulation;
import io.quantplug.runtime.analytics.RunReturns;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The document and the page of a Monte Carlo study of a stored run: {@code montecarlo.json}
 * (format {@value #FORMAT}) and {@code montecarlo.html}, a self-contained page with the percentiles and a histogram
 * of the paths' total return (inline SVG, no script).
 *
 * <p>In the document, returns and drawdowns are fractions; a figure that is undefined (a Sharpe ratio of returns
 * without spread, the block length of a trade bootstrap) is {@code null}. Stateless and thread-safe.
 */
public final class MonteCarloReport {

    /** Format id of the JSON document. */
    public static final String FORMAT = "quantplug-montecarlo/1";

    private MonteCarloReport() {
    }

    /**
     * Runs a study on a finished run's document: its round trips' returns on the closed-trade equity before each, in
     * the order they closed, annualised by trades per 365-day year of the run's span ({@link MonteCarloMethod#TRADES});
     * or its bar returns, annualised by the run's bars per year ({@link MonteCarloMethod#BLOCKS}).
     *
     * @param document  the run's result document
     * @param equity    its equity curve at full resolution (for blocks; may be empty for trades)
     * @param method    trades or blocks
     * @param paths     paths, 1 to {@link MonteCarloSimulation#MAX_PATHS}
     * @param blockBars mean block length for blocks, &ge; 1, or null for the default
     *                  ({@link MonteCarloSimulation#defaultBlockLength})
     * @param seed      the seed
     * @param loss      the loss whose probability is reported, a fraction in (0, 1]
     * @return the study
     * @throws IllegalArgumentException with a message for the user when a setting is out of range or the run has
     *                                  fewer than 2 trades or bar returns
     */
    public static MonteCarloResult simulate(ResultDocument document, List<ResultDocument.EquityPoint> equity,
                                            MonteCarloMethod method, int paths, Double blockBars, long seed,
                                            double loss) {
        double[] returns;
        double perYear;
        if (method == MonteCarloMethod.TRADES) {
            List<BigDecimal> pnl = document.trades().stream()
                    .sorted(Comparator.comparing(ResultDocument.Trade::exitTime))
                    .map(ResultDocument.Trade::pnl).toList();
            returns = RunReturns.ofTrades(document.run().capital(), pnl);
            double years = Duration.between(document.run().from(), document.run().to()).toMillis()
                    / (365.0 * 86_400_000.0);
            perYear = years > 0 ? returns.length / years : returns.length;
        } else {
            returns = RunReturns.ofEquity(equity.stream().mapToDouble(ResultDocument.EquityPoint::equity).toArray());
            try {
                perYear = Timeframe.parse(document.run().timeframe()).barsPerYear();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the run's bars (" + document.run().timeframe() + ") have no fixed"
                        + " length to annualise bar returns by; resample its trades instead (method trades)", e);
            }
        }
        if (returns.length < 2) {
            throw new IllegalArgumentException("the run has " + returns.length + (method == MonteCarloMethod.TRADES
                    ? " closed trades" : " bar returns") + "; resampling needs at least 2");
        }
        double block = blockBars != null ? blockBars : MonteCarloSimulation.defaultBlockLength(returns.length);
        return new MonteCarloSimulation(method, paths, block, seed, loss).run(returns, perYear);
    }

    /**
     * The JSON document of a study, in a stable key order.
     *
     * @param runId    the stored run resampled
     * @param run      what that run was
     * @param result   the study
     * @return a map for the JSON writer
     */
    public static Map<String, Object> document(long runId, ResultDocument.Run run, MonteCarloResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("runId", runId);
        doc.put("strategy", run.strategy());
        doc.put("instrument", run.instrument());
        doc.put("timeframe", run.timeframe());
        doc.put("method", result.method().name().toLowerCase(Locale.ROOT));
        doc.put("paths", result.paths());
        doc.put("seed", result.seed());
        doc.put("blockBars", number(result.meanBlockLength()));
        doc.put("steps", result.steps());
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("totalReturn", number(result.observed().totalReturn()));
        observed.put("maxDrawdown", number(result.observed().maxDrawdown()));
        observed.put("sharpe", number(result.observed().sharpe()));
        doc.put("observed", observed);
        doc.put("totalReturn", distribution(result.totalReturn()));
        doc.put("maxDrawdown", distribution(result.maxDrawdown()));
        doc.put("sharpe", distribution(result.sharpe()));
        doc.put("undefinedSharpePaths", result.undefinedSharpe());
        doc.put("lossThreshold", result.lossThreshold());
        doc.put("probabilityOfLoss", result.probabilityOfLoss());
        doc.put("probabilityNegative", result.probabilityNegative());
        Map<String, Object> histogram = new LinkedHashMap<>();
        histogram.put("edges", result.histogram().edges());
        histogram.put("counts", result.histogram().counts());
        doc.put("histogram", histogram);
        return doc;
    }

    /**
     * Writes {@code montecarlo.json} and {@code montecarlo.html} into a directory, each atomically.
     *
     * @param dir      the directory, created when missing
     * @param document the study's document ({@link #document})
     * @param result   the study
     * @return the HTML file
     * @throws io.quantplug.runtime.QuantplugException when a file cannot be written
     */
    public static Path write(Path dir, Map<String, Object> document, MonteCarloResult result) {
        ResultJson.writeAtomically(dir.resolve("montecarlo.json"), toJson(document));
        Path html = dir.resolve("montecarlo.html");
        ResultJson.writeAtomically(html, html(document, result));
        return html;
    }

    /**
     * The document as pretty-printed JSON text.
     *
     * @param document the study's document ({@link #document})
     * @return the JSON text
     * @throws io.quantplug.runtime.QuantplugException when it cannot be serialised
     */
    public static String toJson(Map<String, Object> document) {
        try {
            return ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (java.io.IOException e) {
            throw new io.quantplug.runtime.QuantplugException("cannot serialise the study: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> distribution(MonteCarloResult.Distribution d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", number(d.mean()));
        m.put("p1", number(d.p1()));
        m.put("p5", number(d.p5()));
        m.put("p25", number(d.p25()));
        m.put("p50", number(d.p50()));
        m.put("p75", number(d.p75()));
        m.put("p95", number(d.p95()));
        m.put("p99", number(d.p99()));
        return m;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String html(Map<String, Object> doc, MonteCarloResult r) {
        StringBuilder b = new StringBuilder(8_192);
        String title = "Monte Carlo of run " + doc.get("runId") + ": " + doc.get("strategy") + " on "
                + doc.get("instrument") + " " + doc.get("timeframe");
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "td,th{padding:2px 10px;text-align:right}th:first-child,td:first-child{text-align:left}"
                        + "</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n<p>")
                .append(r.paths()).append(" paths, ").append(r.method() == MonteCarloMethod.TRADES
                        ? "bootstrap of the " + r.steps() + " trades"
                        : String.format(Locale.ROOT, "stationary block bootstrap of the %d bar returns, mean block"
                        + " %.0f bars", r.steps(), r.meanBlockLength()))
                .append(", seed ").append(r.seed()).append(". ")
                .append(String.format(Locale.ROOT, "Probability of losing %.1f %% or more: %.2f %%; of any loss:"
                        + " %.2f %%.", 100 * r.lossThreshold(), 100 * r.probabilityOfLoss(),
                        100 * r.probabilityNegative())).append("</p>\n<table><tr><th></th><th>run</th><th>mean</th>"
                        + "<th>1 %</th><th>5 %</th><th>25 %</th><th>50 %</th><th>75 %</th><th>95 %</th>"
                        + "<th>99 %</th></tr>\n");
        row(b, "total return %", r.observed().totalReturn(), r.totalReturn(), 100);
        row(b, "max drawdown %", r.observed().maxDrawdown(), r.maxDrawdown(), 100);
        row(b, "Sharpe", r.observed().sharpe(), r.sharpe(), 1);
        b.append("</table>\n<h2>Total return of the paths</h2>\n");
        svg(b, r.histogram());
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double observed, MonteCarloResult.Distribution d,
                            double scale) {
        b.append("<tr><td>").append(name).append("</td>");
        for (double v : new double[] {observed, d.mean(), d.p1(), d.p5(), d.p25(), d.p50(), d.p75(), d.p95(),
                d.p99()}) {
            b.append("<td>").append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v * scale) : "-")
                    .append("</td>");
        }
        b.append("</tr>\n");
    }

    /** One bar per bin, 600 by 240 pixels, labelled with the bins' edges in percent. */
    private static void svg(StringBuilder b, MonteCarloResult.Histogram h) {
        List<Integer> counts = h.counts();
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        double width = 600.0 / counts.size();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"280\" role=\"img\""
                + " aria-label=\"histogram of total return\">\n");
        List<String> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            double height = 240.0 * counts.get(i) / Math.max(1, max);
            bars.add(String.format(Locale.ROOT, "<rect class=\"bin\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                    + " height=\"%.1f\" fill=\"#4a78c2\"><title>%.2f %% to %.2f %%: %d paths</title></rect>",
                    20 + i * width, 240 - height, Math.max(1, width - 1), height, 100 * h.edges().get(i),
                    100 * h.edges().get(i + 1), counts.get(i)));
        }
        b.append(String.join("\n", bars)).append('\n');
        b.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"260\" font-size=\"12\">%.2f %%</text>"
                + "<text x=\"620\" y=\"260\" font-size=\"12\" text-anchor=\"end\">%.2f %%</text>\n</svg>\n",
                100 * h.edges().get(0), 100 * h.edges().get(h.edges().size() - 1)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
