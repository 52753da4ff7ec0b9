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
 * TradingView Lightweight Charts 5.2.1 (Apache-2.0), inlined in the page. Above {@value #MAX_CANDLES} bars the
 * candles are aggregated for display (the page says so); trades and equity are always complete.
 */
public final class HtmlReport {

    /** The most candles drawn; longer runs are aggregated to fit. */
    public static final int MAX_CANDLES = 50_000;

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
        String resultJson;
        try {
            resultJson = compact.writeValueAsString(document);
        } catch (IOException e) {
            throw new QuantplugException("cannot serialise the result for the report: " + e.getMessage(), e);
        }
        String template = resource(TEMPLATE);
        String library = resource(LIBRARY);
        return template
                .replace("__LIGHTWEIGHT_CHARTS__", library)
                .replace("__RESULT_JSON__", scriptSafe(resultJson))
                .replace("__CANDLE_JSON__", candles(bars));
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

    /** Candles as {@code [openTimeSeconds, o, h, l, c]}, aggregated by a whole factor when there are too many. */
    static String candles(List<Bar> bars) {
        long barSeconds = bars.isEmpty() ? 60 : bars.get(0).timeframe().millis() / 1000;
        int factor = Math.max(1, (bars.size() + MAX_CANDLES - 1) / MAX_CANDLES);
        long bucketSeconds = barSeconds * factor;
        StringBuilder b = new StringBuilder(bars.size() / factor * 48 + 64);
        b.append("{\"barSeconds\":").append(barSeconds).append(",\"bucketSeconds\":").append(bucketSeconds)
                .append(",\"candles\":[");
        long firstSecond = bars.isEmpty() ? 0 : bars.get(0).openTimeMillis() / 1000;
        long currentBucket = Long.MIN_VALUE;
        double o = 0;
        double h = 0;
        double l = 0;
        double c = 0;
        boolean any = false;
        for (Bar bar : bars) {
            long t = bar.openTimeMillis() / 1000;
            long bucket = firstSecond + Math.floorDiv(t - firstSecond, bucketSeconds) * bucketSeconds;
            if (bucket != currentBucket) {
                if (any) {
                    appendCandle(b, currentBucket, o, h, l, c);
                }
                currentBucket = bucket;
                o = bar.open();
                h = bar.high();
                l = bar.low();
                any = true;
            } else {
                h = Math.max(h, bar.high());
                l = Math.min(l, bar.low());
            }
            c = bar.close();
        }
        if (any) {
            appendCandle(b, currentBucket, o, h, l, c);
        }
        if (b.charAt(b.length() - 1) == ',') {
            b.setLength(b.length() - 1);
        }
        return b.append("]}").toString();
    }

    private static void appendCandle(StringBuilder b, long t, double o, double h, double l, double c) {
        b.append('[').append(t).append(',').append(fmt(o)).append(',').append(fmt(h)).append(',').append(fmt(l))
                .append(',').append(fmt(c)).append("],");
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
