package io.quantplug.runtime.analytics;

import java.math.BigDecimal;
import java.util.List;

/** The return series a {@link MonteCarloSimulation} resamples, taken from a finished run. */
public final class RunReturns {

    private RunReturns() {
    }

    /**
     * Each round trip's return on the equity it started from: {@code r_k = pnl_k / (C + sum_{j<k} pnl_j)}, with
     * {@code C} the run's capital and the trades in the order they closed. Compounding these returns in their order
     * gives back the run's closed-trade equity exactly ({@code C + sum pnl}), up to the rounding of each division.
     *
     * @param capital            the run's initial capital, &gt; 0
     * @param pnlInOrderOfExit   net P&amp;L of each round trip (fees included), in the order the trips closed
     * @return one return per trip, fractions
     * @throws IllegalArgumentException when the capital or the equity before a trip is not positive
     */
    public static double[] ofTrades(BigDecimal capital, List<BigDecimal> pnlInOrderOfExit) {
        if (capital.signum() <= 0) {
            throw new IllegalArgumentException("capital must be > 0, got " + capital.toPlainString());
        }
        double[] returns = new double[pnlInOrderOfExit.size()];
        BigDecimal equity = capital;
        for (int k = 0; k < returns.length; k++) {
            if (equity.signum() <= 0) {
                throw new IllegalArgumentException("closed-trade equity before trade " + (k + 1) + " is "
                        + equity.toPlainString() + ": no return can be taken on it");
            }
            BigDecimal pnl = pnlInOrderOfExit.get(k);
            returns[k] = pnl.doubleValue() / equity.doubleValue();
            equity = equity.add(pnl);
        }
        return returns;
    }

    /**
     * The per-bar simple returns of a run's equity curve, {@code r_i = E_i / E_{i-1} - 1}, as {@link MetricsCalculator}
     * takes them.
     *
     * @param curve the curve, the first point being the initial capital
     * @return {@code curve.size() - 1} returns (empty for fewer than 2 points)
     */
    public static double[] ofEquity(EquityCurve curve) {
        double[] returns = new double[Math.max(0, curve.size() - 1)];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = curve.equity(i + 1) / curve.equity(i) - 1;
        }
        return returns;
    }

    /**
     * {@link #ofEquity(EquityCurve)} of stored equity values, refusing values that would make a return not finite or
     * at most -1 (which a resampling could not compound).
     *
     * @param equity the curve's values, the first being the initial capital; each &gt; 0
     * @return {@code equity.length - 1} returns (empty for fewer than 2 points)
     * @throws IllegalArgumentException when a value is not finite and positive
     */
    public static double[] ofEquity(double[] equity) {
        for (int i = 0; i < equity.length; i++) {
            if (!(equity[i] > 0) || !Double.isFinite(equity[i])) {
                throw new IllegalArgumentException("equity point " + i + " must be finite and > 0, got " + equity[i]);
            }
        }
        double[] returns = new double[Math.max(0, equity.length - 1)];
        for (int i = 1; i < equity.length; i++) {
            returns[i - 1] = equity[i] / equity[i - 1] - 1;
        }
        return returns;
    }
}
