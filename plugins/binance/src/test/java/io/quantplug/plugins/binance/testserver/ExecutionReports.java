package io.quantplug.plugins.binance.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The user data stream messages Binance sends for what {@link TestVenue} did: spot {@code executionReport}, USD-M
 * {@code ORDER_TRADE_UPDATE} (fields as in Binance's "User Data Stream" documents): one {@code NEW} report when an
 * order is accepted, one {@code TRADE} report per execution (last quantity {@code l}, cumulative {@code z}, price
 * {@code L}, fee {@code n} in {@code N}, trade id {@code t}), and {@code CANCELED} or {@code EXPIRED} at the end.
 */
final class ExecutionReports {

    private final ObjectMapper json = new ObjectMapper();
    private final boolean spot;

    ExecutionReports(boolean spot) {
        this.spot = spot;
    }

    /** The reports of a new-order answer and the order's trades (as {@code myTrades} lists them). */
    List<String> ofNewOrder(JsonNode answer, JsonNode trades, long now) {
        List<String> out = new ArrayList<>();
        BigDecimal ordered = new BigDecimal(answer.path("origQty").asText("0"));
        out.add(report(answer, "NEW", "NEW", null, BigDecimal.ZERO, now));
        BigDecimal cumulative = BigDecimal.ZERO;
        for (JsonNode t : trades) {
            cumulative = cumulative.add(new BigDecimal(t.path("qty").asText()));
            out.add(report(answer, "TRADE", cumulative.compareTo(ordered) >= 0 ? "FILLED" : "PARTIALLY_FILLED", t,
                    cumulative, now));
        }
        if ("EXPIRED".equals(answer.path("status").asText())) {
            out.add(report(answer, "EXPIRED", "EXPIRED", null, cumulative, now));
        }
        return out;
    }

    /** The report of a cancel answer. */
    String ofCancel(JsonNode answer, long now) {
        return report(answer, "CANCELED", "CANCELED", null, new BigDecimal(answer.path("executedQty").asText("0")),
                now);
    }

    private String report(JsonNode answer, String execution, String status, JsonNode trade, BigDecimal cumulative,
                          long now) {
        ObjectNode o = json.createObjectNode();
        o.put("s", answer.path("symbol").asText())
                .put("c", answer.path("clientOrderId").asText())
                .put("S", answer.path("side").asText())
                .put("o", answer.path("type").asText())
                .put("f", answer.path("timeInForce").asText("GTC"))
                .put("q", answer.path("origQty").asText())
                .put("p", answer.path("price").asText("0"))
                .put("x", execution)
                .put("X", status)
                .put("i", answer.path("orderId").asLong())
                .put("l", trade == null ? "0" : trade.path("qty").asText())
                .put("z", cumulative.toPlainString())
                .put("L", trade == null ? "0" : trade.path("price").asText())
                .put("n", trade == null ? "0" : trade.path("commission").asText());
        if (trade == null) {
            o.putNull("N");
        } else {
            o.put("N", trade.path("commissionAsset").asText());
        }
        o.put("T", now).put("t", trade == null ? -1 : trade.path("id").asLong()).put("m", false);
        if (answer.has("origClientOrderId")) {
            o.put("C", answer.path("origClientOrderId").asText());
        }
        if (spot) {
            o.put("r", "NONE");
            ObjectNode report = json.createObjectNode().put("e", "executionReport").put("E", now);
            report.setAll(o);
            return report.toString();
        }
        ObjectNode update = json.createObjectNode().put("e", "ORDER_TRADE_UPDATE").put("E", now).put("T", now);
        update.set("o", o);
        return update.toString();
    }
}
