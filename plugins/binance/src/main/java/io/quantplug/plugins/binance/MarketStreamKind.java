package io.quantplug.plugins.binance;

import io.quantplug.api.param.InvalidParameterException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The market streams {@link BinanceAdapter#connect} can subscribe to per instrument, chosen with the adapter
 * parameter {@code streams} (comma-separated, e.g. {@code kline,trade,depth}).
 */
public enum MarketStreamKind {
    /** {@code <symbol>@kline_<interval>}: closed klines become bars (only when a timeframe is given). */
    KLINE,
    /** {@code <symbol>@trade}: every trade becomes a trade tick. */
    TRADE,
    /** {@code <symbol>@depth@100ms}: the diff-depth stream kept as a local order book. */
    DEPTH;

    /**
     * Reads the {@code streams} parameter.
     *
     * @param text comma-separated names, case-insensitive: {@code kline}, {@code trade}, {@code depth}
     * @return the kinds named, at least one
     * @throws InvalidParameterException naming {@code streams} and the allowed names when a name is unknown or
     *                                   none is given
     */
    public static Set<MarketStreamKind> parse(String text) {
        EnumSet<MarketStreamKind> out = EnumSet.noneOf(MarketStreamKind.class);
        for (String part : text.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("streams", "parameter 'streams' = '" + text
                        + "': unknown stream '" + name + "'; allowed: kline, trade, depth (comma-separated)");
            }
        }
        if (out.isEmpty()) {
            throw new InvalidParameterException("streams", "parameter 'streams' = '" + text
                    + "' names no stream; allowed: kline, trade, depth (comma-separated)");
        }
        return Set.copyOf(out);
    }
}
