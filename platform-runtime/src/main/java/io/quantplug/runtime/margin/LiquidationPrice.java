package io.quantplug.runtime.margin;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The mark price at which a one-way (BOTH) USDⓈ-M position is liquidated: where its margin balance falls to its
 * maintenance margin.
 *
 * <p>Binance, "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts":
 * <pre>
 *   LP = (WB − TMM1 + UPNL1 + cumB − Side × Position × EP) / (Position × MMR − Side × Position)
 * </pre>
 * with {@code WB} the wallet balance (cross: the account's; isolated: the position's own), {@code TMM1} and
 * {@code UPNL1} the maintenance margin and unrealised P&amp;L of the account's other contracts (0 in isolated mode),
 * {@code Side} +1 long / −1 short, {@code Position} the absolute quantity, {@code EP} the entry price, and
 * {@code MMR}, {@code cumB} the maintenance margin rate and amount of the tier of the notional <em>at the
 * liquidation price</em>: when that tier differs from the one assumed, the price is computed again with it, as the
 * FAQ says. It follows from {@code WB + Side × Position × (LP − EP) = Position × LP × MMR − cum}. Stateless.
 */
public final class LiquidationPrice {

    private LiquidationPrice() {
    }

    /**
     * The liquidation price of a position.
     *
     * @param longPosition      true for a long position, false for a short one
     * @param quantity          the absolute position size, base units, &gt; 0
     * @param entryPrice        the average entry price, USDT, &gt; 0
     * @param walletBalance     WB, USDT
     * @param otherMaintenance  TMM1, USDT (0 in isolated mode or with no other contract)
     * @param otherUnrealized   UPNL1, USDT (0 in isolated mode or with no other contract)
     * @param brackets          the symbol's brackets
     * @return the price, 34 significant digits; zero when the formula gives a price &le; 0 (a long that cannot be
     *         liquidated; Binance shows "--")
     * @throws IllegalArgumentException when the quantity or entry price is not positive
     */
    public static BigDecimal of(boolean longPosition, BigDecimal quantity, BigDecimal entryPrice,
                                BigDecimal walletBalance, BigDecimal otherMaintenance, BigDecimal otherUnrealized,
                                LeverageBrackets brackets) {
        if (quantity.signum() <= 0 || entryPrice.signum() <= 0) {
            throw new IllegalArgumentException("quantity and entry price must be > 0, got " + quantity.toPlainString()
                    + " and " + entryPrice.toPlainString());
        }
        BigDecimal side = longPosition ? BigDecimal.ONE : BigDecimal.ONE.negate();
        BigDecimal sidePosition = side.multiply(quantity);
        BigDecimal numeratorBase = walletBalance.subtract(otherMaintenance).add(otherUnrealized)
                .subtract(sidePosition.multiply(entryPrice));
        LeverageBracket tier = brackets.bracketFor(quantity.multiply(entryPrice));
        BigDecimal price = BigDecimal.ZERO;
        for (int i = 0; i <= brackets.brackets().size(); i++) {
            BigDecimal denominator = quantity.multiply(tier.maintMarginRatio()).subtract(sidePosition);
            price = numeratorBase.add(tier.cum()).divide(denominator, MathContext.DECIMAL128);
            if (price.signum() <= 0) {
                return BigDecimal.ZERO;
            }
            LeverageBracket atPrice = brackets.bracketFor(quantity.multiply(price));
            if (atPrice.bracket() == tier.bracket()) {
                return price;
            }
            tier = atPrice;
        }
        return price; // the tiers alternate at a boundary: the last estimate, within a tier's edge of the truth
    }
}
