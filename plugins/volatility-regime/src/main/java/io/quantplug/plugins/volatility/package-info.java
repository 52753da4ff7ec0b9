/**
 * The volatility regime plugin: three extensions built on its volatility models.
 *
 * <ul>
 *   <li>{@code volatility-regime} (signal enhancer, {@link io.quantplug.plugins.volatility.VolatilityRegimeProvider}):
 *       classifies each bar LOW, MEDIUM, HIGH or EXTREME, by the EWMA volatility's rank in a window
 *       ({@code regimeModel=ewma-rank}) or by a Gaussian HMM of the returns fitted walk-forward
 *       ({@code regimeModel=hmm}); drops entries in EXTREME and scores the other signals with
 *       {@code volatilityRegime} (0..3) and, for the HMM, {@code volatilityRegimeProbability}; its diagnostics are
 *       what {@code quantplug analyze --analyzer volatility-regime} prints.</li>
 *   <li>{@code black-swan-guard} (risk rule, {@link io.quantplug.plugins.volatility.BlackSwanGuardProvider}): trips
 *       on a return beyond k forecast sigmas or a jump of the forecast, records TRIP and RESUME risk events, asks the
 *       session to close the position and refuses orders adding exposure until R calm bars in a row
 *       ({@link io.quantplug.plugins.volatility.BlackSwanGuardRule}).</li>
 *   <li>{@code regime-trend} (strategy, {@link io.quantplug.plugins.volatility.RegimeTrendProvider}): a Donchian
 *       breakout in calm regimes with strength 1 / 0.5 / 0.25 in LOW / MEDIUM / HIGH, out in EXTREME, with a stop
 *       order a multiple of the GARCH(1,1) forecast sigma from the entry.</li>
 * </ul>
 * The enhancer and the strategy classify the regime with the same code and parameters; the guard and the strategy
 * forecast sigma with the same code and parameters.
 * <pre>{@code
 * quantplug backtest --data btcusdt-1m.csv --strategy regime-trend --param stopMultiple=3 \
 *     --risk black-swan-guard:shockSigmas=6,resetBars=60
 * }</pre>
 *
 * <p>The models underneath: the historical volatility estimators over OHLC bars and GARCH(1,1) fitted by maximum
 * likelihood come from the SDK's {@code sdk-volatility} artifact ({@link io.quantplug.sdk.volatility}, bundled in
 * this plugin's jar with Commons Math); the Gaussian hidden Markov model (2–4 states) for regimes is this plugin's
 * own. Pure math over {@code double} arrays; nothing here touches the runtime.
 *
 * <p>Regimes ({@link io.quantplug.plugins.volatility.GaussianHmmFitter}, Baum–Welch; states numbered by ascending
 * standard deviation, state 0 the calmest). Decisions use the filter, which sees only past observations; Viterbi
 * labels history.
 * <pre>{@code
 * GaussianHmmFit regimes = new GaussianHmmFitter().fit(pastReturns, 3);
 * HmmFilter filter = regimes.model().newFilter();
 * filter.update(r);                                            // per bar, O(K^2)
 * double pCalm = filter.probability(0);
 * }</pre>
 */
package io.quantplug.plugins.volatility;
