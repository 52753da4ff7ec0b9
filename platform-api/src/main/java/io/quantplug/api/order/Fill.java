package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution of (part of) an order.
 *
 * @param clientOrderId the order that filled
 * @param instrument    the instrument
 * @param side          buy or sell
 * @param price         execution price, quote per base, on the tick grid
 * @param quantity      executed quantity, base units, &gt; 0, on the lot grid
 * @param fee           fee charged, in {@code feeAsset} units, &ge; 0
 * @param feeAsset      the asset the fee is charged in (the quote asset in the simulated venue)
 * @param liquidity     maker or taker
 * @param timeMillis    execution time, UTC epoch milliseconds
 */
public record Fill(ClientOrderId clientOrderId, InstrumentId instrument, Side side, BigDecimal price,
                   BigDecimal quantity, BigDecimal fee, String feeAsset, Liquidity liquidity, long timeMillis) {

    /**
     * Validates the fill.
     *
     * @param clientOrderId the order that filled
     * @param instrument the instrument
     * @param side buy or sell
     * @param price execution price, quote per base, on the tick grid
     * @param quantity executed quantity, base units, &gt; 0, on the lot grid
     * @param fee fee charged, in {@code feeAsset} units, &ge; 0
     * @param feeAsset the asset the fee is charged in (the quote asset in the simulated venue)
     * @param liquidity maker or taker
     * @param timeMillis execution time, UTC epoch milliseconds
     * @throws IllegalArgumentException when price or quantity is not positive or the fee is negative
     * 
     */
    public Fill {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(feeAsset, "feeAsset");
        Objects.requireNonNull(liquidity, "liquidity");
        if (price.signum() <= 0 || quantity.signum() <= 0 || fee.signum() < 0) {
            throw new IllegalArgumentException("fill of " + clientOrderId
                    + ": price and quantity must be > 0 and fee >= 0");
        }
    }

    /**
     * Price times quantity.
     *
     * @return the traded value in the quote asset, exact
     */
    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}
