/**
 * The {@code signal-enhancers} plugin: two signal enhancers that score and filter a strategy's entries before they
 * are sized. Exits (FLAT signals) always pass unchanged.
 *
 * <p><b>{@code multi-factor-score}</b> ({@link io.quantplug.plugins.signals.MultiFactorScoreProvider}) scores each
 * entry 0 to 100 on six factors at the latest completed bar, in the signal's direction (formulas and sources in
 * {@link io.quantplug.plugins.signals.FactorFormulas}):
 * <ul>
 *   <li>technical: EMA(fast) vs EMA(slow), close vs EMA(slow), Wilder's RSI between 30 and 70;</li>
 *   <li>volume: the bar's volume against the mean of the bars before it;</li>
 *   <li>volatility: ATR / close, scaled to a day, inside a tradable band;</li>
 *   <li>momentum: the rate of change in units of the typical move (ATR x sqrt(n));</li>
 *   <li>risk/reward: room to the recent swing high (long) or low (short) against a stop k ATRs away;</li>
 *   <li>timing: place in the recent range and extension from the mean (chasing scores low).</li>
 * </ul>
 * The weighted composite gives a quality class ({@link io.quantplug.plugins.signals.QualityClass}: A &ge; 80,
 * B &ge; 65, C &ge; 50, D below); entries below {@code minScore} are dropped, the others carry
 * {@code score.composite} and {@code score.<factor>} and a reason naming the class and the strongest and weakest
 * factor.
 *
 * <p><b>{@code multi-timeframe}</b> ({@link io.quantplug.plugins.signals.MultiTimeframeProvider}) aggregates the
 * incoming bars (e.g. 1m) into higher timeframes (default 5m, 15m, 1h, 4h, 1d, aligned to UTC like exchange klines),
 * takes each one's trend from its completed bars (close vs. EMA and the EMA's slope), and drops entries whose
 * weighted share of agreeing timeframes is below {@code minAlignment}; passing entries carry {@code mtf.alignment}
 * and the nearest pivot support and resistance ({@code mtf.support}, {@code mtf.resistance}). A higher bar counts
 * only once complete: no look-ahead.
 *
 * <pre>{@code
 * quantplug backtest --strategy sma-crossover --data BTCUSDT_1m.csv \
 *     --enhancer multi-timeframe:timeframes=15m+1h+4h,minAlignment=0.6 \
 *     --enhancer multi-factor-score:minScore=55
 * }</pre>
 *
 * <p>Both keep one state per instrument of the session, are called on the engine thread only, report their state
 * in {@code diagnostics()} and hand it over on a hot swap ({@code snapshot()} / {@code restore()}).
 */
package io.quantplug.plugins.signals;
