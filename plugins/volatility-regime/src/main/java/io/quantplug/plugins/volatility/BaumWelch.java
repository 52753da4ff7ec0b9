package io.quantplug.plugins.volatility;

/**
 * The E- and M-steps of Baum–Welch for {@link GaussianHmmFitter} (which documents the formulas, the floors and the
 * sources), on working arrays allocated once per fit and reused by every start and iteration: O(n K) memory, O(n K^2)
 * time per iteration, no allocation and no boxing inside the iterations.
 */
final class BaumWelch {

    /** Posterior weight (in observations) below which a state or a row of A is left as it was. */
    private static final double MIN_STATE_WEIGHT = 1e-12;

    private final double[] x;
    private final int n;
    private final int k;
    private final double varianceFloor;
    private final double[] pi;
    private final double[] a;
    private final double[] mu;
    private final double[] sigma;
    private final double[] logNorm;
    private final double[] halfPrecision;
    private final double[] emissions;
    private final double[] maxLog;
    private final double[] filtered;
    private final double[] scale;
    private final double[] beta;
    private final double[] gamma;
    private final double[] counts;
    private final double[] work;

    /** Working arrays for a series (not copied, not modified), K states and an absolute variance floor. */
    BaumWelch(double[] x, int k, double varianceFloor) {
        this.x = x;
        this.n = x.length;
        this.k = k;
        this.varianceFloor = varianceFloor;
        this.pi = new double[k];
        this.a = new double[k * k];
        this.mu = new double[k];
        this.sigma = new double[k];
        this.logNorm = new double[k];
        this.halfPrecision = new double[k];
        this.emissions = new double[n * k];
        this.maxLog = new double[n];
        this.filtered = new double[n * k];
        this.scale = new double[n];
        this.beta = new double[n * k];
        this.gamma = new double[n * k];
        this.counts = new double[k * k];
        this.work = new double[k];
    }

    /** Sets the parameters to a start point {@code {pi, A (row-major), mu, sigma}}, sigma raised to the floor. */
    void start(double[][] start) {
        System.arraycopy(start[0], 0, pi, 0, k);
        System.arraycopy(start[1], 0, a, 0, k * k);
        System.arraycopy(start[2], 0, mu, 0, k);
        for (int s = 0; s < k; s++) {
            sigma[s] = Math.sqrt(Math.max(start[3][s] * start[3][s], varianceFloor));
        }
    }

    /** A copy of the current parameters, {@code {pi, A (row-major), mu, sigma}}. */
    double[][] parameters() {
        return new double[][] {pi.clone(), a.clone(), mu.clone(), sigma.clone()};
    }

    /** The E-step at the current parameters: posteriors into gamma and counts; returns ln L. */
    double expectation() {
        for (int s = 0; s < k; s++) {
            logNorm[s] = -0.5 * HmmRecursions.LN_2PI - Math.log(sigma[s]);
            halfPrecision[s] = 0.5 / (sigma[s] * sigma[s]);
        }
        for (int t = 0; t < n; t++) {
            maxLog[t] = HmmRecursions.emissions(k, logNorm, mu, halfPrecision, x[t], emissions, t * k);
        }
        double logLikelihood = HmmRecursions.forward(k, pi, a, emissions, maxLog, n, filtered, scale, work);
        if (Double.isFinite(logLikelihood)) {
            HmmRecursions.backward(k, a, emissions, scale, n, filtered, beta, gamma, counts, work);
        }
        return logLikelihood;
    }

    /** The M-step from the posteriors of the last E-step. */
    void maximisation() {
        System.arraycopy(gamma, 0, pi, 0, k);
        floorAndNormalise(pi, 0);
        for (int i = 0; i < k; i++) {
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                rowSum += counts[i * k + j];
            }
            if (rowSum > MIN_STATE_WEIGHT) {
                for (int j = 0; j < k; j++) {
                    a[i * k + j] = counts[i * k + j] / rowSum;
                }
                floorAndNormalise(a, i * k);
            }
        }
        for (int s = 0; s < k; s++) {
            double weight = 0;
            double weightedSum = 0;
            for (int t = 0; t < n; t++) {
                double g = gamma[t * k + s];
                weight += g;
                weightedSum += g * x[t];
            }
            if (!(weight > MIN_STATE_WEIGHT)) {
                continue;
            }
            double m = weightedSum / weight;
            double weightedSquares = 0;
            for (int t = 0; t < n; t++) {
                double d = x[t] - m;
                weightedSquares += gamma[t * k + s] * d * d;
            }
            mu[s] = m;
            sigma[s] = Math.sqrt(Math.max(weightedSquares / weight, varianceFloor));
        }
    }

    private void floorAndNormalise(double[] p, int offset) {
        double sum = 0;
        for (int j = 0; j < k; j++) {
            p[offset + j] = Math.max(p[offset + j], GaussianHmmFitter.PROBABILITY_FLOOR);
            sum += p[offset + j];
        }
        for (int j = 0; j < k; j++) {
            p[offset + j] /= sum;
        }
    }
}
