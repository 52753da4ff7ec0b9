/**
 * Writes backtest results for people and tools: {@code result.json}, a documented contract (see
 * {@link io.quantplug.runtime.report.ResultDocument}), and {@code report.html}, one self-contained page with charts.
 *
 * <pre>{@code
 * ResultDocument doc = ResultDocument.of(result);
 * ResultJson.write(doc, outDir.resolve("result.json"));
 * HtmlReport.write(doc, bars, outDir.resolve("report.html"));
 * }</pre>
 */
package io.quantplug.runtime.report;
