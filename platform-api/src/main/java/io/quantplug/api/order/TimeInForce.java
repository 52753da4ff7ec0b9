package io.quantplug.api.order;

/** How long an order stays working (the FIX {@code TimeInForce} values Binance supports, plus DAY). */
public enum TimeInForce {
    /** Good till canceled: works until filled or canceled. */
    GTC,
    /** Immediate or cancel: fills what it can at once and cancels the rest. */
    IOC,
    /** Fill or kill: fills completely at once or not at all. */
    FOK,
    /** Works until the end of the UTC day it was placed in. */
    DAY
}
