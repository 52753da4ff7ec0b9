/**
 * The {@code volatility-grid} plugin: one strategy, {@code volatility-grid}, that trades a grid of GTC limit orders
 * around the last close and lets volatility set the grid's spacing and depth.
 *
 * <p>What it does, in short (every rule and formula is in
 * {@link io.quantplug.plugins.grid.VolatilityGridProvider}'s strategy, {@code VolatilityGrid}, and the classes it
 * names):
 * <ul>
 *   <li><b>Volatility</b>: the per-bar variance is an equal-weight average of the close-to-close, Parkinson,
 *       Garman–Klass, Rogers–Satchell, Yang–Zhang and EWMA estimators over the last {@code windowBars} bars,
 *       blended with a GARCH(1,1) forecast ({@code garchWeight}) that is refitted every {@code garchRefitBars} bars
 *       on past returns only. The estimators and the fitter come from the SDK's {@code sdk-volatility} artifact,
 *       bundled into this plugin's jar with Commons Math.</li>
 *   <li><b>Grid</b>: spacing {@code S = max(minSpacingBps x C / 10^4, spacingMultiple x sigma x C)} rounded up to
 *       the tick; up to {@code levels} buys below and sells above the centre {@code C}, no farther than
 *       {@code maxRangePercent} from it (fewer levels when sigma is high); level quantity
 *       {@code capitalFraction x equity / C} rounded down to the lot, fixed at the first grid.</li>
 *   <li><b>Trading</b>: a filled buy places a sell one spacing above, a filled sell a buy one spacing below; the
 *       inventory never exceeds {@code maxInventoryLevels} level quantities; on a spot instrument only what is held
 *       is offered for sale.</li>
 *   <li><b>Re-centring</b>: when the close leaves the outermost levels, the grid is canceled and laid out again
 *       around that close.</li>
 *   <li><b>Pause</b>: when a risk rule (e.g. the circuit breaker, codes {@code CIRCUIT_*}) refuses an order, the
 *       grid is canceled and nothing is placed for {@code pauseMinutes}.</li>
 *   <li><b>Hot swap</b>: working orders, grid, inventory, pause, kept bars and the GARCH model carry over to the
 *       next version.</li>
 * </ul>
 *
 * <pre>{@code
 * quantplug backtest --data BTCUSDT_1m.csv --symbol BTCUSDT --strategy volatility-grid \
 *     --param levels=5 --param spacingMultiple=1.5 --param minSpacingBps=15 --risk circuit-breaker
 * }</pre>
 *
 * <p>A test of a strategy built on this package can run it through the SDK test kit:
 * {@code PluginBacktest.of(new VolatilityGridProvider()).parameter("levels", 5).csv(file).run()}.
 */
package io.quantplug.plugins.grid;
