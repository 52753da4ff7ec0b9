package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The quantity of every grid level and the inventory limit, fixed when the first grid is placed:
 * <pre>
 *   q = floor_lot(capitalFraction x equity / C)       base units, C the first grid's centre
 *   L = maxInventoryLevels x q                        base units
 * </pre>
 * {@code floor_lot} rounds down to a multiple of the lot size ({@link Instrument#roundQuantityDown}), so a level
 * never commits more than its fraction of equity. As with the quantity per grid of an exchange's grid bot, {@code q}
 * then stays the same across re-centrings, so one buy-sell cycle earns {@code spacing x q} before fees and the
 * inventory limit is one fixed quantity.
 *
 * @param quantity       {@code q}, base units, &ge; 0, a multiple of the lot size
 * @param inventoryLimit {@code L}, base units, &ge; 0
 */
record GridSizing(BigDecimal quantity, BigDecimal inventoryLimit) {

    /**
     * Checks the sizing.
     *
     * @param quantity       {@code q}, &ge; 0
     * @param inventoryLimit {@code L}, &ge; 0
     * @throws IllegalArgumentException when a value is negative
     */
    GridSizing {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(inventoryLimit, "inventoryLimit");
        if (quantity.signum() < 0 || inventoryLimit.signum() < 0) {
            throw new IllegalArgumentException("quantity and inventory limit must be >= 0, got "
                    + quantity.toPlainString() + " and " + inventoryLimit.toPlainString());
        }
    }

    /**
     * Sizes the grid by the formulas of the class comment.
     *
     * @param instrument the instrument, for its lot size
     * @param settings   capital fraction and inventory limit in levels
     * @param equity     the account's equity, quote asset
     * @param centre     the first grid's centre, &gt; 0
     * @return the sizing; its quantity is 0 when the equity is not positive or buys less than one lot
     */
    static GridSizing of(Instrument instrument, GridSettings settings, BigDecimal equity, BigDecimal centre) {
        BigDecimal quantity = BigDecimal.ZERO;
        if (equity.signum() > 0) {
            int scale = Math.max(instrument.lotSize().scale(), 0);
            quantity = instrument.roundQuantityDown(settings.capitalFraction().multiply(equity)
                    .divide(centre, scale, RoundingMode.DOWN));
        }
        return new GridSizing(quantity, quantity.multiply(BigDecimal.valueOf(settings.maxInventoryLevels())));
    }

    /**
     * Why orders of this quantity cannot be placed at a price, by the instrument's minimums.
     *
     * @param instrument the instrument
     * @param quantity   an order quantity, base units
     * @param price      the order's limit price
     * @return null when the order meets the minimum quantity and notional, otherwise the reason
     */
    static String belowMinimums(Instrument instrument, BigDecimal quantity, BigDecimal price) {
        if (quantity.signum() <= 0) {
            return "quantity " + quantity.toPlainString() + " is below one lot of "
                    + instrument.lotSize().toPlainString();
        }
        if (quantity.compareTo(instrument.minQuantity()) < 0) {
            return "quantity " + quantity.toPlainString() + " is below the minimum "
                    + instrument.minQuantity().toPlainString();
        }
        BigDecimal notional = quantity.multiply(price);
        if (notional.compareTo(instrument.minNotional()) < 0) {
            return "notional " + notional.toPlainString() + " at " + price.toPlainString()
                    + " is below the minimum " + instrument.minNotional().toPlainString();
        }
        return null;
    }
}
