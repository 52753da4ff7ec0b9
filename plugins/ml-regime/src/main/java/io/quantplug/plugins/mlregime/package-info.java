/**
 * The {@code ml-regime} plugin: a signal enhancer that filters entries with a machine-learnt market regime.
 *
 * <p><b>What it does.</b> A random forest (Tribuo 4.3 CART trees, bagged, soft vote; bundled in the plugin jar)
 * classifies the latest completed bar of an instrument into one of four regimes
 * ({@link io.quantplug.plugins.mlregime.MarketRegime}): TREND_UP, TREND_DOWN, RANGE, HIGH_VOLATILITY. Entries that
 * go against a confident regime are dropped (a long in TREND_DOWN, a short in TREND_UP, any entry in
 * HIGH_VOLATILITY); the others pass with the regime, its confidence and each regime's probability as scores. Exits
 * always pass.
 *
 * <p><b>How it learns, without look-ahead.</b>
 * <ul>
 *   <li>Features of bar t ({@link io.quantplug.plugins.mlregime.RegimeFeatures}): returns over 1, n and m bars,
 *       realised volatility and its ratio to the long window's, trend strength, mean true range over price, EMA
 *       slope, position in the n-bar range and volume z-score, all from bars {@code t - m .. t}.</li>
 *   <li>Label of bar i ({@link io.quantplug.plugins.mlregime.RegimeLabeler}): from the forward return and forward
 *       realised volatility of bars {@code i+1 .. i+h}, measured against the volatility of the m bars up to i.</li>
 *   <li>Walk-forward ({@link io.quantplug.plugins.mlregime.WalkForwardSchedule}): the first fit once
 *       {@code minTrainingExamples} labelled examples exist, then every {@code retrainEveryBars} bars on the most
 *       recent {@code trainingWindow} of them; a fit at bar s uses only bars i with {@code i + h <= s}. Fixed seed:
 *       the same bars give the same decisions, bit for bit.</li>
 * </ul>
 *
 * <pre>{@code
 * quantplug backtest --data BTCUSDT_1h.csv --strategy sma-crossover --enhancer ml-regime:minConfidence=0.6
 *
 * EnhancementProvider provider = new MlRegimeProvider();
 * MlRegimeEnhancer regime = (MlRegimeEnhancer) provider.create(
 *         provider.descriptor().parameters().resolve(Map.of("retrainEveryBars", "168")));
 * bars.forEach(regime::onBar);                                   // oldest first
 * Optional<Signal> kept = regime.enhance(signal, context);       // empty: dropped
 * Map<String, Object> d = regime.diagnostics();                 // regime, confidence, feature importances ...
 * }</pre>
 *
 * <p>Diagnostics give the last prediction and its confidence, the training-set size and class counts, the time of
 * the last fit and the feature importances Tribuo reports for tree ensembles (mean splits per tree). A hot swap
 * carries the recent bars; the new instance refits from them with the same seed.
 */
package io.quantplug.plugins.mlregime;
