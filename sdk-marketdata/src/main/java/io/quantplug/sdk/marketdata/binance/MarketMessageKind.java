package io.quantplug.sdk.marketdata.binance;

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
    /**
     * A REST depth snapshot ({@code {"lastUpdateId":..,"bids":..,"asks":..}}) inside a recording; only
     * {@link io.quantplug.sdk.marketdata.BinanceRecordingReader} reports it, {@link MarketStreamDecoder} never does.
     */
    DEPTH_SNAPSHOT,
    /** Anything else: a subscription answer ({@code {"result":null,"id":1}}) or a stream not decoded here. */
    OTHER
}
