package io.quantplug.plugins.binance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Binance market streams {@link BinanceAdapter#connectRaw} records per symbol, by the names Binance's "WebSocket
 * Streams" (spot) and "Websocket Market Streams" (USD&#9416;-M futures) documents give them.
 *
 * <p>The diff-depth stream is subscribed as {@code <symbol>@depth@100ms}, the fastest update speed both documents
 * list; the shared 2024-08-08 recordings used it for spot, and the undocumented {@code @depth@0ms} for futures.
 */
public enum RawStreamKind {
    /** {@code <symbol>@trade}: every trade. */
    TRADE("trade", "@trade"),
    /** {@code <symbol>@aggTrade}: trades aggregated by taker order and price. */
    AGG_TRADE("aggTrade", "@aggTrade"),
    /** {@code <symbol>@depth@100ms}: the diff-depth stream, to be applied to a REST snapshot. */
    DEPTH("depth", "@depth@100ms"),
    /** {@code <symbol>@bookTicker}: every change of the best bid or ask. */
    BOOK_TICKER("bookTicker", "@bookTicker");

    private final String label;
    private final String suffix;

    RawStreamKind(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    /**
     * The name users give, as Binance writes it.
     *
     * @return e.g. {@code bookTicker}
     */
    public String label() {
        return label;
    }

    /**
     * The stream to subscribe for a symbol.
     *
     * @param symbol the symbol in any case, e.g. {@code BTCUSDT}
     * @return e.g. {@code btcusdt@depth@100ms}
     */
    public String streamName(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + suffix;
    }

    /**
     * Reads stream names (case-insensitive), keeping their order and dropping repeats.
     *
     * @param names e.g. {@code [trade, depth, bookTicker]}
     * @return the kinds, at least one
     * @throws IllegalArgumentException naming {@code streams} and the allowed names when a name is unknown or none
     *                                  is given
     */
    public static List<RawStreamKind> parse(List<String> names) {
        List<RawStreamKind> out = new ArrayList<>();
        for (String name : names) {
            RawStreamKind kind = byLabel(name.strip());
            if (kind == null) {
                throw new IllegalArgumentException("streams: unknown stream '" + name + "'; allowed: " + allowed());
            }
            if (!out.contains(kind)) {
                out.add(kind);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("streams: name at least one of " + allowed());
        }
        return List.copyOf(out);
    }

    private static RawStreamKind byLabel(String name) {
        for (RawStreamKind k : values()) {
            if (k.label.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The names {@link #parse} accepts, for messages.
     *
     * @return {@code trade, aggTrade, depth, bookTicker}
     */
    public static String allowed() {
        List<String> labels = new ArrayList<>();
        for (RawStreamKind k : values()) {
            labels.add(k.label);
        }
        return String.join(", ", labels);
    }
}
