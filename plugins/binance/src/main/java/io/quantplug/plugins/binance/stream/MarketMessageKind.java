package io.quantplug.plugins.binance.stream;

/** What a decoded market-stream message was. */
public enum MarketMessageKind {
    /** A diff-depth event ({@code depthUpdate}). */
    DEPTH_UPDATE,
    /** A single trade ({@code trade}). */
    TRADE,
    /** An aggregate trade ({@code aggTrade}). */
    AGG_TRADE,
    /** Best bid and ask ({@code bookTicker}; spot sends it without an {@code e} field). */
    BOOK_TICKER,
    /** A kline (candlestick) update, closed or in progress ({@code kline}). */
    KLINE,
    /** Anything else: a subscription answer ({@code {"result":null,"id":1}}) or a stream not decoded here. */
    OTHER
}
