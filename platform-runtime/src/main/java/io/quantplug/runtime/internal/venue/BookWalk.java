package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A taking order's walk through the opposite side of the book as it stands: level by level from the best, each at
 * the level's price on the tick grid, each for at most the level's quantity in whole lots, up to a limit price if
 * any, until the order is filled or the visible book ends. The book is not changed (the replay has no market
 * impact). A quote-sized order spends its amount: a buy at most the amount including the taker fee per level, a
 * sell the amount before fees ({@link FundsCheck#affordable}).
 *
 * @param legs     one per level touched, best first
 * @param filled   the base quantity of all legs
 * @param cost     notional plus taker fees of all legs (a buy's cost), account currency
 * @param notional price times quantity of all legs
 * @param left     what the walk could not fill, base units: for a quote-sized order, what the unspent amount buys
 *                 at the next (or last) level's price; 0 when the order is filled
 */
record BookWalk(List<Leg> legs, BigDecimal filled, BigDecimal cost, BigDecimal notional, BigDecimal left) {

    /**
     * One level's part of the walk.
     *
     * @param price    the level's price on the tick grid
     * @param quantity base units, whole lots, &gt; 0
     */
    record Leg(BigDecimal price, BigDecimal quantity) {
    }

    /**
     * Walks the book for an order.
     *
     * @param side       the taking order's side
     * @param quantity   base quantity to take, or null to spend {@code amount}
     * @param amount     quote amount to spend, or null to take {@code quantity}
     * @param limit      the worst price to take at, or null for none (market)
     * @param book       the instrument's last book
     * @param instrument the instrument
     * @param funds      the amount-to-quantity rules
     * @param fees       the fee model (taker fee per leg)
     * @return the walk
     */
    static BookWalk of(Side side, BigDecimal quantity, BigDecimal amount, BigDecimal limit, BookLevels book,
                       Instrument instrument, FundsCheck funds, FeeModel fees) {
        Side opposite = side.opposite();
        BigDecimal want = quantity;
        List<Leg> legs = new ArrayList<>();
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal lastPrice = null;
        for (int i = 0, n = book.levels(opposite); i < n; i++) {
            BigDecimal price = instrument.toTickPrice(book.price(opposite, i));
            if (limit != null && (side == Side.BUY ? price.compareTo(limit) > 0 : price.compareTo(limit) < 0)) {
                break;
            }
            lastPrice = price;
            if (amount != null) {
                want = funds.affordable(amount, new FillPrice(price, Liquidity.TAKER), instrument, side == Side.BUY);
            }
            if (want.signum() <= 0) {
                break;
            }
            BigDecimal take = want.min(BookLevels.toLots(book.quantity(opposite, i), instrument));
            if (take.signum() == 0) {
                continue;
            }
            BigDecimal legNotional = price.multiply(take);
            BigDecimal fee = fees.fee(legNotional, Liquidity.TAKER);
            legs.add(new Leg(price, take));
            filled = filled.add(take);
            notional = notional.add(legNotional);
            cost = cost.add(legNotional).add(fee);
            if (amount != null) {
                amount = amount.subtract(side == Side.BUY ? legNotional.add(fee) : legNotional);
            } else {
                want = want.subtract(take);
            }
        }
        BigDecimal left = want == null ? BigDecimal.ZERO : want;
        if (amount != null) {
            left = lastPrice == null ? BigDecimal.ZERO
                    : funds.affordable(amount, new FillPrice(lastPrice, Liquidity.TAKER), instrument, side == Side.BUY);
        }
        return new BookWalk(List.copyOf(legs), filled, cost, notional, left);
    }
}
