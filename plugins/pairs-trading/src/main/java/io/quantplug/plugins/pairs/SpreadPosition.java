package io.quantplug.plugins.pairs;

/** The pair's position as the strategy decided it (its legs' fills are in {@link PairLegs}). */
enum SpreadPosition {

    /** No position. */
    FLAT,
    /** Long the spread {@code log y - α - β log x}: long y (and short x), entered on a cheap spread. */
    LONG_SPREAD,
    /** Short the spread: short y (and long x), entered on a rich spread. */
    SHORT_SPREAD
}
