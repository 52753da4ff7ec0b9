/**
 * Volatility models over bars: historical volatility estimators and GARCH(1,1). Pure math over {@code double}
 * arrays; nothing here touches the runtime, keeps state between calls or reads a clock.
 *
 * <p><b>Estimators</b> ({@link io.quantplug.sdk.volatility.VolatilityEstimator}) each give the variance of one bar's
 * log return over a window of {@link io.quantplug.sdk.volatility.OhlcBars} and its annualised volatility
 * ({@code sqrt(periodsPerYear * variance)}; a 365-day year for {@link io.quantplug.api.market.Timeframe}, or a count
 * you pass, e.g. 252 for daily equity bars). Each class cites the paper its formula comes from:
 * <ul>
 *   <li>{@link io.quantplug.sdk.volatility.CloseToCloseEstimator}: sample variance of close-to-close returns;</li>
 *   <li>{@link io.quantplug.sdk.volatility.EwmaEstimator}: the RiskMetrics (1996) exponentially weighted average;</li>
 *   <li>{@link io.quantplug.sdk.volatility.ParkinsonEstimator}: high–low range, Parkinson (1980);</li>
 *   <li>{@link io.quantplug.sdk.volatility.GarmanKlassEstimator}: open–high–low–close, Garman and Klass (1980);</li>
 *   <li>{@link io.quantplug.sdk.volatility.RogersSatchellEstimator}: drift independent, Rogers and Satchell (1991);
 *       </li>
 *   <li>{@link io.quantplug.sdk.volatility.YangZhangEstimator}: drift independent with opening gaps, Yang and Zhang
 *       (2000).</li>
 * </ul>
 *
 * <p><b>GARCH(1,1)</b> of Bollerslev (1986) with a constant mean
 * ({@link io.quantplug.sdk.volatility.GarchParameters}), fitted by maximum likelihood
 * ({@link io.quantplug.sdk.volatility.GarchFitter}, checked against R's fGarch) on percent log returns
 * ({@link io.quantplug.sdk.volatility.LogReturns#percent(double[])}), with closed-form multi-step variance forecasts
 * ({@link io.quantplug.sdk.volatility.GarchFit}). Its units are percent per bar and percent² per bar.
 * <pre>{@code
 * OhlcBars bars = OhlcBars.of(history);                        // List<Bar>, oldest first
 * double yz = new YangZhangEstimator().annualisedVolatility(bars, Timeframe.D1);   // 0.6 = 60 % a year
 * double perBar = new ParkinsonEstimator().variance(bars.last(30));                // log-return units per bar
 *
 * GarchFit fit = new GarchFitter().fitCloses(bars.closes());   // r_t = 100 ln(C_t / C_{t-1})
 * double mu = fit.parameters().mu();                           // percent per bar
 * double nextWeek = fit.forecastVariance(7);                   // percent² per bar, 7 bars ahead
 * }</pre>
 *
 * <p>Bad input (too few bars, a price that is not finite and positive, a parameter out of its range) throws
 * {@link java.lang.IllegalArgumentException} naming the parameter; a fit that fails to converge throws a
 * {@link io.quantplug.sdk.volatility.VolatilityModelException}. Every type here is immutable or stateless, and so
 * thread-safe.
 *
 * <p>This artifact depends on Commons Math 3 (the GARCH optimiser). Unlike the {@code sdk}, which the runtime
 * provides, a plugin bundles {@code sdk-volatility} and Commons Math in its own jar (compile scope; the plugin parent's
 * shade execution does it), where its plugin class loader keeps them private to it.
 */
package io.quantplug.sdk.volatility;
