package io.quantplug.runtime.margin;

/** How a perpetual position's margin is held, as on Binance USDⓈ-M futures. */
public enum MarginMode {
    /**
     * The position has its own wallet: the initial margin put up when it was opened, plus its funding. Only that
     * margin can be lost; the liquidation price uses it as the wallet balance.
     */
    ISOLATED,
    /** The whole account's wallet backs the position; the liquidation price uses the account's wallet balance. */
    CROSS
}
