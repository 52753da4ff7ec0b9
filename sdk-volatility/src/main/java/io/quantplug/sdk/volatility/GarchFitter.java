package io.quantplug.sdk.volatility;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

import java.util.Objects;

/**
 * Fits GARCH(1,1) with a constant mean ({@link GarchParameters}) to a return series by maximum likelihood: all four
 * parameters {@code mu, omega, alpha, beta} maximise the Gaussian log-likelihood of {@link GarchLikelihood} subject
 * to {@code omega > 0}, {@code alpha >= 0}, {@code beta >= 0}, {@code alpha + beta < 1}.
 *
 * <p>How: as R's fGarch does, the returns are first divided by their sample standard deviation {@code s} (the
 * maximum-likelihood estimates are equivariant: {@code mu} scales by {@code s}, {@code omega} by {@code s^2},
 * {@code alpha} and {@code beta} not at all, and the start value of the variance recursion scales the same way), so
 * one set of bounds and step sizes suits any price scale. The search runs over
 * {@code (mu, ln omega, p = alpha + beta, a = alpha / (alpha + beta))} in the box
 * {@code |mu - mean| <= 2}, {@code ln omega in [-25, ln 10]}, {@code p in [0, 1 - 1e-8]}, {@code a in [0, 1]}, which
 * maps one to one onto the constraints (the boundaries {@code alpha = 0} and {@code beta = 0} included; stationarity
 * is {@code p < 1}, and a series whose likelihood keeps rising towards {@code p = 1} ends at {@code p = 1 - 1e-8}).
 * Commons Math's BOBYQA (Powell, M. J. D. (2009), "The BOBYQA algorithm for bound constrained optimization without
 * derivatives", Cambridge report DAMTP 2009/NA06: a derivative-free trust-region method) starts from six points,
 * {@code p in {0.5, 0.9, 0.97}} times {@code a in {0.1, 0.3}} with {@code omega} setting the unconditional variance
 * to the sample variance, and the best end point is refined by one more BOBYQA run. Cost: O(n) per likelihood
 * evaluation, typically a few thousand evaluations in all.
 *
 * <p>Stateless and thread-safe.
 */
public final class GarchFitter {

    /**
     * The fewest returns accepted: a floor against degenerate input, not a recommendation (estimates are only
     * reliable from several hundred returns on).
     */
    public static final int MINIMUM_RETURNS = 20;

    private static final double MAX_PERSISTENCE = 1.0 - 1e-8;
    private static final double LN_OMEGA_MIN = -25.0;
    private static final double LN_OMEGA_MAX = Math.log(10.0);
    private static final double MU_HALF_WIDTH = 2.0;
    private static final double[] START_PERSISTENCE = {0.5, 0.9, 0.97};
    private static final double[] START_ALPHA_SHARE = {0.1, 0.3};

    private final int maxEvaluationsPerRun;

    /** A fitter with a budget of 20,000 likelihood evaluations per optimiser run. */
    public GarchFitter() {
        this(20_000);
    }

    /**
     * A fitter with its own evaluation budget.
     *
     * @param maxEvaluationsPerRun likelihood evaluations allowed per optimiser run, &ge; 100
     * @throws IllegalArgumentException when the budget is below 100
     */
    public GarchFitter(int maxEvaluationsPerRun) {
        if (maxEvaluationsPerRun < 100) {
            throw new IllegalArgumentException("maxEvaluationsPerRun must be >= 100, got " + maxEvaluationsPerRun);
        }
        this.maxEvaluationsPerRun = maxEvaluationsPerRun;
    }

    /**
     * Fits the model to the percent log returns of a close series ({@link LogReturns#percent(double[])}).
     *
     * @param closes close prices, oldest first, not null, at least {@link #MINIMUM_RETURNS} + 1, finite and &gt; 0
     * @return the fit
     * @throws IllegalArgumentException   when there are too few closes or a close is not finite and &gt; 0 (names
     *                                    the index), or all returns are equal
     * @throws UnableToFitGarchException  when no optimiser run converged within its budget
     */
    public GarchFit fitCloses(double[] closes) {
        return fit(LogReturns.percent(closes));
    }

