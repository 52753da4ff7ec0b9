package io.quantplug.runtime.analytics;

/** The direction of a round trip. */
public enum PositionSide {
    /** Bought first, sold to close. */
    LONG,
    /** Sold first, bought to close. */
    SHORT
}
