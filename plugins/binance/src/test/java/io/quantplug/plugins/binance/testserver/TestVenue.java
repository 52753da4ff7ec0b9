package io.quantplug.plugins.binance.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small matching engine behind {@link BinanceTestServer}: market and crossing limit orders fill at once at the
 * symbol's last price (taker fee 0.1 % of the quote amount, in the quote asset; a spot market order sized in the
 * quote asset, {@code quoteOrderQty}, buys the amount over the last price, down to the lot step); other limit orders
 * rest; IOC/FOK
 * orders that cannot fill expire. Orders are checked as Binance does, with its error codes: unknown symbol (-1121),
 * too many decimals (-1111), PRICE_FILTER / LOT_SIZE / notional filters (-1013 spot, -4164 USD-M), duplicate client
 * order id and insufficient balance (-2010 spot, -2019 USD-M), unknown order on cancel (-2011). Synchronized.
 */
public final class TestVenue {

    /** A refusal with Binance's code and message. */
    public static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Refusal(int code, String msg) {
            super(msg);
            this.code = code;
        }
    }

    private record Rules(String base, String quote, BigDecimal tick, BigDecimal step, BigDecimal minQty,
                         BigDecimal minNotional) {
    }

    private static final class Working {
        final ObjectNode order;
        Working(ObjectNode order) {
            this.order = order;
        }
    }

    private static final BigDecimal FEE_RATE = new BigDecimal("0.001");

    private final ObjectMapper json = new ObjectMapper();
    private final boolean spot;
    private final Map<String, Rules> rules = new HashMap<>();
    private final Map<String, BigDecimal> lastPrice = new HashMap<>();
    private final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
    private final Map<String, Working> open = new LinkedHashMap<>();
    private final Set<String> usedIds = new HashSet<>();
    private final List<ObjectNode> trades = new ArrayList<>();
    private long nextOrderId = 1;
    private long nextTradeId = 1;

    TestVenue(JsonNode exchangeInfo, boolean spot) {
        this.spot = spot;
        for (JsonNode s : exchangeInfo.path("symbols")) {
            BigDecimal tick = null;
            BigDecimal step = null;
            BigDecimal minQty = BigDecimal.ZERO;
            BigDecimal minNotional = BigDecimal.ZERO;
            for (JsonNode f : s.path("filters")) {
                switch (f.path("filterType").asText()) {
                    case "PRICE_FILTER" -> tick = new BigDecimal(f.path("tickSize").asText());
                    case "LOT_SIZE" -> {
                        step = new BigDecimal(f.path("stepSize").asText());
                        minQty = new BigDecimal(f.path("minQty").asText());
                    }
                    case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = new BigDecimal(
                            f.has("minNotional") ? f.path("minNotional").asText() : f.path("notional").asText());
                    default -> { }
                }
            }
            rules.put(s.path("symbol").asText(), new Rules(s.path("baseAsset").asText(),
                    s.path("quoteAsset").asText(), tick, step, minQty, minNotional));
        }
    }

    /** Sets the price market orders fill at. */
    public synchronized void setLastPrice(String symbol, String price) {
        lastPrice.put(symbol, new BigDecimal(price));
    }

    /** Sets an asset's free balance. */
    public synchronized void setBalance(String asset, String free) {
        balances.put(asset, new BigDecimal[] {new BigDecimal(free), BigDecimal.ZERO});
    }

    /** The free balance of an asset. */
    public synchronized BigDecimal free(String asset) {
        return balances.getOrDefault(asset, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0];
    }

    synchronized JsonNode newOrder(Map<String, String> p, long now) {
        String symbol = p.get("symbol");
        Rules r = rules.get(symbol);
        if (r == null) {
            throw new Refusal(-1121, "Invalid symbol.");
        }
        String id = p.getOrDefault("newClientOrderId", "auto" + nextOrderId);
        if (usedIds.contains(id)) {
            throw new Refusal(spot ? -2010 : -4015, "Duplicate order sent.");
        }
        String type = p.get("type");
        String side = p.get("side");
        BigDecimal qty = p.containsKey("quoteOrderQty") && "MARKET".equals(type)
                ? quantityFor(new BigDecimal(p.get("quoteOrderQty")), lastPrice.get(symbol), r)
                : new BigDecimal(p.get("quantity"));
        if (qty.stripTrailingZeros().scale() > 8) {
            throw new Refusal(-1111, "Precision is over the maximum defined for this asset.");
        }
        if (qty.compareTo(r.minQty) < 0 || qty.subtract(r.minQty).remainder(r.step).signum() != 0) {
            throw new Refusal(-1013, "Filter failure: LOT_SIZE");
        }
        BigDecimal last = lastPrice.get(symbol);
        BigDecimal price = "LIMIT".equals(type) ? new BigDecimal(p.get("price")) : last;
        if ("LIMIT".equals(type) && price.remainder(r.tick).signum() != 0) {
            throw new Refusal(-1013, "Filter failure: PRICE_FILTER");
        }
        if (price.multiply(qty).compareTo(r.minNotional) < 0) {
            throw spot ? new Refusal(-1013, "Filter failure: NOTIONAL")
                    : new Refusal(-4164, "Order's notional must be no smaller than " + r.minNotional.toPlainString()
                    + " (unless you choose reduce only).");
        }
        boolean buy = "BUY".equals(side);
        String payAsset = buy || !spot ? r.quote : r.base;
        BigDecimal needed = buy || !spot ? price.multiply(qty) : qty;
        if (free(payAsset).compareTo(needed) < 0) {
            throw spot ? new Refusal(-2010, "Account has insufficient balance for requested action.")
                    : new Refusal(-2019, "Margin is insufficient.");
        }
        usedIds.add(id);
        long orderId = nextOrderId++;
        boolean crosses = "MARKET".equals(type) || buy && price.compareTo(last) >= 0 || !buy && price.compareTo(last) <= 0;
        String tif = p.getOrDefault("timeInForce", "GTC");
        ObjectNode answer = json.createObjectNode();
        answer.put("symbol", symbol).put("orderId", orderId).put("clientOrderId", id);
        if (spot) {
            answer.put("orderListId", -1).put("transactTime", now);
        } else {
            answer.put("updateTime", now);
        }
        answer.put("price", "LIMIT".equals(type) ? price.toPlainString() : "0").put("origQty", qty.toPlainString())
                .put("timeInForce", tif).put("type", type).put("side", side);
        ArrayNode fills = json.createArrayNode();
        if (crosses) {
            ObjectNode trade = trade(symbol, orderId, id, buy, last, qty, r, now);
            fills.add(json.createObjectNode().put("price", last.toPlainString()).put("qty", qty.toPlainString())
                    .put("commission", trade.path("commission").asText()).put("commissionAsset", r.quote)
                    .put("tradeId", trade.path("id").asLong()));
            answer.put("executedQty", qty.toPlainString()).put("status", "FILLED");
            answer.put(spot ? "cummulativeQuoteQty" : "cumQuote", last.multiply(qty).toPlainString());
            if (!spot) {
                answer.put("avgPrice", last.toPlainString());
            }
        } else if (!"GTC".equals(tif)) {
            answer.put("executedQty", "0").put("status", "EXPIRED");
        } else {
            answer.put("executedQty", "0").put("status", "NEW").put("time", now);
            lock(payAsset, needed);
            ObjectNode resting = answer.deepCopy();
            resting.put("lockedAsset", payAsset).put("lockedAmount", needed.toPlainString());
            open.put(id, new Working(resting));
        }
        if (spot) {
            answer.set("fills", fills);
        }
        return answer;
    }

    /** A spot market order's quantity for a quote amount: the amount over the last price, down to the step. */
    private static BigDecimal quantityFor(BigDecimal quote, BigDecimal last, Rules r) {
        BigDecimal steps = quote.divide(last.multiply(r.step), 0, RoundingMode.DOWN);
        return steps.multiply(r.step).stripTrailingZeros();
    }

    private ObjectNode trade(String symbol, long orderId, String clientId, boolean buy, BigDecimal price,
                             BigDecimal qty, Rules r, long now) {
        BigDecimal quote = price.multiply(qty);
        BigDecimal fee = quote.multiply(FEE_RATE).setScale(8, RoundingMode.HALF_UP);
        if (spot) {
            add(r.base, buy ? qty : qty.negate());
            add(r.quote, buy ? quote.negate().subtract(fee) : quote.subtract(fee));
        } else {
            add(r.quote, fee.negate());
        }
        ObjectNode t = json.createObjectNode();
        t.put("symbol", symbol).put("id", nextTradeId++).put("orderId", orderId).put("price", price.toPlainString())
                .put("qty", qty.toPlainString()).put("quoteQty", quote.toPlainString())
                .put("commission", fee.toPlainString()).put("commissionAsset", r.quote).put("time", now);
        if (spot) {
            t.put("orderListId", -1).put("isBuyer", buy).put("isMaker", false).put("isBestMatch", true);
        } else {
            t.put("side", buy ? "BUY" : "SELL").put("buyer", buy).put("maker", false).put("realizedPnl", "0")
                    .put("marginAsset", r.quote).put("positionSide", "BOTH");
        }
        t.put("clientOrderIdForTests", clientId);
        trades.add(t);
        return t;
    }

    private void add(String asset, BigDecimal delta) {
        BigDecimal[] b = balances.computeIfAbsent(asset, a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        b[0] = b[0].add(delta);
    }

    private void lock(String asset, BigDecimal amount) {
        BigDecimal[] b = balances.get(asset);
        b[0] = b[0].subtract(amount);
        b[1] = b[1].add(amount);
    }

    synchronized JsonNode cancel(Map<String, String> p, long now) {
        Working w = open.remove(p.get("origClientOrderId"));
        if (w == null || !w.order.path("symbol").asText().equals(p.get("symbol"))) {
            throw new Refusal(-2011, "Unknown order sent.");
        }
        BigDecimal[] b = balances.get(w.order.path("lockedAsset").asText());
        BigDecimal amount = new BigDecimal(w.order.path("lockedAmount").asText());
        b[1] = b[1].subtract(amount);
        b[0] = b[0].add(amount);
        ObjectNode answer = w.order.deepCopy();
        answer.remove(List.of("lockedAsset", "lockedAmount", "time"));
        answer.put("status", "CANCELED").put("origClientOrderId", p.get("origClientOrderId"));
        answer.put(spot ? "transactTime" : "updateTime", now);
        return answer;
    }

    synchronized JsonNode openOrders(String symbol) {
        ArrayNode out = json.createArrayNode();
        open.values().stream().filter(w -> w.order.path("symbol").asText().equals(symbol)).forEach(w -> {
            ObjectNode o = w.order.deepCopy();
            o.remove(List.of("lockedAsset", "lockedAmount"));
            out.add(o);
        });
        return out;
    }

    synchronized JsonNode account() {
        ArrayNode list = json.createArrayNode();
        balances.forEach((asset, b) -> list.add(json.createObjectNode().put("asset", asset)
                .put("free", b[0].toPlainString()).put("locked", b[1].toPlainString())));
        if (spot) {
            ObjectNode account = json.createObjectNode().put("canTrade", true).put("accountType", "SPOT");
            account.set("balances", list);
            return account;
        }
        ArrayNode out = json.createArrayNode();
        balances.forEach((asset, b) -> out.add(json.createObjectNode().put("accountAlias", "test").put("asset", asset)
                .put("balance", b[0].add(b[1]).toPlainString()).put("availableBalance", b[0].toPlainString())));
        return out;
    }

    synchronized JsonNode trades(Map<String, String> p) {
        long fromId = Long.parseLong(p.getOrDefault("fromId", "0"));
        long orderId = Long.parseLong(p.getOrDefault("orderId", "-1"));
        int limit = Integer.parseInt(p.getOrDefault("limit", "500"));
        ArrayNode out = json.createArrayNode();
        for (ObjectNode t : trades) {
            if (out.size() < limit && t.path("symbol").asText().equals(p.get("symbol")) && t.path("id").asLong() >= fromId
                    && (orderId < 0 || t.path("orderId").asLong() == orderId)) {
                ObjectNode copy = t.deepCopy();
                copy.remove("clientOrderIdForTests");
                out.add(copy);
            }
        }
        return out;
    }
}
