package io.quantplug.api.risk;

import io.quantplug.api.order.Order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order on its way to the venue, with the estimates risk rules need.
 *
 * @param order          the order as it stands (after earlier resizes)
 * @param source         the strategy instance that caused it
 * @param referencePrice the last price of the instrument, quote per base
 * @param quantity       the order quantity in base units; for a quote-sized market order, the notional divided by
 *                       the reference price, rounded down to the lot size
 * @param notional       quantity times the limit, stop or reference price (or the quote amount itself), account
 *                       currency
 * @param reducesPosition true when the order only shrinks the current position (it is on the opposite side and not
 *                        larger); exposure limits usually let such orders through so a position can always be
 *                        closed
 */
public record OrderIntent(Order order, String source, double referencePrice, BigDecimal quantity,
                          BigDecimal notional, boolean reducesPosition) {

    /**
     * Checks that no component is null.
     *
     * @param order the order as it stands (after earlier resizes)
     * @param source the strategy instance that caused it
     * @param referencePrice the last price of the instrument, quote per base
     * @param quantity the order quantity in base units; for a quote-sized market order, the notional divided by the reference price, rounded down to the lot size
     * @param notional quantity times the limit, stop or reference price (or the quote amount itself), account currency
     * @param reducesPosition true when the order only shrinks the current position (it is on the opposite side and not larger); exposure limits usually let such orders through so a position can always be closed
     */
    public OrderIntent {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(notional, "notional");
    }
}
