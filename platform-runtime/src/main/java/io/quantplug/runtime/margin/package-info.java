/**
 * Perpetual futures accounting of a linear (USDⓈ-M) contract, after Binance's published rules: leverage brackets
 * (initial and maintenance margin), the liquidation price, and funding payments from recorded rates.
 *
 * <p>Amounts are exact decimals in the quote asset (USDT); rates are decimal fractions (0.0001 = 1 bp). The types
 * are immutable and thread-safe. The simulated venue and the portfolio use them when a backtest trades a perpetual
 * ({@link io.quantplug.runtime.backtest.BacktestRun#tradePerpetual}).
 */
package io.quantplug.runtime.margin;
