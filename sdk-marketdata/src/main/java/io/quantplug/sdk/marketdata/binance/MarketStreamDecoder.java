package io.quantplug.sdk.marketdata.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quantplug.sdk.book.DepthUpdate;

import java.io.IOException;
import java.util.Objects;

/**
 * Decodes one Binance market-stream message with Jackson's streaming parser into reusable fields, building no
 * tree and (for depth updates) no objects: the levels go straight into one reused {@link DepthUpdate}.
 *
 * <p>Accepted shapes: the combined-stream envelope {@code {"stream":"btcusdt@depth@100ms","data":{...}}} (spot,
 * USD&#9416;-M, COIN-M) and the bare payload of a raw {@code /ws/} stream. Payload fields follow Binance's "WebSocket
 * Streams" (spot) and "Websocket Market Streams" (futures) documents: {@code depthUpdate} ({@code E, T, s, U, u, pu,
 * b, a}), {@code trade} ({@code t, p, q, T, m}), {@code aggTrade} ({@code a} = aggregate id), {@code bookTicker}
 * ({@code u, b, B, a, A}), {@code kline} ({@code k}: {@code t, i, o, h, l, c, v, x}). Single-letter names are
 * reused with other meanings ({@code a} is the asks array, the best ask or the aggregate trade id), so a value is
 * read by its JSON type. Unknown fields are skipped.
 *
 * <p>After {@link #decode} the accessors describe the last message; they are overwritten by the next call. A price
 * or quantity the message did not carry reads as {@code NaN} (never as the previous message's value), so a consumer
 * that checks {@code > 0} refuses it. The file is over the usual length because each message kind's accessors are
 * the fields of the one streaming pass that fills them; split, the pass would hand its fields across classes.
 * Not thread-safe: one decoder per stream thread.
 */
public final class MarketStreamDecoder {

    private final JsonFactory factory;
    private final DepthUpdate depth = new DepthUpdate();
    private final String[] symbols = new String[8];
    private int symbolCount;

    private String eventType;
    private String symbol;
    private long eventTimeMillis;
    private long tradeTimeMillis;
    private long updateId;
    private long tradeId;
    private long aggregateId;
    private double price;
    private double quantity;
    private boolean buyerMaker;
    private double bestBid;
    private double bestBidQty;
    private double bestAsk;
    private double bestAskQty;
    private boolean levelsAreStrings;
    private long klineOpenTime;
    private String klineInterval;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private boolean klineClosed;
    private boolean hasData;

    /**
     * A decoder.
     *
     * @param factory Jackson's factory (thread-safe, shared), not null
     */
    public MarketStreamDecoder(JsonFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Decodes one message.
     *
     * @param text the message text, not null
     * @return its kind; {@link MarketMessageKind#OTHER} for messages this decoder does not use
     * @throws MalformedStreamMessageException if the text is not JSON or a number field is not a number
     */
    public MarketMessageKind decode(String text) {
        clear();
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedStreamMessageException("not a JSON object", text);
            }
            readObject(p, true);
        } catch (IOException | NumberFormatException e) {
            throw new MalformedStreamMessageException(e.getMessage(), text);
        }
        return kind();
    }

    private void clear() {
        eventType = null;
        symbol = null;
        eventTimeMillis = 0;
        tradeTimeMillis = 0;
        updateId = 0;
        tradeId = -1;
        aggregateId = -1;
        levelsAreStrings = false;
        klineInterval = null;
        klineClosed = false;
        hasData = false;
        price = Double.NaN;
        quantity = Double.NaN;
        bestBid = Double.NaN;
        bestBidQty = Double.NaN;
        bestAsk = Double.NaN;
        bestAskQty = Double.NaN;
        depth.reset();
    }

    private MarketMessageKind kind() {
        if (eventType == null) {
            return levelsAreStrings && updateId != 0 ? MarketMessageKind.BOOK_TICKER : MarketMessageKind.OTHER;
        }
        switch (eventType) {
            case "depthUpdate":
                return MarketMessageKind.DEPTH_UPDATE;
            case "trade":
                return MarketMessageKind.TRADE;
            case "aggTrade":
                return MarketMessageKind.AGG_TRADE;
            case "bookTicker":
                return MarketMessageKind.BOOK_TICKER;
            case "kline":
                return klineInterval == null ? MarketMessageKind.OTHER : MarketMessageKind.KLINE;
            default:
                return MarketMessageKind.OTHER;
        }
    }

