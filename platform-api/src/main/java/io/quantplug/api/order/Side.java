package io.quantplug.api.order;

/** The direction of an order or trade. */
public enum Side {
    /** Buy the base asset. */
    BUY,
    /** Sell the base asset. */
    SELL;

    /**
     * The other side.
     *
     * @return SELL for BUY and BUY for SELL
     */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * The sign of the position change: +1 for a buy, -1 for a sell.
     *
     * @return +1 or -1
     */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
