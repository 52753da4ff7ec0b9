package io.quantplug.api.instrument;

/** What kind of contract an instrument is; decides whether a short position is possible. */
public enum InstrumentKind {
    /** Spot pair: buy the base asset with the quote asset; no short positions. */
    SPOT,
    /** Perpetual swap (e.g. Binance USD-M): linear, long or short, funding every few hours. */
    PERPETUAL,
    /** Dated future: long or short until expiry. */
    FUTURE;

    /**
     * Whether a negative position is allowed.
     *
     * @return false for {@link #SPOT}
     */
    public boolean allowsShort() {
        return this != SPOT;
    }
}
