package io.quantplug.api.instrument;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies an instrument on a venue, written {@code SYMBOL.VENUE} (e.g. {@code BTCUSDT.BINANCE}).
 *
 * @param symbol the venue's symbol: upper-case letters, digits, {@code _}, {@code -}, {@code /}; 1 to 32 characters
 * @param venue  the venue code: upper-case letters, digits and {@code _}; 1 to 16 characters
 */
public record InstrumentId(String symbol, String venue) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9_/-]{1,32}");
    private static final Pattern VENUE = Pattern.compile("[A-Z0-9_]{1,16}");

    /**
     * Validates both parts.
     *
     * @param symbol the venue's symbol: upper-case letters, digits, {@code _}, {@code -}, {@code /}; 1 to 32 characters
     * @param venue the venue code: upper-case letters, digits and {@code _}; 1 to 16 characters
     * @throws IllegalArgumentException when a part does not match its pattern
     * 
     */
    public InstrumentId {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol '" + symbol + "' must match " + SYMBOL.pattern());
        }
        if (!VENUE.matcher(venue).matches()) {
            throw new IllegalArgumentException("venue '" + venue + "' must match " + VENUE.pattern());
        }
    }

    /**
     * Creates an id.
     *
     * @param symbol the symbol
     * @param venue  the venue code
     * @return the id
     */
    public static InstrumentId of(String symbol, String venue) {
        return new InstrumentId(symbol, venue);
    }

    /**
     * Parses {@code SYMBOL.VENUE}.
     *
     * @param text e.g. {@code BTCUSDT.BINANCE}
     * @return the id
     * @throws IllegalArgumentException when there is no {@code .VENUE} suffix or a part is invalid
     */
    public static InstrumentId parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("instrument id '" + text + "' must be written SYMBOL.VENUE");
        }
        return new InstrumentId(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return symbol + "." + venue;
    }
}
