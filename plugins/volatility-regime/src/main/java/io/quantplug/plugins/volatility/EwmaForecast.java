package io.quantplug.plugins.volatility;

import io.quantplug.sdk.volatility.EwmaEstimator;

import java.util.Map;

/**
 * The RiskMetrics EWMA variance forecast with normalised weights, updated per bar:
 * <pre>
 *   S_t = lambda S_{t-1} + r_t^2,   W_t = lambda W_{t-1} + 1,   S_0 = W_0 = 0
 *   sigma^2_{t+1|t} = S_t / W_t = sum_{j=0..t-1} lambda^j r_{t-j}^2 / sum_{j=0..t-1} lambda^j
 * </pre>
 * (J.P. Morgan/Reuters (1996), <i>RiskMetrics — Technical Document</i>, section 5.2, with the mean return taken as
 * zero; the weights divided by their sum {@code (1 - lambda^t) / (1 - lambda)} as {@link EwmaEstimator} does, so no
 * seed value is needed: after {@code t} returns this equals {@link EwmaEstimator#variance} of the same bars). No
 * forecast before {@value VolatilityForecast#MIN_RETURNS} returns.
 *
 * <p>O(1) per bar. Not thread-safe.
 */
final class EwmaForecast implements VolatilityForecast {

    private final double lambda;
    private double weighted;
    private double weights;
    private long count;

    /**
     * @param lambda decay per bar, in {@code (0, 1)}
     */
    EwmaForecast(double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), got " + lambda);
        }
        this.lambda = lambda;
    }

    @Override
    public void update(double logReturn) {
        if (!Double.isFinite(logReturn)) {
            throw new IllegalArgumentException("logReturn must be finite, got " + logReturn);
        }
        weighted = lambda * weighted + logReturn * logReturn;
        weights = lambda * weights + 1.0;
        count++;
    }

    @Override
    public double variance() {
        return count < MIN_RETURNS ? Double.NaN : weighted / weights;
    }

    @Override
    public long returns() {
        return count;
    }

    @Override
    public String source() {
        return "ewma";
    }

    @Override
    public void writeTo(String prefix, Map<String, String> out) {
        out.put(prefix + "ewmaWeighted", Double.toString(weighted));
        out.put(prefix + "ewmaWeights", Double.toString(weights));
        out.put(prefix + "ewmaCount", Long.toString(count));
    }

    @Override
    public void readFrom(String prefix, Map<String, String> in) {
        weighted = SnapshotValues.number(in, prefix + "ewmaWeighted");
        weights = SnapshotValues.number(in, prefix + "ewmaWeights");
        count = SnapshotValues.whole(in, prefix + "ewmaCount");
    }
}
