/**
 * Unit-root and cointegration tests for pairs trading and other mean-reversion work: the augmented Dickey-Fuller
 * test, MacKinnon's critical values, the Engle-Granger two-step test and a rolling hedge ratio with the spread's
 * z-score. Pure math over {@code double} arrays; nothing here touches the runtime or reads a clock.
 *
 * <ul>
 *   <li>{@link io.quantplug.sdk.statistics.AugmentedDickeyFuller}: Dickey and Fuller (1979), Said and Dickey (1984);
 *       fixed lags or selection by AIC/BIC, the regression built as R's {@code urca::ur.df};</li>
 *   <li>{@link io.quantplug.sdk.statistics.MacKinnonCriticalValues}: response surfaces of MacKinnon (1996, 2010) for
 *       one series and for two (Engle-Granger);</li>
 *   <li>{@link io.quantplug.sdk.statistics.InterpolatedAdfPValue}: the p-value as R's {@code tseries::adf.test}
 *       interpolates it (constant and trend);</li>
 *   <li>{@link io.quantplug.sdk.statistics.EngleGranger}: Engle and Granger (1987), OLS hedge ratio then ADF on the
 *       residuals;</li>
 *   <li>{@link io.quantplug.sdk.statistics.RollingHedgeRatio}: the hedge ratio on a rolling window and the z-score
 *       of the newest spread, without allocation per bar.</li>
 * </ul>
 * <pre>{@code
 * double[] y = logCloses(ethBars), x = logCloses(btcBars);          // same times, oldest first
 * AdfResult adf = new AugmentedDickeyFuller(DeterministicTerms.CONSTANT, 2).test(y);
 * boolean stationary = adf.rejectsUnitRoot(SignificanceLevel.FIVE_PERCENT);
 *
 * EngleGrangerResult eg = EngleGranger.selectingLags(12, InformationCriterion.AIC).test(y, x);
 * if (eg.rejectsNoCointegration(SignificanceLevel.FIVE_PERCENT)) { ... eg.hedgeRatio() ... }
 *
 * RollingHedgeRatio rolling = new RollingHedgeRatio(720);           // in the strategy, per bar:
 * if (rolling.update(Math.log(ethClose), Math.log(btcClose)) && rolling.zScore() > 2) { ... }
 * }</pre>
 *
 * <p>Bad input (a series too short for the regression, a value that is not finite, a parameter out of its range)
 * throws {@link java.lang.IllegalArgumentException} naming the parameter and its range; collinear regressors throw a
 * {@link io.quantplug.sdk.statistics.SingularRegressionException}. Every type here but
 * {@link io.quantplug.sdk.statistics.RollingHedgeRatio} is immutable or stateless, and so thread-safe.
 *
 * <p>This artifact depends on Commons Math 3 (its least-squares regression). Like {@code sdk-volatility}, a plugin
 * bundles {@code sdk-statistics} and Commons Math in its own jar (compile scope), where its plugin class loader keeps
 * them private.
 */
package io.quantplug.sdk.statistics;
