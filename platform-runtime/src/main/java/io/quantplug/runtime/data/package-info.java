/**
 * Historical bar import: reads OHLCV CSV files (Binance klines, headed OHLCV exports such as CryptoDataDownload's,
 * headerless Kraken OHLCVT files; plain or gzip) into an immutable columnar {@link io.quantplug.runtime.data.BarSeries}
 * with an {@link io.quantplug.runtime.data.ImportReport} of what was found (layout, timeframe, gaps, duplicates).
 * A file that cannot be imported cleanly is refused with a {@link io.quantplug.runtime.data.DataImportException}
 * whose message starts with {@code FILE:LINE:}.
 *
 * <pre>{@code
 * LoadedBars loaded = new BarFileReader().read(Path.of("data/BTCUSDT_1m.csv.gz"));
 * ImportReport report = loaded.report();
 * if (!report.gapFree()) {
 *     log.warn("{} bars missing in {} gaps", report.missingBars(), report.gaps().size());
 * }
 * BarSeries lastWeek = loaded.series().slice(fromMillis, toMillis);
 * Bar first = lastWeek.bar(0, InstrumentId.parse("BTCUSDT.BINANCE"));
 * }</pre>
 *
 * <p>Classes without {@code public} are the import's internals (parsing, ordering, step analysis) and carry no
 * compatibility promise.
 */
package io.quantplug.runtime.data;
