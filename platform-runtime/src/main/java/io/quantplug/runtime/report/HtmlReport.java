package io.quantplug.runtime.report;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.QuantplugException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.html}: one self-contained file (no network at view time) with a candlestick chart and trade
 * markers, the equity curve, the drawdown, the metrics and a sortable trades table. Charts are drawn by the vendored
 * TradingView Lightweight Charts 5.2.1 (Apache-2.0), inlined in the page. So that the page stays small and opens
 * whatever the run's length, above {@value #MAX_CANDLES} bars the candles are aggregated ({@link Candles}; the page
 * says so), and the equity is thinned to at most {@link ResultDocument#DEFAULT_EQUITY_POINTS} points
 * ({@link ResultDocument#withEquityPoints}, keeping the maximum drawdown's peak and trough); the rejected orders
 * listed are the first {@value #MAX_REJECTIONS} (the page says how many there were); trades are complete.
 */
public final class HtmlReport {

    /** The most rejected orders the page lists (the first ones); {@code result.json} lists every one. */
    public static final int MAX_REJECTIONS = 1_000;

    /** The most candles drawn; longer runs are aggregated to fit. */
    public static final int MAX_CANDLES = Candles.DEFAULT_MAX;

    private static final String TEMPLATE = "report-template.html";
    private static final String LIBRARY = "vendor/lightweight-charts.standalone.production.js";

    private HtmlReport() {
    }

    /**
     * Renders the page.
     *
     * @param document the result document
     * @param bars     the bars of the run, ascending
     * @return the HTML text
     */
    public static String render(ResultDocument document, List<Bar> bars) {
        ObjectWriter compact = ResultJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        ResultDocument page = document.withEquityPoints(ResultDocument.DEFAULT_EQUITY_POINTS);
        int rejections = page.rejections().size();
        if (rejections > MAX_REJECTIONS) {
            page = new ResultDocument(page.format(), page.run(), page.metrics(), page.trades(), page.equity(),
                    page.rejections().subList(0, MAX_REJECTIONS), page.faults(), page.counts(), page.riskEvents(),
                    page.decisions(), page.equitySampling(), page.executions(), page.perpetual());
        }
        String resultJson;
        try {
            resultJson = compact.writeValueAsString(page);
        } catch (IOException e) {
            throw new QuantplugException("cannot serialise the result for the report: " + e.getMessage(), e);
        }
        String template = resource(TEMPLATE);
        String library = resource(LIBRARY);
        return template
                .replace("__CANDLE_JSON__", candles(bars))
                .replace("__REJECTIONS_TOTAL__", Integer.toString(rejections))
                .replace("__LIGHTWEIGHT_CHARTS__", library)
                .replace("__RESULT_JSON__", scriptSafe(resultJson)); // last: data never meets a placeholder
    }

    /**
     * Renders the page and writes it atomically.
     *
     * @param document the result document
     * @param bars     the bars of the run, ascending
     * @param file     the target, e.g. {@code out/report.html}
     * @throws QuantplugException when the file cannot be written
     */
    public static void write(ResultDocument document, List<Bar> bars, Path file) {
        ResultJson.writeAtomically(file, render(document, bars));
    }

    /** Candles as {@code [openTimeSeconds, o, h, l, c]}, aggregated to at most {@value #MAX_CANDLES}. */
    static String candles(List<Bar> bars) {
        Candles c = Candles.of(bars, MAX_CANDLES);
        StringBuilder b = new StringBuilder(c.size() * 48 + 64);
        b.append("{\"barSeconds\":").append(c.barSeconds()).append(",\"bucketSeconds\":")
                .append(c.barSeconds() * c.barsPerCandle()).append(",\"candles\":[");
        for (int i = 0; i < c.size(); i++) {
            b.append(i == 0 ? "[" : ",[").append(c.time()[i]).append(',').append(fmt(c.open()[i])).append(',')
                    .append(fmt(c.high()[i])).append(',').append(fmt(c.low()[i])).append(',')
                    .append(fmt(c.close()[i])).append(']');
        }
        return b.append("]}").toString();
    }

    private static String fmt(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.toLowerCase(Locale.ROOT);
    }

    /** Keeps embedded JSON from closing its script element. */
    private static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("<!--", "\\u003c!--");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new QuantplugException("report resource missing from the runtime jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuantplugException("cannot read report resource " + name + ": " + e.getMessage(), e);
        }
    }
}
