package io.quantplug.plugins.sizing;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fractional Kelly with a cap, estimated from the round trips the sizer has seen close.
 * <pre>
 *   W  = wins / n,   R = average win / average loss          (n closed round trips, see {@link TradeStatistics})
 *   f* = W - (1 - W) / R                                      (Kelly 1956; Thorp 2006, "p - q/b")
 *   a  = min(c x f*, cap)        when n &ge; minTrades         (c = kellyFraction, cap = maxPercent / 100)
 *   a  = min(fallback, cap)      when n &lt; minTrades         (fallback = fallbackPercent / 100)
 *   notional = a x equity;  f* &le; 0  means no trade
 * </pre>
 * then the spot cash cap and lot rounding of {@link EntryNotional}.
 *
 * <p>Sources: Kelly, J. L. (1956), "A New Interpretation of Information Rate", <i>Bell System Technical Journal</i>
 * 35(4), 917–926; Thorp, E. O. (2006), "The Kelly Criterion in Blackjack, Sports Betting, and the Stock Market",
 * in <i>Handbook of Asset and Liability Management</i>, vol. 1, ch. 9 ({@code f* = p - q/b} for a bet won with
 * probability {@code p} that pays {@code b} to 1). Fractional Kelly trades growth for a smoother path: in the
 * continuous approximation, betting {@code c x f*} keeps {@code c(2 - c)} of the optimal excess growth rate (three
 * quarters at half Kelly) with {@code c} times the volatility, and it forgives an over-estimated edge (Thorp 2006,
 * section 7.3, "The case for fractional Kelly"). Here {@code f*} is the share of equity put into the position, the common trading
 * reading; a trade rarely loses its whole notional, so this bets less than the exact two-outcome optimum
 * ({@code f* / L}, with {@code L} the average loss as a fraction of the notional), on top of {@code c} and the cap.
 *
 * <h2>Where the round trips come from</h2>
 * A sizer sees no fills: it is called only when an entry is sized, with the portfolio as it stands. The instrument's
 * realised P&amp;L ({@link io.quantplug.api.portfolio.PositionView#realizedPnl()}, before fees) is read at every call,
 * and its change since the previous call is one closed round trip: a strategy enters from flat (a call), exits to
 * flat, and enters again (the next call), so the change is exactly the P&amp;L of the trip in between. Limits, all
 * from what {@link SizingContext} offers:
 * <ul>
 *   <li>P&amp;L before fees (the position view has no per-instrument fee);</li>
 *   <li>a change of exactly zero is not booked: an entry that never filled (refused, or sized to zero) cannot be told
 *       from a trip closed at its entry price;</li>
 *   <li>when a reversal (long to short) closes a trip without a call in between, or a strategy also trades by direct
 *       orders, the trips closed between two calls are booked as one;</li>
 *   <li>every strategy of the session on this instrument contributes, not only the one whose signal is sized.</li>
 * </ul>
 * The first call only records the starting realised P&amp;L.
 *
 * <h2>Hot swap</h2>
 * {@link #snapshot()} hands the tallies and the last realised P&amp;L seen to the next version (format
 * {@value #SNAPSHOT_FORMAT}), so the estimate and the next trip's P&amp;L carry over.
 *
 * <p>Engine thread only; not thread-safe.
 */
final class KellySizer implements PositionSizer {

    /** The snapshot layout this version writes and reads. */
    static final String SNAPSHOT_FORMAT = "kelly/1";

    private static final String LAST_REALIZED_PNL = "lastRealizedPnl";

    private final BigDecimal kellyFraction;
    private final BigDecimal cap;
    private final int minTrades;
    private final BigDecimal fallback;
    private final BigDecimal cashBufferPercent;
    private TradeStatistics statistics = new TradeStatistics();
    private BigDecimal lastRealizedPnl;

    KellySizer(BigDecimal kellyFraction, BigDecimal cap, int minTrades, BigDecimal fallback,
               BigDecimal cashBufferPercent) {
        this.kellyFraction = kellyFraction;
        this.cap = cap;
        this.minTrades = minTrades;
        this.fallback = fallback;
        this.cashBufferPercent = cashBufferPercent;
    }

    @Override
    public BigDecimal size(Signal signal, SizingContext context) {
        observe(context.portfolio().position(context.instrument().id()).realizedPnl());
        BigDecimal equity = context.portfolio().equity();
        if (signal.direction() == SignalDirection.FLAT || equity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal share = equityShare();
        if (share.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return EntryNotional.toQuantity(share.multiply(equity), context, cashBufferPercent);
    }

    private void observe(BigDecimal realizedPnl) {
        if (lastRealizedPnl != null) {
            statistics.add(realizedPnl.subtract(lastRealizedPnl));
        }
        lastRealizedPnl = realizedPnl;
    }

    /**
     * The share of equity the next entry gets, from the trips booked so far.
     *
     * @return {@code a} of the class formula, in 0 .. cap
     */
    BigDecimal equityShare() {
        if (statistics.trades() < minTrades) {
            return fallback.min(cap);
        }
        BigDecimal full = statistics.kellyFraction();
        return full.signum() <= 0 ? BigDecimal.ZERO : full.multiply(kellyFraction).min(cap);
    }

    /**
     * The round trips booked so far.
     *
     * @return wins plus losses
     */
    int trades() {
        return statistics.trades();
    }

    @Override
    public StateSnapshot snapshot() {
        Map<String, String> values = new LinkedHashMap<>();
        statistics.writeTo(values);
        if (lastRealizedPnl != null) {
            values.put(LAST_REALIZED_PNL, lastRealizedPnl.toPlainString());
        }
        return new StateSnapshot(SNAPSHOT_FORMAT, values);
    }

    /**
     * Continues from a snapshot of format {@value #SNAPSHOT_FORMAT}. A snapshot that cannot be read changes nothing.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return true when restored; false for another format or unreadable values
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!SNAPSHOT_FORMAT.equals(snapshot.format())) {
            return false;
        }
        try {
            TradeStatistics s = TradeStatistics.readFrom(snapshot.values());
            String last = snapshot.values().get(LAST_REALIZED_PNL);
            BigDecimal l = last == null ? null : new BigDecimal(last);
            statistics = s;
            lastRealizedPnl = l;
            return true;
        } catch (IllegalArgumentException e) {
            return false; // NumberFormatException included: keep the fresh state
        }
    }
}
