package io.quantplug.runtime.margin;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tier of a symbol's notional and leverage brackets, as Binance's {@code GET /fapi/v1/leverageBracket} returns it.
 *
 * <p>A position whose notional {@code N} (quantity × mark price, USDT) lies in {@code [notionalFloor, notionalCap)}
 * may use a leverage of at most {@code initialLeverage}, and its maintenance margin is {@code N × maintMarginRatio
 * − cum} (Binance, "Leverage and Margin of USDⓈ-M Futures"). {@code cum}, the maintenance amount, makes that a
 * step-free function of {@code N}: {@code cum_n = floor_n × (mmr_n − mmr_(n−1)) + cum_(n−1)} (Binance, "How to
 * Calculate Liquidation Price of USDⓈ-M Futures Contracts"), checked by {@link LeverageBrackets}.
 *
 * @param bracket          the tier's number, from 1
 * @param initialLeverage  the largest leverage allowed in the tier, &ge; 1
 * @param notionalFloor    the tier's lowest notional, USDT, &ge; 0
 * @param notionalCap      the notional the tier reaches up to (exclusive), USDT, &gt; {@code notionalFloor}
 * @param maintMarginRatio the maintenance margin rate, a fraction in (0, 1)
 * @param cum              the maintenance amount, USDT, &ge; 0
 */
public record LeverageBracket(int bracket, int initialLeverage, BigDecimal notionalFloor, BigDecimal notionalCap,
                              BigDecimal maintMarginRatio, BigDecimal cum) {

    /**
     * Checks the tier on its own.
     *
     * @param bracket          the tier's number, from 1
     * @param initialLeverage  the largest leverage of the tier
     * @param notionalFloor    the tier's lowest notional, USDT
     * @param notionalCap      the tier's notional cap (exclusive), USDT
     * @param maintMarginRatio the maintenance margin rate
     * @param cum              the maintenance amount, USDT
     *
     * @throws IllegalArgumentException when a value is outside the range given above
     */
    public LeverageBracket {
        Objects.requireNonNull(notionalFloor, "notionalFloor");
        Objects.requireNonNull(notionalCap, "notionalCap");
        Objects.requireNonNull(maintMarginRatio, "maintMarginRatio");
        Objects.requireNonNull(cum, "cum");
        if (bracket < 1 || initialLeverage < 1) {
            throw new IllegalArgumentException("bracket " + bracket + ": bracket and initialLeverage must be >= 1, got "
                    + bracket + " and " + initialLeverage);
        }
        if (notionalFloor.signum() < 0 || notionalCap.compareTo(notionalFloor) <= 0) {
            throw new IllegalArgumentException("bracket " + bracket + ": needs 0 <= notionalFloor < notionalCap, got "
                    + notionalFloor.toPlainString() + " and " + notionalCap.toPlainString());
        }
        if (maintMarginRatio.signum() <= 0 || maintMarginRatio.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("bracket " + bracket + ": maintMarginRatio must be in (0, 1), got "
                    + maintMarginRatio.toPlainString());
        }
        if (cum.signum() < 0) {
            throw new IllegalArgumentException("bracket " + bracket + ": cum must be >= 0, got " + cum.toPlainString());
        }
    }

    /**
     * Whether a notional falls in this tier.
     *
     * @param notional USDT, &ge; 0
     * @return true when {@code notionalFloor <= notional < notionalCap}
     */
    public boolean contains(BigDecimal notional) {
        return notional.compareTo(notionalFloor) >= 0 && notional.compareTo(notionalCap) < 0;
    }

    /**
     * The maintenance margin of a position whose notional is in this tier: {@code notional × maintMarginRatio − cum}.
     *
     * @param notional the position's notional at the mark price, USDT, &ge; 0
     * @return USDT, exact
     */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return notional.multiply(maintMarginRatio).subtract(cum);
    }
}
