package io.quantplug.api.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much an order trades: a base quantity, or (for market orders only) an amount of the quote asset to spend or
 * receive, as Binance's {@code quoteOrderQty}. A quote size lets "invest all cash" orders fill at a price that is
 * not yet known without overdrawing the account.
 */
public sealed interface OrderSize {

    /**
     * A base-asset quantity.
     *
     * @param quantity base units, &gt; 0
     * @return the size
     */
    static OrderSize base(BigDecimal quantity) {
        return new Base(quantity);
    }

    /**
     * A quote-asset amount.
     *
     * @param notional quote units, &gt; 0
     * @return the size
     */
    static OrderSize quote(BigDecimal notional) {
        return new Quote(notional);
    }

    /**
     * A quantity in base-asset units.
     *
     * @param quantity base units, &gt; 0
     */
    record Base(BigDecimal quantity) implements OrderSize {
        /**
         * @throws IllegalArgumentException when the quantity is not positive
         *
         * @param quantity base units, &gt; 0
         * @throws IllegalArgumentException when the quantity is not positive
         */
        public Base {
            Objects.requireNonNull(quantity, "quantity");
            if (quantity.signum() <= 0) {
                throw new IllegalArgumentException("order quantity must be > 0, got " + quantity.toPlainString());
            }
        }
    }

    /**
     * An amount in quote-asset units; the venue converts it to a quantity at the fill price, rounded down to the
     * lot size, fees included.
     *
     * @param notional quote units, &gt; 0
     */
    record Quote(BigDecimal notional) implements OrderSize {
        /**
         * @throws IllegalArgumentException when the amount is not positive
         *
         * @param notional quote units, &gt; 0
         * @throws IllegalArgumentException when the amount is not positive
         */
        public Quote {
            Objects.requireNonNull(notional, "notional");
            if (notional.signum() <= 0) {
                throw new IllegalArgumentException("order notional must be > 0, got " + notional.toPlainString());
            }
        }
    }
}
