package io.quantplug.api.order;

/** Whether a fill added liquidity to the book or took it. */
public enum Liquidity {
    /** The order rested and was hit. */
    MAKER,
    /** The order crossed the spread. */
    TAKER
}
