/**
 * Instrument metadata for backtests on files, which carry prices but not exchange rules.
 *
 * <pre>{@code
 * Instrument btc = InstrumentCatalog.binanceSpot().find("BTCUSDT").orElseThrow();
 * }</pre>
 */
package io.quantplug.runtime.instrument;