    private void readObject(JsonParser p, boolean topLevel) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (topLevel && name.equals("data") && t == JsonToken.START_OBJECT) {
                hasData = true;
                readObject(p, false);
                continue;
            }
            if (topLevel && name.equals("stream")) {
                continue;
            }
            readField(p, name, t);
        }
    }

    private void readField(JsonParser p, String name, JsonToken t) throws IOException {
        if (name.length() == 1) {
            switch (name.charAt(0)) {
                case 'e' -> eventType = eventType(p);
                case 'E' -> eventTimeMillis = p.getLongValue();
                case 'T' -> tradeTimeMillis = p.getLongValue();
                case 's' -> symbol = symbol(p);
                case 'U' -> depth.firstUpdateId(p.getLongValue());
                case 'u' -> {
                    updateId = p.getLongValue();
                    depth.finalUpdateId(updateId);
                }
                case 't' -> tradeId = p.getLongValue();
                case 'p' -> price = decimal(p);
                case 'q' -> quantity = decimal(p);
                case 'm' -> buyerMaker = t == JsonToken.VALUE_TRUE;
                case 'b' -> {
                    if (t == JsonToken.START_ARRAY) {
                        readLevels(p, true);
                    } else if (t == JsonToken.VALUE_STRING) {
                        levelsAreStrings = true;
                        bestBid = decimal(p);
                    }
                }
                case 'a' -> {
                    if (t == JsonToken.START_ARRAY) {
                        readLevels(p, false);
                    } else if (t == JsonToken.VALUE_STRING) {
                        levelsAreStrings = true;
                        bestAsk = decimal(p);
                    } else if (t == JsonToken.VALUE_NUMBER_INT) {
                        aggregateId = p.getLongValue();
                    }
                }
                case 'B' -> bestBidQty = decimal(p);
                case 'A' -> bestAskQty = decimal(p);
                case 'k' -> readKline(p, t);
                default -> p.skipChildren();
            }
        } else if (name.equals("pu")) {
            depth.previousFinalUpdateId(p.getLongValue());
        } else {
            p.skipChildren();
        }
    }

    private void readLevels(JsonParser p, boolean bids) throws IOException {
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            double levelPrice = decimal(p);
            p.nextToken();
            double levelQty = decimal(p);
            if (bids) {
                depth.addBid(levelPrice, levelQty);
            } else {
                depth.addAsk(levelPrice, levelQty);
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
        }
    }

    private void readKline(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "t" -> klineOpenTime = p.getLongValue();
                case "i" -> klineInterval = p.getText();
                case "o" -> open = decimal(p);
                case "h" -> high = decimal(p);
                case "l" -> low = decimal(p);
                case "c" -> close = decimal(p);
                case "v" -> volume = decimal(p);
                case "x" -> klineClosed = v == JsonToken.VALUE_TRUE;
                default -> p.skipChildren();
            }
        }
    }

    private static double decimal(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return DecimalText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return p.getDoubleValue();
    }

    private static final String[] EVENT_TYPES = {"depthUpdate", "bookTicker", "trade", "aggTrade", "kline"};

    /** The event type, as one of the known constants when it is one (no allocation), else as new text. */
    private static String eventType(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        for (String known : EVENT_TYPES) {
            if (same(known, chars, off, len)) {
                return known;
            }
        }
        return p.getText();
    }

    private static boolean same(String s, char[] chars, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != chars[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** The symbol as a String, reusing the last few seen so that a stream of one symbol allocates none. */
    private String symbol(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        for (int i = 0; i < symbolCount; i++) {
            String s = symbols[i];
            if (same(s, chars, off, len)) {
                return s;
            }
        }
        String s = new String(chars, off, len);
        symbols[symbolCount % symbols.length] = s;
        symbolCount = Math.min(symbolCount + 1, symbols.length);
        return s;
    }

    /**
     * The event type ({@code e}) of the last message.
     *
     * @return the type, or null when the payload had none (spot {@code bookTicker})
     */
    public String eventType() {
        return eventType;
    }

    /**
     * Whether the last message came in a combined-stream envelope.
     *
     * @return true for {@code {"stream":..,"data":..}}
     */
    public boolean enveloped() {
        return hasData;
    }

    /**
     * The symbol ({@code s}) of the last message, as Binance writes it (upper case, e.g. {@code BTCUSDT}).
     *
     * @return the symbol, or null if absent
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The event time ({@code E}).
     *
     * @return UTC epoch milliseconds, 0 if absent
     */
    public long eventTimeMillis() {
        return eventTimeMillis;
    }

    /**
     * The trade or transaction time ({@code T}).
     *
     * @return UTC epoch milliseconds, 0 if absent
     */
    public long tradeTimeMillis() {
        return tradeTimeMillis;
    }

    /**
     * The levels and ids of the last {@link MarketMessageKind#DEPTH_UPDATE}; reused by the next call.
     *
     * @return the update held by this decoder
     */
    public DepthUpdate depthUpdate() {
        return depth;
    }

    /**
     * The order-book update id ({@code u}) of a {@code bookTicker} (or the final id of a depth update).
     *
     * @return the id, 0 if absent
     */
    public long updateId() {
        return updateId;
    }

    /**
     * The trade id ({@code t}) of a trade, or the aggregate trade id ({@code a}) of an {@code aggTrade}.
     *
     * @return the id, -1 if absent
     */
    public long tradeId() {
        // a spot trade also has a number in "a" (the seller's order id): only an aggTrade's "a" is its id
        return "aggTrade".equals(eventType) ? aggregateId : tradeId;
    }

    /**
     * The trade price ({@code p}).
     *
     * @return quote currency per unit; NaN if absent
     */
    public double price() {
        return price;
    }

    /**
     * The trade quantity ({@code q}).
     *
     * @return base units (contracts on COIN-M); NaN if absent
     */
    public double quantity() {
        return quantity;
    }

    /**
     * Whether the buyer was the maker ({@code m}), i.e. the seller was the aggressor.
     *
     * @return true if the taker sold
     */
    public boolean buyerMaker() {
        return buyerMaker;
    }

    /**
     * Best bid price of a {@code bookTicker} ({@code b}).
     *
     * @return the price; NaN if absent
     */
    public double bestBidPrice() {
        return bestBid;
    }

    /**
     * Best bid quantity of a {@code bookTicker} ({@code B}).
     *
     * @return the quantity; NaN if absent
     */
    public double bestBidQuantity() {
        return bestBidQty;
    }

    /**
     * Best ask price of a {@code bookTicker} ({@code a}).
     *
     * @return the price; NaN if absent
     */
    public double bestAskPrice() {
        return bestAsk;
    }

    /**
     * Best ask quantity of a {@code bookTicker} ({@code A}).
     *
     * @return the quantity; NaN if absent
     */
    public double bestAskQuantity() {
        return bestAskQty;
    }

    /**
     * The kline's open time ({@code k.t}).
     *
     * @return UTC epoch milliseconds
     */
    public long klineOpenTimeMillis() {
        return klineOpenTime;
    }

    /**
     * The kline's interval ({@code k.i}), e.g. {@code 1m}.
     *
     * @return the interval text, or null if the last message was no kline
     */
    public String klineInterval() {
        return klineInterval;
    }

    /**
     * Whether the kline is closed ({@code k.x}); in-progress klines are not bars yet.
     *
     * @return true if final
     */
    public boolean klineClosed() {
        return klineClosed;
    }

    /**
     * Kline open price ({@code k.o}).
     *
     * @return the price
     */
    public double open() {
        return open;
    }

    /**
     * Kline high price ({@code k.h}).
     *
     * @return the price
     */
    public double high() {
        return high;
    }

    /**
     * Kline low price ({@code k.l}).
     *
     * @return the price
     */
    public double low() {
        return low;
    }

    /**
     * Kline close price ({@code k.c}).
     *
     * @return the price
     */
    public double close() {
        return close;
    }

    /**
     * Kline base-asset volume ({@code k.v}).
     *
     * @return the volume
     */
    public double volume() {
        return volume;
    }
}
