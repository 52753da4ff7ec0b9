package io.quantplug.plugins.risk;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.sdk.snapshot.SnapshotReader;
import io.quantplug.sdk.snapshot.SnapshotWriter;

import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses an order when the portfolio it would leave has a one-bar Value at Risk (or Expected Shortfall) above a
 * share of the equity.
 *
 * <p>The exposures are the positions after the order, each {@code quantity × last price} in the quote currency
 * (signed: a short is negative). The risk is over one bar, from each instrument's simple close-to-close returns of
 * the last {@code lookback} bars, on the bar times every held instrument has:
 * <ul>
 *   <li><b>Historical</b> (full revaluation, Jorion, <i>Value at Risk</i>, 3rd ed., 2007, ch. 10): the loss of each
 *       past bar {@code L_t = -sum_i e_i r_(i,t)}; VaR is the {@code c} quantile of the losses (R-7: linear between
 *       the order statistics at {@code (n - 1) c}, Hyndman and Fan 1996); Expected Shortfall is the mean of the losses
 *       at or above it.</li>
 *   <li><b>Parametric</b> (variance-covariance, Jorion ch. 7): with the sample means {@code mu_i} and covariances
 *       {@code S_ij} (divisor {@code n - 1}), {@code mu_p = sum e_i mu_i} and
 *       {@code sigma_p^2 = sum_ij e_i S_ij e_j}; {@code VaR = z_c sigma_p - mu_p} and
 *       {@code ES = sigma_p phi(z_c) / (1 - c) - mu_p} (the normal Expected Shortfall, McNeil, Frey and Embrechts,
 *       <i>Quantitative Risk Management</i>, 2005, example 2.18), {@code z_c} the standard normal quantile
 *       (1.6448536269514722 at 95 %, 2.3263478740408408 at 99 %) and {@code phi} its density.</li>
 * </ul>
 * Orders that only reduce a position are always approved. So is every order until the held instruments have
 * {@value #MINIMUM_RETURNS} bar returns at common times: before that the rule has no history to judge by. Not
 * thread-safe: the engine calls it on one thread.
 *
 * <p>Across a hot swap, {@link #snapshot()} hands over each instrument's return window and last close, so the new
 * build judges by the same history at once.
 */
final class ValueAtRisk implements RiskRule {

    private static final String LAYOUT = "value-at-risk";
    private static final int LAYOUT_VERSION = 1;

    /** Fewest common bar returns the rule judges by. */
    static final int MINIMUM_RETURNS = 30;

    /** The risk measure. */
    enum Measure { VAR, ES }

    private final boolean historical;
    private final Measure measure;
    private final double confidence;
    private final double z;
    private final int lookback;
    private final double limitFraction;
    private final Map<InstrumentId, Window> windows = new HashMap<>();

    ValueAtRisk(boolean historical, Measure measure, int confidencePercent, int lookback, double limitPercent) {
        this.historical = historical;
        this.measure = measure;
        this.confidence = confidencePercent / 100.0;
        this.z = confidencePercent == 99 ? 2.3263478740408408 : 1.6448536269514722;
        this.lookback = lookback;
        this.limitFraction = limitPercent / 100;
    }

    /** An instrument's last {@code lookback} close-to-close returns by bar close time, oldest first. */
    private static final class Window {
        final LinkedHashMap<Long, Double> returns;
        double lastClose = Double.NaN;

        Window(int lookback) {
            returns = new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Double> eldest) {
                    return size() > lookback;
                }
            };
        }
    }

    @Override
    public void onBar(Bar bar, RiskContext context) {
        Window w = windows.computeIfAbsent(bar.instrument(), id -> new Window(lookback));
        if (w.lastClose > 0) {
            w.returns.put(bar.closeTimeMillis(), bar.close() / w.lastClose - 1);
        }
        w.lastClose = bar.close();
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        if (intent.reducesPosition() || intent.quantity().signum() == 0) {
            return RiskDecision.approve();
        }
        Map<InstrumentId, Double> exposure = new LinkedHashMap<>();
        for (PositionView p : context.portfolio().openPositions()) {
            exposure.put(p.instrument(), p.quantity().doubleValue() * context.lastPrice(p.instrument()));
        }
        InstrumentId traded = intent.order().instrument();
        double price = intent.notional().divide(intent.quantity(), MathContext.DECIMAL64).doubleValue();
        double signed = intent.order().side().sign() * intent.quantity().doubleValue();
        exposure.merge(traded, signed * price, Double::sum);
        exposure.values().removeIf(e -> e == 0);
        double[][] history = history(exposure.keySet());
        if (history == null) {
            return RiskDecision.approve();
        }
        double[] e = exposure.values().stream().mapToDouble(Double::doubleValue).toArray();
        double risk = historical ? historical(history, e) : parametric(history, e);
        double equity = context.portfolio().equity().doubleValue();
        double limit = limitFraction * equity;
        if (risk <= limit) {
            return RiskDecision.approve();
        }
        return RiskDecision.reject(measure == Measure.VAR ? "VALUE_AT_RISK" : "EXPECTED_SHORTFALL", String.format(
                Locale.ROOT, "one-bar %s %s at %.0f %% after the order would be %.2f, above the limit %.2f"
                        + " (%s %% of equity %.2f) over %d bars", historical ? "historical" : "parametric",
                measure == Measure.VAR ? "VaR" : "Expected Shortfall", confidence * 100, risk, limit,
                String.valueOf(limitFraction * 100), equity, history[0].length));
    }

    @Override
    public StateSnapshot snapshot() {
        SnapshotWriter out = new SnapshotWriter(LAYOUT, LAYOUT_VERSION);
        out.putLong("instruments", windows.size());
        int i = 0;
        for (Map.Entry<InstrumentId, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            out.putString(i + ".instrument", e.getKey().toString());
            out.putDouble(i + ".lastClose", w.lastClose);
            out.putLongs(i + ".times", w.returns.keySet().stream().mapToLong(Long::longValue).toArray());
            out.putDoubles(i + ".returns", w.returns.values().stream().mapToDouble(Double::doubleValue).toArray());
            i++;
        }
        return out.toSnapshot();
    }

    /**
     * Continues with the previous build's windows (the last {@code lookback} returns of each, when this build's
     * lookback is shorter). A snapshot of another layout, or one that cannot be read, changes nothing.
     *
     * @param snapshot what the previous build's {@link #snapshot()} returned
     * @return true when restored
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!SnapshotReader.canRead(snapshot, LAYOUT, LAYOUT_VERSION)) {
            return false;
        }
        Map<InstrumentId, Window> restored = new HashMap<>();
        try {
            SnapshotReader in = new SnapshotReader(snapshot, LAYOUT, LAYOUT_VERSION);
            long count = in.getLong("instruments");
            for (int i = 0; i < count; i++) {
                Window w = new Window(lookback);
                w.lastClose = in.getDouble(i + ".lastClose");
                long[] times = in.getLongs(i + ".times");
                double[] returns = in.getDoubles(i + ".returns");
                if (times.length != returns.length) {
                    return false;
                }
                for (int t = 0; t < times.length; t++) {
                    w.returns.put(times[t], returns[t]);
                }
                restored.put(InstrumentId.parse(in.getString(i + ".instrument")), w);
            }
        } catch (IllegalArgumentException e) { // a SnapshotFormatException too: unreadable values
            return false;
        }
        windows.clear();
        windows.putAll(restored);
        return true;
    }

    /** {@code [instrument][bar]} returns on the bar times every instrument has, or null with too few of them. */
    private double[][] history(Iterable<InstrumentId> instruments) {
        List<Window> held = new ArrayList<>();
        for (InstrumentId id : instruments) {
            Window w = windows.get(id);
            if (w == null) {
                return null;
            }
            held.add(w);
        }
        if (held.isEmpty()) {
            return null;
        }
        List<Long> times = new ArrayList<>();
        for (Long t : held.get(0).returns.keySet()) {
            if (held.stream().allMatch(w -> w.returns.containsKey(t))) {
                times.add(t);
            }
        }
        if (times.size() < MINIMUM_RETURNS) {
            return null;
        }
        double[][] out = new double[held.size()][times.size()];
        for (int i = 0; i < held.size(); i++) {
            for (int t = 0; t < times.size(); t++) {
                out[i][t] = held.get(i).returns.get(times.get(t));
            }
        }
        return out;
    }

    /** Historical VaR or ES of the exposures over the past bars. */
    double historical(double[][] returns, double[] exposure) {
        int n = returns[0].length;
        double[] losses = new double[n];
        for (int t = 0; t < n; t++) {
            double pnl = 0;
            for (int i = 0; i < exposure.length; i++) {
                pnl += exposure[i] * returns[i][t];
            }
            losses[t] = -pnl;
        }
        Arrays.sort(losses);
        double h = (n - 1) * confidence;
        int lo = (int) Math.floor(h);
        double var = losses[lo] + (h - lo) * (losses[Math.min(lo + 1, n - 1)] - losses[lo]);
        if (measure == Measure.VAR) {
            return var;
        }
        double sum = 0;
        int tail = 0;
        for (double l : losses) {
            if (l >= var) {
                sum += l;
                tail++;
            }
        }
        return sum / tail;
    }

    /** Parametric (normal) VaR or ES of the exposures from the returns' means and covariances. */
    double parametric(double[][] returns, double[] exposure) {
        int k = exposure.length;
        int n = returns[0].length;
        double[] mean = new double[k];
        for (int i = 0; i < k; i++) {
            mean[i] = Arrays.stream(returns[i]).sum() / n;
        }
        double mu = 0;
        double variance = 0;
        for (int i = 0; i < k; i++) {
            mu += exposure[i] * mean[i];
            for (int j = 0; j < k; j++) {
                double cov = 0;
                for (int t = 0; t < n; t++) {
                    cov += (returns[i][t] - mean[i]) * (returns[j][t] - mean[j]);
                }
                variance += exposure[i] * exposure[j] * cov / (n - 1);
            }
        }
        double sigma = Math.sqrt(Math.max(0, variance));
        if (measure == Measure.VAR) {
            return z * sigma - mu;
        }
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        return sigma * density / (1 - confidence) - mu;
    }
}
