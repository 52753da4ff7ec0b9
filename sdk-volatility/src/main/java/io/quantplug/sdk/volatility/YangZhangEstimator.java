package io.quantplug.sdk.volatility;

/**
 * The Yang–Zhang estimator: drift independent and consistent with opening gaps, the minimum-variance combination of
 * the overnight, open-to-close and Rogers–Satchell variances.
 *
 * <p>With {@code m} bars there are {@code n = m - 1} periods {@code i = 1..n}, each with the previous close:
 * <pre>
 *   o_i = ln(O_i / C_{i-1})            (opening gap, "normalised open")
 *   c_i = ln(C_i / O_i)                (open to close, "normalised close")
 *   V_O  = 1/(n-1) sum_i (o_i - obar)^2
 *   V_C  = 1/(n-1) sum_i (c_i - cbar)^2
 *   V_RS = 1/n sum_i [ ln(H_i/C_i) ln(H_i/O_i) + ln(L_i/C_i) ln(L_i/O_i) ]     (Rogers–Satchell, same n bars)
 *   k    = (alpha - 1) / (alpha + (n + 1)/(n - 1)),  alpha = 1.34,  i.e.  k = 0.34 / (1.34 + (n+1)/(n-1))
 *   sigma^2 = V_O + k V_C + (1 - k) V_RS
 * </pre>
 * Yang, D. and Zhang, Q. (2000), "Drift-Independent Volatility Estimation Based on High, Low, Open, and Close
 * Prices", <i>Journal of Business</i> 73(3), 477–491: {@code k} minimises the estimator's variance, and
 * {@code alpha = 1.34} is the value the authors recommend in practice. Bar 0 contributes only its close. This is the
 * window convention of R's {@code TTR::volatility(calc = "yang.zhang", n = m - 1)}.
 *
 * <p>{@link #variance(OhlcBars)} is per bar, in squared log-return units; {@link VolatilityEstimator} annualises it.
 * Stateless and thread-safe.
 */
public final class YangZhangEstimator implements VolatilityEstimator {

    private static final double ALPHA = 1.34;

    /** Creates the estimator. */
    public YangZhangEstimator() {
    }

    @Override
    public String name() {
        return "yang-zhang";
    }

    /** {@inheritDoc} Three bars: two periods are the fewest the sample variances and {@code k} are defined for. */
    @Override
    public int minimumBars() {
        return 3;
    }

    /**
     * The weight of the open-to-close variance for {@code n} periods.
     *
     * @param n periods (bars with a previous close), &ge; 2
     * @return {@code 0.34 / (1.34 + (n + 1) / (n - 1))}
     * @throws IllegalArgumentException when {@code n < 2}
     */
    public static double k(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2 periods, got " + n);
        }
        return (ALPHA - 1.0) / (ALPHA + (n + 1.0) / (n - 1.0));
    }

    @Override
    public double variance(OhlcBars bars) {
        bars.requireAtLeast(minimumBars(), name());
        int m = bars.size();
        int n = m - 1;
        double sumO = 0;
        double sumC = 0;
        for (int i = 1; i < m; i++) {
            sumO += Math.log(bars.open(i) / bars.close(i - 1));
            sumC += Math.log(bars.close(i) / bars.open(i));
        }
        double meanO = sumO / n;
        double meanC = sumC / n;
        double squaresO = 0;
        double squaresC = 0;
        for (int i = 1; i < m; i++) {
            double dO = Math.log(bars.open(i) / bars.close(i - 1)) - meanO;
            double dC = Math.log(bars.close(i) / bars.open(i)) - meanC;
            squaresO += dO * dO;
            squaresC += dC * dC;
        }
        double vO = squaresO / (n - 1);
        double vC = squaresC / (n - 1);
        double vRS = RogersSatchellEstimator.meanTerm(bars, 1, m);
        double k = k(n);
        return vO + k * vC + (1.0 - k) * vRS;
    }
}
