package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.Covariance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-asset fractional Kelly weights for the account's instruments, shrunk by correlation and capped in
 * concentration; an entry is sized to its instrument's weight.
 *
 * <p>With {@code r_j} the last {@code L = lookback} log returns of the closes of each instrument {@code j} of the
 * account ({@code SizingContext.instruments()}, those with {@code L + 1} bars), {@code μ_j} their means,
 * {@code σ_j} their sample standard deviations and {@code ρ} their sample correlations:
 * <ol>
 *   <li>shrunk correlations {@code ρ' = (1 − s) ρ + s I} ({@code s = shrinkage}; constant-correlation-to-identity
 *       shrinkage, Ledoit &amp; Wolf 2004), covariance {@code Σ' = D ρ' D} with {@code D = diag(σ)};</li>
 *   <li>Kelly weights {@code f = Σ'⁻¹ μ} (the growth-optimal weights for log returns, Thorp 2006, "The Kelly
 *       criterion in blackjack, sports betting and the stock market", section 7), solved by LU decomposition;</li>
 *   <li>{@code w_j = max(0, c f_j)} with {@code c = kellyFraction}: long only;</li>
 *   <li>when {@code Σ w > maxGross}, every weight is scaled down to that sum;</li>
 *   <li>when the Herfindahl index {@code H = Σ w² / (Σ w)²} exceeds {@code maxHerfindahl}, the weights are moved
 *       toward equal weights over the instruments with a positive weight, {@code w + t (e − w)}, with the smallest
 *       {@code t} in [0, 1] that brings {@code H} to the cap (the sum stays).</li>
 * </ol>
 * A LONG signal is sized to {@code floor_lot((w_i × equity − position_i × price) / price)}: the buy that brings the
 * instrument's position to its weight (nothing when it is there already). Other signals, and an instrument without
 * {@code L + 1} bars yet, size to zero. <b>Rebalancing on drift</b> ({@link #rebalance}): at each bar's close, an open
 * long whose value differs from {@code w_i × equity} by more than {@code driftPct} of equity is traded back to it
 * (down to flat when the weight is zero). Stateless; not thread-safe (engine thread).
 */
final class KellyInventorySizer implements PositionSizer {

    private final int lookback;
    private final double kellyFraction;
    private final double shrinkage;
    private final double maxHerfindahl;
    private final double maxGross;
    private final double drift;

    KellyInventorySizer(int lookback, double kellyFraction, double shrinkage, double maxHerfindahl,
                        double maxGross) {
        this(lookback, kellyFraction, shrinkage, maxHerfindahl, maxGross, 1);
    }

    KellyInventorySizer(int lookback, double kellyFraction, double shrinkage, double maxHerfindahl,
                        double maxGross, double drift) {
        this.drift = drift;
        this.lookback = lookback;
        this.kellyFraction = kellyFraction;
        this.shrinkage = shrinkage;
        this.maxHerfindahl = maxHerfindahl;
        this.maxGross = maxGross;
    }

    @Override
    public BigDecimal size(Signal signal, SizingContext context) {
        if (signal.direction() != SignalDirection.LONG) {
            return BigDecimal.ZERO;
        }
        double change = change(context);
        return Double.isNaN(change) || change <= 0 ? BigDecimal.ZERO
                : context.instrument().roundQuantityDown(new BigDecimal(change, MathContext.DECIMAL64));
    }

    /**
     * Rebalancing on drift: the trade back to the weight when an open long is more than {@code driftPct} of equity
     * away from it.
     *
     * @param context the instrument, the account and the reference price
     * @return the signed quantity (a sell when over the weight), or null inside the band or without the data
     */
    @Override
    public BigDecimal rebalance(SizingContext context) {
        if (context.portfolio().position(context.instrument().id()).quantity().signum() <= 0) {
            return null;
        }
        double change = change(context);
        double equity = context.portfolio().equity().doubleValue();
        if (Double.isNaN(change) || Math.abs(change * context.referencePrice()) <= drift * equity) {
            return null;
        }
        return new BigDecimal(change, MathContext.DECIMAL64);
    }

    /** {@code (w_i × equity − position_i × price) / price}, or NaN while an instrument lacks the data. */
    private double change(SizingContext context) {
        List<Instrument> usable = new ArrayList<>();
        List<double[]> returns = new ArrayList<>();
        for (Instrument i : context.instruments()) {
            BarHistory bars = context.history(i.id());
            if (bars.size() > lookback) {
                usable.add(i);
                returns.add(logReturns(bars));
            }
        }
        int self = usable.indexOf(context.instrument());
        if (self < 0) {
            return Double.NaN;
        }
        double weight = weights(returns)[self];
        double price = context.referencePrice();
        BigDecimal held = context.portfolio().position(context.instrument().id()).quantity();
        double change = (weight * context.portfolio().equity().doubleValue() - held.doubleValue() * price) / price;
        return Double.isFinite(change) ? change : Double.NaN;
    }

    /** The last {@code lookback} log returns of the closes, oldest first. */
    private double[] logReturns(BarHistory bars) {
        double[] r = new double[lookback];
        for (int k = 0; k < lookback; k++) {
            // bars.get(0) is the newest; r[lookback - 1] is the newest return
            r[lookback - 1 - k] = Math.log(bars.get(k).close() / bars.get(k + 1).close());
        }
        return r;
    }

    /**
     * The capped weights of the class formula.
     *
     * @param returns one array of {@code lookback} returns per instrument, oldest first
     * @return one weight per instrument, a share of equity, &ge; 0
     */
    double[] weights(List<double[]> returns) {
        int n = returns.size();
        double[][] columns = new double[lookback][n];
        double[] mean = new double[n];
        for (int j = 0; j < n; j++) {
            double[] r = returns.get(j);
            double sum = 0;
            for (int k = 0; k < lookback; k++) {
                columns[k][j] = r[k];
                sum += r[k];
            }
            mean[j] = sum / lookback;
        }
        double[][] cov = n == 1 ? new double[][] {{variance(returns.get(0), mean[0])}}
                : new Covariance(columns).getCovarianceMatrix().getData();
        double[][] shrunk = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                shrunk[j][k] = j == k ? cov[j][j] : (1 - shrinkage) * cov[j][k];
            }
        }
        RealVector f = new LUDecomposition(new Array2DRowRealMatrix(shrunk, false)).getSolver()
                .solve(new ArrayRealVector(mean, false));
        double[] w = new double[n];
        double gross = 0;
        for (int j = 0; j < n; j++) {
            w[j] = Math.max(0, kellyFraction * f.getEntry(j));
            gross += w[j];
        }
        if (gross > maxGross) {
            for (int j = 0; j < n; j++) {
                w[j] *= maxGross / gross;
            }
            gross = maxGross;
        }
        return gross > 0 ? capConcentration(w, gross) : w;
    }

    private static double variance(double[] r, double mean) {
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (r.length - 1);
    }

    /** Moves the weights toward equal weights (over the positive ones) until their Herfindahl index is the cap. */
    private double[] capConcentration(double[] w, double gross) {
        int m = 0;
        for (double x : w) {
            m += x > 0 ? 1 : 0;
        }
        double sumSquares = 0;
        for (double x : w) {
            sumSquares += x * x;
        }
        double cap = Math.max(maxHerfindahl, 1.0 / m); // equal weights are as spread as m instruments allow
        if (sumSquares / (gross * gross) <= cap) {
            return w;
        }
        double equal = gross / m;
        // H(t) (gross^2) = sum (w + t d)^2 = A + 2 B t + C t^2, d = e - w over the positive weights, sum d = 0
        double b = 0;
        double c = 0;
        for (double x : w) {
            if (x > 0) {
                double d = equal - x;
                b += x * d;
                c += d * d;
            }
        }
        double target = cap * gross * gross;
        double t = c == 0 ? 0 : (-b - Math.sqrt(Math.max(0, b * b - c * (sumSquares - target)))) / c;
        t = Math.min(1, Math.max(0, t));
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = w[j] > 0 ? w[j] + t * (equal - w[j]) : 0;
        }
        return out;
    }
}
