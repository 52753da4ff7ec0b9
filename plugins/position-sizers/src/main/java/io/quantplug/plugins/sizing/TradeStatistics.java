package io.quantplug.plugins.sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * Win and loss tallies of closed round trips, and the Kelly fraction they imply. Exact decimals in the account
 * currency; not thread-safe (engine thread).
 *
 * <p>With {@code w} wins summing to {@code GW}, {@code l} losses summing to {@code GL} (as a positive amount) and
 * {@code n = w + l}: {@code W = w/n}, {@code R = (GW/w) / (GL/l)}, and Kelly's
 * <pre>
 *   f* = W - (1 - W) / R  =  (w / n) x (1 - GL / GW)  =  w x (GW - GL) / (n x GW)
 * </pre>
 * (substitute {@code R}: {@code (1 - W)/R = (l/n)(GL/l)/(GW/w) = w GL / (n GW)}). The last form needs one division,
 * so a hand-computed value comes out exact, and it covers the edge cases: no losses gives {@code f* = W = 1}; gross
 * loss at least the gross win (profit factor {@code GW/GL <= 1}) gives {@code f* <= 0}; no wins gives no edge.
 */
final class TradeStatistics {

    private int wins;
    private BigDecimal grossWin = BigDecimal.ZERO;
    private int losses;
    private BigDecimal grossLoss = BigDecimal.ZERO;

    /**
     * Books one closed round trip.
     *
     * @param pnl its P&amp;L, account currency; zero is not booked (see {@link KellySizer})
     */
    void add(BigDecimal pnl) {
        if (pnl.signum() > 0) {
            wins++;
            grossWin = grossWin.add(pnl);
        } else if (pnl.signum() < 0) {
            losses++;
            grossLoss = grossLoss.add(pnl.negate());
        }
    }

    int trades() {
        return wins + losses;
    }

    int wins() {
        return wins;
    }

    int losses() {
        return losses;
    }

    /**
     * The full Kelly fraction of the trips booked so far.
     *
     * @return {@code f*}, at most 1; zero when there is no trade or no win
     */
    BigDecimal kellyFraction() {
        if (wins == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(wins).multiply(grossWin.subtract(grossLoss))
                .divide(BigDecimal.valueOf(trades()).multiply(grossWin), MathContext.DECIMAL64);
    }

    void writeTo(Map<String, String> out) {
        out.put("wins", Integer.toString(wins));
        out.put("grossWin", grossWin.toPlainString());
        out.put("losses", Integer.toString(losses));
        out.put("grossLoss", grossLoss.toPlainString());
    }

    /**
     * Reads what {@link #writeTo} wrote.
     *
     * @throws IllegalArgumentException (or a {@link NumberFormatException}) when a value is missing or malformed
     */
    static TradeStatistics readFrom(Map<String, String> in) {
        TradeStatistics s = new TradeStatistics();
        s.wins = Integer.parseInt(required(in, "wins"));
        s.grossWin = new BigDecimal(required(in, "grossWin"));
        s.losses = Integer.parseInt(required(in, "losses"));
        s.grossLoss = new BigDecimal(required(in, "grossLoss"));
        if (s.wins < 0 || s.losses < 0 || s.grossWin.signum() < 0 || s.grossLoss.signum() < 0
                || (s.wins == 0) != (s.grossWin.signum() == 0) || (s.losses == 0) != (s.grossLoss.signum() == 0)) {
            throw new IllegalArgumentException("inconsistent trade statistics " + in);
        }
        return s;
    }

    private static String required(Map<String, String> in, String key) {
        String v = in.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v;
    }
}
