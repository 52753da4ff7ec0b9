package io.quantplug.api.strategy;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an execution algorithm (TWAP, VWAP, iceberg, ...) achieved for one parent order, reported by the strategy
 * that ran it ({@link StrategyContext#reportExecution}) so the run's result shows it.
 *
 * <p>Slippage against the arrival price is the implementation shortfall of Perold ("The implementation shortfall:
 * paper versus reality", Journal of Portfolio Management, 1988) per unit executed, in bps: {@code side × (average
 * fill price − arrival price) / arrival price × 10,000}, with side +1 for a buy and −1 for a sell; positive is a
 * cost (bought above, or sold below, the price when the parent order arrived). Fees are not in it.
 *
 * @param algorithm       the algorithm's name, e.g. {@code twap}, not blank
 * @param instrument      the instrument, not null
 * @param side            the parent order's side, not null
 * @param targetQuantity  the parent order's quantity, base units, &gt; 0
 * @param filledQuantity  what the child orders filled, base units, 0 to the target
 * @param arrivalPrice    the benchmark price when the parent order arrived (a mid or last price), quote per base,
 *                        &gt; 0
 * @param averagePrice    the quantity-weighted average fill price, quote per base; null when nothing filled
 * @param startMillis     when the parent order arrived, UTC epoch milliseconds
 * @param endMillis       when it finished (filled, or ended unfilled), UTC epoch milliseconds, &ge; start
 * @param childOrders     how many child orders it sent, &ge; 0
 */
public record ExecutionReport(String algorithm, InstrumentId instrument, Side side, BigDecimal targetQuantity,
                              BigDecimal filledQuantity, double arrivalPrice, BigDecimal averagePrice,
                              long startMillis, long endMillis, int childOrders) {

    /**
     * Validates the report.
     *
     * @param algorithm      the algorithm's name
     * @param instrument     the instrument
     * @param side           the side
     * @param targetQuantity the parent quantity
     * @param filledQuantity the filled quantity
     * @param arrivalPrice   the arrival price
     * @param averagePrice   the average fill price, or null
     * @param startMillis    the start
     * @param endMillis      the end
     * @param childOrders    the child order count
     * @throws IllegalArgumentException when a field is out of its range, or an average is missing for a fill
     */
    public ExecutionReport {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("algorithm must be named");
        }
        if (targetQuantity.signum() <= 0 || filledQuantity.signum() < 0
                || filledQuantity.compareTo(targetQuantity) > 0) {
            throw new IllegalArgumentException("filled quantity must be 0 to the target " + targetQuantity + ", got "
                    + filledQuantity);
        }
        if (!(arrivalPrice > 0) || Double.isInfinite(arrivalPrice)) {
            throw new IllegalArgumentException("arrival price must be finite and > 0, got " + arrivalPrice);
        }
        if ((averagePrice == null) != (filledQuantity.signum() == 0)) {
            throw new IllegalArgumentException("an average price goes with a fill, and only with one");
        }
        if (endMillis < startMillis || childOrders < 0) {
            throw new IllegalArgumentException("end must not be before start, and child orders >= 0");
        }
    }

    /**
     * The slippage against the arrival price (see the class comment).
     *
     * @return bps, positive for a cost; NaN when nothing filled
     */
    public double slippageBps() {
        if (averagePrice == null) {
            return Double.NaN;
        }
        double sign = side == Side.BUY ? 1 : -1;
        return sign * (averagePrice.doubleValue() - arrivalPrice) / arrivalPrice * 10_000;
    }
}
