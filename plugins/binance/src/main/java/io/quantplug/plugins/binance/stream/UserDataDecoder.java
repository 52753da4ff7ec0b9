package io.quantplug.plugins.binance.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.api.exchange.Balance;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes Binance user data stream messages into order events and balances, exact decimals throughout.
 *
 * <p>Accepted envelopes: bare payloads ({@code /ws/<listenKey>}), the combined-stream envelope
 * ({@code {"stream":..,"data":..}}) and the WebSocket-API subscription envelope
 * ({@code {"subscriptionId":..,"event":..}}). Events, after Binance's spot "User Data Stream" and USD&#9416;-M "User
 * Data Streams" documents:
 * <ul>
 *   <li>spot {@code executionReport} and USD&#9416;-M {@code ORDER_TRADE_UPDATE} (fields under {@code o}), by execution
 *       type {@code x}: {@code NEW} &rarr; {@link OrderAccepted}; {@code TRADE} (and futures {@code CALCULATED},
 *       a liquidation fill) &rarr; {@link OrderFilled} with a {@link Fill} of last quantity {@code l} at last price
 *       {@code L}, fee {@code n} in {@code N}, maker if {@code m}, and remaining {@code q - z};
 *       {@code CANCELED} &rarr; {@link OrderCanceled}; {@code EXPIRED} and {@code TRADE_PREVENTION} &rarr;
 *       {@link OrderExpired}; {@code REJECTED} &rarr; {@link OrderRejected} with source {@code VENUE} and the
 *       reject reason {@code r} as code. Other types (e.g. {@code REPLACED}, {@code AMENDMENT}) are ignored.
 *       Times are the transaction time {@code T}.</li>
 *   <li>The client order id is the original one ({@code C}, which Binance fills on cancels) when present, else
 *       {@code c}; an order without one (placed elsewhere) gets {@code binance-<orderId>}.</li>
 *   <li>spot {@code outboundAccountPosition} &rarr; balances ({@code f} free, {@code l} locked);
 *       {@code balanceUpdate} &rarr; a balance delta {@code d}; USD&#9416;-M {@code ACCOUNT_UPDATE} &rarr; balances
 *       with the wallet balance {@code wb} as free and zero locked (the event carries no split).</li>
 *   <li>{@code listenKeyExpired} &rarr; {@link UserDataListener#onListenKeyExpired()}.</li>
 * </ul>
 *
 * <p>Failures: malformed JSON, a missing field, or a fill the platform refuses (zero price or quantity, as Binance
 * sends for some trade reports) is reported to {@link UserDataListener#onUnusable} and produces no event; the
 * stream goes on. User data is a few messages a second at most, so a JSON tree per message is fine here.
 * Thread-safe (stateless).
 */
public final class UserDataDecoder {

    private final ObjectMapper mapper;
    private final String venue;

    /**
     * A decoder.
     *
     * @param mapper Jackson's mapper, not null
     * @param venue  the venue part of instrument ids, e.g. {@code BINANCE}
     */
    public UserDataDecoder(ObjectMapper mapper, String venue) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.venue = Objects.requireNonNull(venue, "venue");
    }

    /**
     * Decodes one message and tells the listener what it found.
     *
     * @param text     the message text
     * @param listener the receiver, not null
     */
    public void decode(String text, UserDataListener listener) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            listener.onUnusable("user data message is not JSON: " + e.getOriginalMessage());
            return;
        }
        JsonNode event = root.has("data") ? root.get("data") : root.has("event") ? root.get("event") : root;
        String type = event.path("e").asText("");
        try {
            switch (type) {
                case "executionReport" -> order(event, event.path("T").asLong(), listener);
                case "ORDER_TRADE_UPDATE" -> order(event.path("o"), event.path("o").path("T").asLong(), listener);
                case "outboundAccountPosition" -> listener.onBalances(spotBalances(event), event.path("E").asLong());
                case "balanceUpdate" -> listener.onBalanceDelta(text(event, "a"), decimal(event, "d"),
                        event.path("T").asLong());
                case "ACCOUNT_UPDATE" -> listener.onBalances(futuresBalances(event), event.path("E").asLong());
                case "listenKeyExpired" -> listener.onListenKeyExpired();
                default -> { }
            }
        } catch (IllegalArgumentException e) {
            listener.onUnusable(type + " " + event.path("i").asText(event.path("o").path("i").asText(""))
                    + ": " + e.getMessage());
        }
    }

    private void order(JsonNode o, long time, UserDataListener listener) {
        InstrumentId instrument = InstrumentId.of(text(o, "s"), venue);
        ClientOrderId id = clientOrderId(o);
        switch (o.path("x").asText("")) {
            case "NEW" -> listener.onOrderEvent(new OrderAccepted(id, instrument, time));
            case "TRADE", "CALCULATED" -> {
                BigDecimal quantity = decimal(o, "l");
                BigDecimal price = decimal(o, "L");
                if (quantity.signum() <= 0 || price.signum() <= 0) {
                    throw new IllegalArgumentException("trade report of " + id + " with last quantity " + quantity
                            + " and last price " + price + " is no usable fill");
                }
                JsonNode feeAsset = o.path("N");
                BigDecimal fee = o.path("n").isNull() || o.path("n").isMissingNode() ? BigDecimal.ZERO
                        : decimal(o, "n");
                Fill fill = new Fill(id, instrument, Side.valueOf(text(o, "S")), price, quantity, fee,
                        feeAsset.isTextual() ? feeAsset.asText() : "",
                        o.path("m").asBoolean() ? Liquidity.MAKER : Liquidity.TAKER, time);
                listener.onOrderEvent(new OrderFilled(fill, decimal(o, "q").subtract(decimal(o, "z"))));
            }
            case "CANCELED" -> listener.onOrderEvent(new OrderCanceled(id, instrument, time));
            case "EXPIRED", "TRADE_PREVENTION" -> listener.onOrderEvent(new OrderExpired(id, instrument, time));
            case "REJECTED" -> {
                String reason = o.path("r").asText("NONE");
                listener.onOrderEvent(new OrderRejected(id, instrument, time, new RejectReason(RejectSource.VENUE,
                        reason.matches("[A-Z][A-Z0-9_]{0,63}") ? reason : "VENUE_REJECTED",
                        "Binance rejected the order: " + reason, null)));
            }
            default -> { }
        }
    }

    private static ClientOrderId clientOrderId(JsonNode o) {
        String original = o.path("C").asText("");
        String id = original.isEmpty() ? o.path("c").asText("") : original;
        return new ClientOrderId(id.isEmpty() ? "binance-" + o.path("i").asText() : id);
    }

    private static List<Balance> spotBalances(JsonNode event) {
        List<Balance> out = new ArrayList<>();
        for (JsonNode b : event.path("B")) {
            out.add(new Balance(text(b, "a"), decimal(b, "f"), decimal(b, "l")));
        }
        return out;
    }

    private static List<Balance> futuresBalances(JsonNode event) {
        List<Balance> out = new ArrayList<>();
        for (JsonNode b : event.path("a").path("B")) {
            out.add(new Balance(text(b, "a"), decimal(b, "wb"), BigDecimal.ZERO));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field " + field + " missing or not text");
        }
        return v.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String t = text(node, field);
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + field + " is not a decimal: " + t);
        }
    }
}
