package io.quantplug.plugins.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates between our {@link Order}s and Binance's new-order request and answer (spot {@code POST /api/v3/order},
 * USD&#9416;-M {@code POST /fapi/v1/order}).
 *
 * <p>Request: {@code newClientOrderId} is our {@link io.quantplug.api.order.ClientOrderId}. A {@link LimitOrder} is
 * {@code LIMIT} with {@code timeInForce} GTC/IOC/FOK; a {@link MarketOrder} is {@code MARKET} with
 * {@code quantity}, or on spot {@code quoteOrderQty} for a quote-sized order; a {@link StopOrder} is spot
 * {@code STOP_LOSS} / USD&#9416;-M {@code STOP_MARKET} with {@code stopPrice}. Binance has no DAY time in force,
 * and USD&#9416;-M no quote-sized market orders: such orders are refused before sending
 * ({@link RejectSource#VALIDATION}).
 *
 * <p>Answer (order {@code status}, Binance "ENUM definitions: Order status"): {@code NEW} becomes
 * {@link OrderAccepted}; {@code PARTIALLY_FILLED}/{@code FILLED} add one {@link OrderFilled} per execution;
 * {@code EXPIRED}/{@code EXPIRED_IN_MATCH} end with {@link OrderExpired}, {@code CANCELED} with
 * {@link OrderCanceled}, {@code REJECTED} is {@link OrderRejected}. Executions in a new-order answer took liquidity:
 * they are {@link Liquidity#TAKER} fills.
 */
public final class OrderAnswers {

    private OrderAnswers() {
    }

    /**
     * Why an order cannot be sent to Binance as it is, or null when it can.
     *
     * @param order  the order
     * @param market the market it goes to
     * @return the validation reason, or null
     */
    public static RejectReason unsupported(Order order, BinanceMarket market) {
        if (order.timeInForce() == TimeInForce.DAY) {
            return new RejectReason(RejectSource.VALIDATION, "UNSUPPORTED_TIME_IN_FORCE",
                    "Binance has no DAY time in force; use GTC, IOC or FOK", null);
        }
        if (market == BinanceMarket.USDM && order.size() instanceof OrderSize.Quote) {
            return new RejectReason(RejectSource.VALIDATION, "UNSUPPORTED_ORDER_SIZE",
                    "USD-M futures take no quote-sized market orders; give a base quantity", null);
        }
        return null;
    }

    /**
     * The query parameters of a new order (without timestamp, recvWindow and signature).
     *
     * @param order  the order, already on the tick and lot grid
     * @param market the market
     * @return the parameters in order
     */
    public static Map<String, String> request(Order order, BinanceMarket market) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", order.instrument().symbol());
        p.put("side", order.side().name());
        if (order instanceof LimitOrder limit) {
            p.put("type", "LIMIT");
            p.put("timeInForce", limit.timeInForce().name());
            p.put("quantity", limit.quantity().toPlainString());
            p.put("price", limit.limitPrice().toPlainString());
        } else if (order instanceof MarketOrder marketOrder) {
            p.put("type", "MARKET");
            if (marketOrder.size() instanceof OrderSize.Quote quote) {
                p.put("quoteOrderQty", quote.notional().toPlainString());
            } else {
                p.put("quantity", ((OrderSize.Base) marketOrder.size()).quantity().toPlainString());
            }
        } else {
            StopOrder stop = (StopOrder) order;
            p.put("type", market == BinanceMarket.SPOT ? "STOP_LOSS" : "STOP_MARKET");
            p.put("quantity", stop.quantity().toPlainString());
            p.put("stopPrice", stop.stopPrice().toPlainString());
        }
        p.put("newClientOrderId", order.clientOrderId().value());
        p.put("newOrderRespType", market == BinanceMarket.SPOT ? "FULL" : "RESULT");
        return p;
    }

    /**
     * The events a new-order answer means.
     *
     * @param order  the order sent
     * @param answer Binance's answer
     * @param fills  the executions: the answer's {@code fills} (spot), or the order's account trades (USD&#9416;-M,
     *               whose answer has none)
     * @return the events in order
     */
    public static List<OrderEvent> events(Order order, JsonNode answer, List<Fill> fills) {
        long time = answer.has("transactTime") ? answer.path("transactTime").asLong()
                : answer.path("updateTime").asLong();
        String status = answer.path("status").asText();
        List<OrderEvent> events = new ArrayList<>();
        if ("REJECTED".equals(status)) {
            events.add(new OrderRejected(order.clientOrderId(), order.instrument(), time,
                    new RejectReason(RejectSource.VENUE, "ORDER_REJECTED", "Binance answered status REJECTED",
                            null)));
            return events;
        }
        events.add(new OrderAccepted(order.clientOrderId(), order.instrument(), time));
        BigDecimal ordered = new BigDecimal(answer.path("origQty").asText("0"));
        BigDecimal filled = BigDecimal.ZERO;
        for (Fill fill : fills) {
            filled = filled.add(fill.quantity());
            events.add(new OrderFilled(fill, ordered.subtract(filled).max(BigDecimal.ZERO)));
        }
        switch (status) {
            case "EXPIRED", "EXPIRED_IN_MATCH" ->
                    events.add(new OrderExpired(order.clientOrderId(), order.instrument(), time));
            case "CANCELED" -> events.add(new OrderCanceled(order.clientOrderId(), order.instrument(), time));
            default -> {
                // NEW, PARTIALLY_FILLED, FILLED: nothing more to say
            }
        }
        return events;
    }

    /**
     * The executions listed in a spot FULL answer.
     *
     * @param order  the order sent
     * @param answer Binance's answer
     * @return one taker fill per entry of {@code fills}
     */
    public static List<Fill> spotFills(Order order, JsonNode answer) {
        List<Fill> fills = new ArrayList<>();
        long time = answer.path("transactTime").asLong();
        for (JsonNode f : answer.path("fills")) {
            fills.add(new Fill(order.clientOrderId(), order.instrument(), order.side(),
                    new BigDecimal(f.path("price").asText()), new BigDecimal(f.path("qty").asText()),
                    new BigDecimal(f.path("commission").asText("0")).max(BigDecimal.ZERO),
                    f.path("commissionAsset").asText(), Liquidity.TAKER, time));
        }
        return fills;
    }
}
