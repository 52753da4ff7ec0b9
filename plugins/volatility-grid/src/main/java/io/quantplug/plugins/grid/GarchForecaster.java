package io.quantplug.plugins.grid;

import io.quantplug.sdk.volatility.GarchFit;
import io.quantplug.sdk.volatility.GarchFitter;
import io.quantplug.sdk.volatility.GarchParameters;
import io.quantplug.sdk.volatility.UnableToFitGarchException;

import java.util.Map;

/**
 * A GARCH(1,1) variance forecast kept walk-forward over a bar stream: refitted every {@code refitBars} bars on the
 * trailing {@code windowReturns} percent log returns that have already happened, and carried between fits by the
 * fitted model's own variance recursion.
 *
 * <p>At a fit on bar {@code t}, {@link GarchFitter#fitCloses} gets the closes {@code C_{t-w} .. C_t} (the returns
 * {@code r_s = 100 ln(C_s / C_{s-1})}, {@code s = t-w+1 .. t}, percent) and its one-step forecast
 * {@code sigma^2_{t+1|t}} becomes the current variance {@code v}. On each later bar {@code t'} the recursion of
 * Bollerslev (1986), {@link GarchParameters#nextVariance}, moves it on with the new return:
 * <pre>
 *   v &larr; omega + alpha (r_t' - mu)^2 + beta v
 * </pre>
 * so {@code v} is always {@code sigma^2_{t'+1|t'}} under the last fitted parameters, using no bar after
 * {@code t'}. The first fit is tried once {@code windowReturns + 1} closes are known. A fit that fails (all returns
 * equal, or the optimiser does not converge) keeps the previous model; the next attempt comes {@code refitBars}
 * bars later.
 *
 * <p>{@link #averageVariance()} is the mean of the {@code 1 .. H}-step forecasts (closed form of
 * {@link GarchParameters#forecastVariance}: {@code V + (alpha + beta)^(h-1) (v - V)}, {@code V} the unconditional
 * variance), i.e. the expected per-bar variance over the next {@code H} bars, converted from percent&sup2; to a
 * fraction&sup2; ({@code / 10^4}). Engine thread only.
 */
final class GarchForecaster {

    private static final String MU = "garch.mu";
    private static final String OMEGA = "garch.omega";
    private static final String ALPHA = "garch.alpha";
    private static final String BETA = "garch.beta";
    private static final String VARIANCE = "garch.variance";
    private static final String BARS_SINCE_FIT = "garch.barsSinceFit";
    private static final String FITS = "garch.fits";

    private final GarchFitter fitter = new GarchFitter();
    private final int windowReturns;
    private final int refitBars;
    private final int horizonBars;
    private GarchParameters parameters;
    /** {@code sigma^2_{t+1|t}}, percent&sup2; per bar; meaningful only with parameters. */
    private double variance;
    /** Bars since the last fit attempt; -1 before the first. */
    private int barsSinceAttempt = -1;
    private int fits;
    private String lastFailure;

    /**
     * A forecaster without a model yet.
     *
     * @param windowReturns returns per fit, &ge; {@link GarchFitter#MINIMUM_RETURNS}
     * @param refitBars     bars between two fit attempts, &ge; 1
     * @param horizonBars   bars averaged by {@link #averageVariance()}, &ge; 1
     */
    GarchForecaster(int windowReturns, int refitBars, int horizonBars) {
        this.windowReturns = windowReturns;
        this.refitBars = refitBars;
        this.horizonBars = horizonBars;
    }

