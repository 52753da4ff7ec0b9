package io.quantplug.api.exchange;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution on the account as the venue lists it afterwards (Binance: a row of {@code GET /api/v3/myTrades}),
 * the unit of start-up reconciliation: a session that was down compares the venue's trades since the last id it knew
 * with the fills it stored. Venues list trades without the client order id, so none is carried.
 *
 * @param tradeId    the venue's trade id, increasing per instrument
 * @param instrument the instrument
 * @param side       our side, buy or sell
 * @param price      execution price, quote per base, &gt; 0
 * @param quantity   executed quantity, base units, &gt; 0
 * @param fee        fee charged in {@code feeAsset} units as the venue reports it (a negative value is a rebate)
 * @param feeAsset   the fee asset
 * @param timeMillis execution time, UTC epoch milliseconds
 */
public record AccountTrade(long tradeId, InstrumentId instrument, Side side, BigDecimal price, BigDecimal quantity,
                           BigDecimal fee, String feeAsset, long timeMillis) {

    /**
     * Checks that no component is null.
     *
     * @param tradeId    the venue's trade id, increasing per instrument
     * @param instrument the instrument
     * @param side       our side, buy or sell
     * @param price      execution price, quote per base, &gt; 0
     * @param quantity   executed quantity, base units, &gt; 0
     * @param fee        fee charged in {@code feeAsset} units as the venue reports it (a negative value is a rebate)
     * @param feeAsset   the fee asset
     * @param timeMillis execution time, UTC epoch milliseconds
     * @throws NullPointerException when a component is null
     */
    public AccountTrade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(feeAsset, "feeAsset");
    }
}
