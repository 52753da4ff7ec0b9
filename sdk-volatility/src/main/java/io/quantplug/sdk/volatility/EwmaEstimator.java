package io.quantplug.sdk.volatility;

/**
 * The exponentially weighted moving average (EWMA) variance of RiskMetrics: zero-mean log returns weighted by
 * {@code lambda^j}, {@code j} bars back.
 *
 * <p>J.P. Morgan/Reuters (1996), <i>RiskMetrics — Technical Document</i>, 4th edition, chapter 5 (section 5.2, the
 * EWMA forecasting model; section 5.3, the choice of the decay factor): the recursion
 * {@code sigma^2_{t+1|t} = lambda sigma^2_{t|t-1} + (1 - lambda) r_t^2} with the mean return taken as zero, which
 * unrolls to {@code (1 - lambda) sum_{j>=0} lambda^j r_{t-j}^2}; RiskMetrics uses {@code lambda = 0.94} for daily
 * data ({@link #RISKMETRICS_DAILY_LAMBDA}). On a finite series of {@code n} returns {@code r_i = ln(C_i / C_{i-1})}
 * this class normalises the weights to sum to one:
 * <pre>
 *   sigma^2 = sum_{j=0..n-1} lambda^j r_{n-j}^2  /  sum_{j=0..n-1} lambda^j
 * </pre>
 * i.e. RiskMetrics' sum divided by its total weight {@code 1 - lambda^n}, so no seed value is needed and the
 * estimate is not biased low on short series; it exceeds the RiskMetrics sum by the factor {@code 1/(1 - lambda^n)},
 * under 1% once {@code n >= 75} bars for 0.94. The result includes the last bar's return: it is the forecast of the
 * next bar's variance, {@code sigma^2_{n+1|n}}.
 *
 * <p>{@link #variance(OhlcBars)} is per bar, in squared log-return units; {@link VolatilityEstimator} annualises it.
 * Stateless and thread-safe.
 */
public final class EwmaEstimator implements VolatilityEstimator {

    /** The RiskMetrics decay factor for daily returns. */
    public static final double RISKMETRICS_DAILY_LAMBDA = 0.94;

    private final double lambda;

    /** The RiskMetrics daily estimator, {@code lambda = 0.94}. */
    public EwmaEstimator() {
        this(RISKMETRICS_DAILY_LAMBDA);
    }

    /**
     * An estimator with its own decay factor.
     *
     * @param lambda decay factor per bar, {@code 0 < lambda < 1}
     * @throws IllegalArgumentException when {@code lambda} is outside {@code (0, 1)}
     */
    public EwmaEstimator(double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), got " + lambda);
        }
        this.lambda = lambda;
    }

    /**
     * The decay factor.
     *
     * @return lambda, in {@code (0, 1)}
     */
    public double lambda() {
        return lambda;
    }

    @Override
    public String name() {
        return "ewma";
    }

    /** {@inheritDoc} Two bars: one return. */
    @Override
    public int minimumBars() {
        return 2;
    }

    @Override
    public double variance(OhlcBars bars) {
        bars.requireAtLeast(minimumBars(), name());
        double weighted = 0;
        double weights = 0;
        for (int i = 1; i < bars.size(); i++) {
            double r = Math.log(bars.close(i) / bars.close(i - 1));
            weighted = lambda * weighted + r * r;
            weights = lambda * weights + 1.0;
        }
        return weighted / weights;
    }

    /**
     * One step of the RiskMetrics recursion: {@code lambda * variance + (1 - lambda) * r^2}.
     *
     * @param variance  the previous variance estimate, per bar, finite and &ge; 0
     * @param logReturn the latest bar's return (log or simple, as the caller's convention), finite
     * @return the updated variance estimate, per bar
     * @throws IllegalArgumentException when {@code variance} is negative or an argument is not finite
     */
    public double update(double variance, double logReturn) {
        if (!(variance >= 0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and >= 0, got " + variance);
        }
        if (!Double.isFinite(logReturn)) {
            throw new IllegalArgumentException("logReturn must be finite, got " + logReturn);
        }
        return lambda * variance + (1.0 - lambda) * logReturn * logReturn;
    }
}