    /**
     * Takes the bar just added to {@code bars}: updates the variance recursion with its return, then refits when one
     * is due.
     *
     * @param bars the strategy's bars, the newest being the bar to take; at least one
     * @return true when a fit was attempted on this bar (see {@link #lastFailure()} for its outcome)
     */
    boolean onBar(RecentBars bars) {
        if (parameters != null && bars.size() >= 2) {
            double r = 100.0 * Math.log(bars.close(0) / bars.close(1));
            variance = parameters.nextVariance(r - parameters.mu(), variance);
        }
        if (barsSinceAttempt >= 0) {
            barsSinceAttempt++;
        }
        boolean due = barsSinceAttempt < 0 || barsSinceAttempt >= refitBars;
        if (due && bars.size() >= windowReturns + 1) {
            fit(bars.closes(windowReturns + 1));
            return true;
        }
        return false;
    }

    private void fit(double[] closes) {
        barsSinceAttempt = 0;
        try {
            GarchFit fit = fitter.fitCloses(closes);
            parameters = fit.parameters();
            variance = fit.nextVariance();
            fits++;
            lastFailure = null;
        } catch (UnableToFitGarchException | IllegalArgumentException e) {
            // IllegalArgumentException: the window's returns are all equal (zero variance); nothing to fit.
            lastFailure = e.getMessage();
        }
    }

    /**
     * Whether a model has been fitted.
     *
     * @return true once a fit succeeded
     */
    boolean available() {
        return parameters != null;
    }

    /**
     * The fitted parameters.
     *
     * @return the parameters of the last successful fit, on percent returns, or null before the first
     */
    GarchParameters parameters() {
        return parameters;
    }

    /**
     * The one-step variance forecast {@code sigma^2_{t+1|t}}.
     *
     * @return percent&sup2; per bar
     * @throws IllegalStateException before the first fit
     */
    double nextVariance() {
        requireModel();
        return variance;
    }

    /**
     * The expected per-bar variance over the next {@code horizonBars} bars: {@code 1/H sum_{h=1..H}
     * sigma^2_{t+h|t} / 10^4}.
     *
     * @return a fraction&sup2; per bar (0.0001 for a 1% per-bar standard deviation)
     * @throws IllegalStateException before the first fit
     */
    double averageVariance() {
        requireModel();
        double sum = 0;
        for (int h = 1; h <= horizonBars; h++) {
            sum += parameters.forecastVariance(variance, h);
        }
        return sum / horizonBars / 10_000.0;
    }

    /**
     * How many fits succeeded.
     *
     * @return the count
     */
    int fits() {
        return fits;
    }

    /**
     * Why the last fit attempt failed.
     *
     * @return the message, or null when it succeeded or none was made
     */
    String lastFailure() {
        return lastFailure;
    }

    private void requireModel() {
        if (parameters == null) {
            throw new IllegalStateException("no GARCH(1,1) model fitted yet");
        }
    }

    /**
     * Writes the model, the current variance and the refit schedule into a snapshot's values.
     *
     * @param out the values
     */
    void writeTo(Map<String, String> out) {
        out.put(BARS_SINCE_FIT, Integer.toString(barsSinceAttempt));
        out.put(FITS, Integer.toString(fits));
        if (parameters != null) {
            out.put(MU, Double.toString(parameters.mu()));
            out.put(OMEGA, Double.toString(parameters.omega()));
            out.put(ALPHA, Double.toString(parameters.alpha()));
            out.put(BETA, Double.toString(parameters.beta()));
            out.put(VARIANCE, Double.toString(variance));
        }
    }

    /**
     * Reads what {@link #writeTo} wrote.
     *
     * @param in the snapshot's values
     * @throws IllegalArgumentException when a value is missing or malformed (names it)
     */
    void readFrom(Map<String, String> in) {
        barsSinceAttempt = GridSnapshot.integer(in, BARS_SINCE_FIT);
        fits = GridSnapshot.integer(in, FITS);
        if (in.containsKey(MU)) {
            parameters = new GarchParameters(GridSnapshot.number(in, MU), GridSnapshot.number(in, OMEGA),
                    GridSnapshot.number(in, ALPHA), GridSnapshot.number(in, BETA));
            variance = GridSnapshot.number(in, VARIANCE);
        } else {
            parameters = null;
        }
    }
}