    /**
     * Fits the model to a return series.
     *
     * @param returns returns, oldest first (percent log returns for the model's conventional scale), not null, at
     *                least {@link #MINIMUM_RETURNS}, each finite
     * @return the fit, its parameters in the units of {@code returns}
     * @throws NullPointerException      when {@code returns} is null
     * @throws IllegalArgumentException  when there are too few returns, one is not finite (names the index) or all
     *                                   are equal (zero variance)
     * @throws UnableToFitGarchException when no optimiser run converged within its budget
     */
    public GarchFit fit(double[] returns) {
        Objects.requireNonNull(returns, "returns");
        if (returns.length < MINIMUM_RETURNS) {
            throw new IllegalArgumentException("returns needs at least " + MINIMUM_RETURNS
                    + " values to fit GARCH(1,1), got " + returns.length);
        }
        GarchLikelihood original = GarchLikelihood.of(returns);
        int n = returns.length;
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= n;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double scale = Math.sqrt(squares / (n - 1));
        if (!(scale > 0)) {
            throw new IllegalArgumentException("returns have zero variance: all " + n + " values equal " + mean);
        }
        double[] standardised = new double[n];
        for (int t = 0; t < n; t++) {
            standardised[t] = returns[t] / scale;
        }
        GarchLikelihood likelihood = GarchLikelihood.of(standardised);
        double meanScaled = mean / scale;

        ObjectiveFunction objective = new ObjectiveFunction(z ->
                -likelihood.logLikelihood(z[0], Math.exp(z[1]), z[2] * z[3], z[2] * (1.0 - z[3])) / n);
        SimpleBounds bounds = new SimpleBounds(
                new double[] {meanScaled - MU_HALF_WIDTH, LN_OMEGA_MIN, 0.0, 0.0},
                new double[] {meanScaled + MU_HALF_WIDTH, LN_OMEGA_MAX, MAX_PERSISTENCE, 1.0});

        PointValuePair best = null;
        int evaluations = 0;
        RuntimeException lastFailure = null;
        for (double p : START_PERSISTENCE) {
            for (double a : START_ALPHA_SHARE) {
                double[] start = {meanScaled, Math.log(1.0 - p), p, a};
                try {
                    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(9, 0.1, 1e-9);
                    PointValuePair end = optimizer.optimize(new MaxEval(maxEvaluationsPerRun), objective,
                            GoalType.MINIMIZE, new InitialGuess(start), bounds);
                    evaluations += optimizer.getEvaluations();
                    if (best == null || end.getValue() < best.getValue()) {
                        best = end;
                    }
                } catch (MathIllegalStateException e) {
                    evaluations += maxEvaluationsPerRun;
                    lastFailure = e;
                }
            }
        }
        if (best == null) {
            throw new UnableToFitGarchException("GARCH(1,1) fit of " + n + " returns: no start point converged within "
                    + maxEvaluationsPerRun + " evaluations", lastFailure);
        }
        try {
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(9, 0.01, 1e-10);
            PointValuePair refined = optimizer.optimize(new MaxEval(maxEvaluationsPerRun), objective,
                    GoalType.MINIMIZE, new InitialGuess(best.getPoint()), bounds);
            evaluations += optimizer.getEvaluations();
            if (refined.getValue() <= best.getValue()) {
                best = refined;
            }
        } catch (MathIllegalStateException e) {
            evaluations += maxEvaluationsPerRun;   // keep the best converged start
        }

        double[] z = best.getPoint();
        GarchParameters parameters = new GarchParameters(z[0] * scale, Math.exp(z[1]) * scale * scale,
                z[2] * z[3], z[2] * (1.0 - z[3]));
        double[] variances = original.conditionalVariances(parameters);
        double lastResidual = original.lastResidual(parameters);
        double lastVariance = variances[n - 1];
        return new GarchFit(parameters, original.logLikelihood(parameters), n, lastResidual, lastVariance,
                parameters.nextVariance(lastResidual, lastVariance), evaluations);
    }
}
