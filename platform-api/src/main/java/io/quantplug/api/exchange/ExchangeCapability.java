package io.quantplug.api.exchange;

/** What an exchange adapter can do. */
public enum ExchangeCapability {
    /** {@link ExchangeAdapter#instruments()}: tick size, lot size, minimum notional. */
    INSTRUMENTS,
    /** {@link ExchangeAdapter#historicalBars}: download past bars. */
    HISTORICAL_BARS,
    /** Stream completed bars to an {@link ExchangeListener}. */
    LIVE_BARS,
    /** Stream trades to an {@link ExchangeListener}. */
    LIVE_TRADES,
    /** Stream order-book snapshots to an {@link ExchangeListener}. */
    LIVE_ORDER_BOOK,
    /** {@link ExchangeAdapter#submit}, {@link ExchangeAdapter#cancel}, {@link ExchangeAdapter#openOrders}. */
    ORDER_EXECUTION,
    /** {@link ExchangeAdapter#balances()}. */
    BALANCES,
    /**
     * {@link ExchangeAdapter#connectRaw}: market-stream messages exactly as the venue sends them, with their local
     * receive time, and the venue's order-book snapshots, for recording and later replay.
     */
    RAW_MARKET_STREAMS
}
