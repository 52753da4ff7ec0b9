/**
 * The volatility regime plugin's models: historical volatility estimators over OHLC bars, a GARCH(1,1) model fitted
 * by maximum likelihood, and a Gaussian hidden Markov model (2–4 states) for regimes. Pure math over {@code double}
 * arrays; nothing here touches the runtime.
 *
 * <p>Estimators ({@link io.quantplug.plugins.volatility.VolatilityEstimator}): close-to-close, Parkinson,
 * Garman–Klass, Rogers–Satchell, Yang–Zhang and the RiskMetrics EWMA, each giving the per-bar variance of log returns
 * and its annualised volatility; each class cites the paper its formula comes from.
 * <pre>{@code
 * OhlcBars bars = OhlcBars.of(history);                        // List<Bar>, oldest first
 * double yz = new YangZhangEstimator().annualisedVolatility(bars, Timeframe.D1);   // 365-day year
 *
 * GarchFit fit = new GarchFitter().fitCloses(bars.closes());   // r_t = 100 ln(C_t / C_{t-1})
 * double mu = fit.parameters().mu();                           // percent per bar
 * double nextWeek = fit.forecastVariance(7);                   // percent^2 per bar, 7 bars ahead
 * }</pre>
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
