/**
 * The pairs trading plugin: the {@code pairs-trading} strategy
 * ({@link io.quantplug.plugins.pairs.PairsTradingProvider}), one instance trading two instruments on the z-score of
 * their Engle-Granger spread, the hedge ratio re-estimated on a rolling window of log closes, with an optional
 * cointegration gate and legs sized dollar-neutral in the hedge ratio.
 * <pre>{@code
 * strategies:
 *   - id: pairs-trading
 *     subscribe: [SOLUSDT, AVAXUSDT]     # y, then x
 *     params: {lookback: 720, entryZ: 2, exitZ: 0.5, stopZ: 4, significance: 0.05}
 * }</pre>
 * The statistics (rolling OLS hedge ratio and z-score, the ADF test and MacKinnon's critical values) come from the
 * SDK's {@code sdk-statistics} artifact, bundled in this plugin's jar with Commons Math.
 */
package io.quantplug.plugins.pairs;
