package io.quantplug.api.strategy;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Side;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a strategy instance noticed in the market and tells the other instances of its session
 * ({@link StrategyContext#publish}, {@link Strategy#onObservation}): a whale trade, a whale order resting in the
 * book, a spoof. Detectors publish; any strategy may listen.
 *
 * @param kind       what was seen, lower-case words joined by {@code -}, e.g. {@link #WHALE_TRADE}
 * @param instrument the instrument, not null
 * @param side       the side it concerns: a trade's aggressor, a resting order's side; not null
 * @param price      the price, quote per base, &gt; 0
 * @param quantity   the size, base units, &gt; 0
 * @param timeMillis when it was seen, UTC epoch milliseconds (the session's clock)
 */
public record MarketObservation(String kind, InstrumentId instrument, Side side, double price, double quantity,
                                long timeMillis) {

    /** A trade many times the usual size. */
    public static final String WHALE_TRADE = "whale-trade";
    /** A resting order (a book level) many times the usual size. */
    public static final String WHALE_ORDER = "whale-order";
    /** A large resting order canceled soon without trading. */
    public static final String SPOOF = "spoof";

    private static final Pattern KIND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Validates the observation.
     *
     * @param kind       what was seen
     * @param instrument the instrument
     * @param side       the side
     * @param price      the price
     * @param quantity   the size
     * @param timeMillis when
     * @throws IllegalArgumentException when the kind is not lower-case words joined by {@code -}, or the price or
     *                                  size is not finite and positive
     */
    public MarketObservation {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("observation kind must be lower-case words joined by '-', got '"
                    + kind + "'");
        }
        if (!(price > 0) || !(quantity > 0) || !Double.isFinite(price + quantity)) {
            throw new IllegalArgumentException(kind + ": price and quantity must be finite and > 0");
        }
    }
}
