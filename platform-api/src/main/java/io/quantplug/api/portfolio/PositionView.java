package io.quantplug.api.portfolio;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;

/**
 * A read-only view of the position in one instrument, exact decimals.
 */
public interface PositionView {

    /**
     * The instrument.
     *
     * @return the instrument id
     */
    InstrumentId instrument();

    /**
     * Signed quantity: positive long, negative short, zero flat.
     *
     * @return base units
     */
    BigDecimal quantity();

    /**
     * Quantity-weighted average price of the open quantity.
     *
     * @return quote per base; zero when flat
     */
    BigDecimal averageEntryPrice();

    /**
     * Profit and loss realised in this instrument, before fees.
     *
     * @return account currency
     */
    BigDecimal realizedPnl();

    /**
     * Profit and loss of the open quantity at the last price.
     *
     * @return account currency; zero when flat
     */
    BigDecimal unrealizedPnl();

    /**
     * Whether the quantity is zero.
     *
     * @return true when flat
     */
    default boolean isFlat() {
        return quantity().signum() == 0;
    }

    /**
     * Whether the quantity is positive.
     *
     * @return true when long
     */
    default boolean isLong() {
        return quantity().signum() > 0;
    }

    /**
     * Whether the quantity is negative.
     *
     * @return true when short
     */
    default boolean isShort() {
        return quantity().signum() < 0;
    }
}
