package io.quantplug.sdk.orderflow;

/**
 * Whether a completed footprint bar shows absorption: heavy aggressive volume on one side that passive orders took
 * without letting the price progress (see {@link Footprint} for the exact test).
 */
public enum Absorption {
    /** No absorption: the bar's volume was not heavy, the price progressed, or the delta and the move agree. */
    NONE,
    /** Passive bids absorbed aggressive selling: the bar's delta is negative, yet it closed at or above its open. */
    BID_ABSORPTION,
    /** Passive offers absorbed aggressive buying: the bar's delta is positive, yet it closed at or below its open. */
    ASK_ABSORPTION
}
