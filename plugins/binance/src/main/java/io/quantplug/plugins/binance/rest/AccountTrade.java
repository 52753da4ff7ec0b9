package io.quantplug.plugins.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;

/**
 * One of the account's trades, as {@code GET /api/v3/myTrades} (spot) or {@code GET /fapi/v1/userTrades}
 * (USD&#9416;-M) list them; the unit of reconciliation after a restart ("trades since the last known id").
 * Binance's trade rows carry the venue's {@code orderId} but not the client order id: map it through
 * {@link WorkingOrder#orderId()} or the journal.
 *
 * @param tradeId         Binance's trade id, increasing per symbol
 * @param orderId         Binance's order id
 * @param instrument      the instrument
 * @param side            buy or sell
 * @param price           execution price, quote per base
 * @param quantity        executed quantity, base units
 * @param commission      fee charged, in {@code commissionAsset} units (a negative rebate is kept as reported)
 * @param commissionAsset the fee asset
 * @param maker           whether the order was the maker
 * @param timeMillis      execution time, UTC epoch milliseconds
 */
public record AccountTrade(long tradeId, long orderId, InstrumentId instrument, Side side, BigDecimal price,
                           BigDecimal quantity, BigDecimal commission, String commissionAsset, boolean maker,
                           long timeMillis) {

    /**
     * Parses one row of either market's answer.
     *
     * @param row        the JSON object
     * @param instrument the instrument the rows were asked for
     * @return the trade
     */
    public static AccountTrade of(JsonNode row, InstrumentId instrument) {
        boolean buyer = row.has("isBuyer") ? row.path("isBuyer").asBoolean() : "BUY".equals(row.path("side").asText());
        boolean maker = row.has("isMaker") ? row.path("isMaker").asBoolean() : row.path("maker").asBoolean();
        return new AccountTrade(row.path("id").asLong(), row.path("orderId").asLong(), instrument,
                buyer ? Side.BUY : Side.SELL, new BigDecimal(row.path("price").asText()),
                new BigDecimal(row.path("qty").asText()), new BigDecimal(row.path("commission").asText("0")),
                row.path("commissionAsset").asText(), maker, row.path("time").asLong());
    }

    /**
     * This trade as a fill of one of our orders; a negative commission (rebate) becomes a zero fee, since
     * {@link Fill} holds fees paid.
     *
     * @param clientOrderId the order the trade belongs to
     * @return the fill
     */
    public Fill toFill(ClientOrderId clientOrderId) {
        return new Fill(clientOrderId, instrument, side, price, quantity, commission.max(BigDecimal.ZERO),
                commissionAsset, maker ? Liquidity.MAKER : Liquidity.TAKER, timeMillis);
    }
}
