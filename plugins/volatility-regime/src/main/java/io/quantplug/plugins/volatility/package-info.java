/**
 * The volatility regime plugin's models: historical volatility estimators over OHLC bars and a GARCH(1,1) model fitted
 * by maximum likelihood. Pure math over {@code double} arrays; nothing here touches the runtime.
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
 */
package io.quantplug.plugins.volatility;
