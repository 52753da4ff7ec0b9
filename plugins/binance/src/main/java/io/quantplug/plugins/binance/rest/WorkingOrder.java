package io.quantplug.plugins.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;

/**
 * An open order on the venue, from {@code GET /api/v3/openOrders} or {@code GET /fapi/v1/openOrders}.
 *
 * @param clientOrderId    the client order id it was placed with
 * @param orderId          Binance's order id (what trade rows refer to)
 * @param side             buy or sell
 * @param type             Binance's order type, e.g. {@code LIMIT}
 * @param price            limit price, quote per base (zero for market-type orders)
 * @param quantity         ordered quantity, base units
 * @param executedQuantity filled so far, base units
 * @param timeMillis       placement time, UTC epoch milliseconds
 */
public record WorkingOrder(ClientOrderId clientOrderId, long orderId, Side side, String type, BigDecimal price,
                           BigDecimal quantity, BigDecimal executedQuantity, long timeMillis) {

    /**
     * Parses one row of either market's answer.
     *
     * @param row the JSON object
     * @return the order
     */
    public static WorkingOrder of(JsonNode row) {
        return new WorkingOrder(new ClientOrderId(row.path("clientOrderId").asText()), row.path("orderId").asLong(),
                Side.valueOf(row.path("side").asText()), row.path("type").asText(),
                new BigDecimal(row.path("price").asText("0")), new BigDecimal(row.path("origQty").asText("0")),
                new BigDecimal(row.path("executedQty").asText("0")), row.path("time").asLong());
    }
}
