package io.quantplug.plugins.grid;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One working limit order of the grid, as the strategy placed it.
 *
 * @param id       its client order id
 * @param side     buy or sell
 * @param price    the limit price, a level of the grid, quote per base
 * @param quantity base units, &gt; 0
 */
record GridOrder(ClientOrderId id, Side side, BigDecimal price, BigDecimal quantity) {

    /**
     * Checks that nothing is null.
     *
     * @param id       its client order id
     * @param side     buy or sell
     * @param price    the limit price
     * @param quantity base units
     */
    GridOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }
}
