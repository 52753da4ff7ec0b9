package io.quantplug.runtime.data;

/**
 * The layout of a bar file, as {@link BarFileReader} detected it from its first lines.
 */
public enum BarFileLayout {

    /**
     * Binance's 12-column kline dump ({@code open_time, open, high, low, close, volume, close_time, quote_volume,
     * count, taker_buy_volume, taker_buy_quote_volume, ignore}), with the header row of the USD-M futures dumps or
     * without it, as in the spot dumps. Open time in epoch milliseconds, or microseconds in spot dumps from 2025.
     */
    BINANCE_KLINE,

    /**
     * Any other CSV whose header row names a time column and the open, high, low, close and volume columns (in any
     * order, with extra columns ignored), optionally preceded by one banner line.
     */
    HEADED_OHLCV,

    /**
     * A CSV without a header row whose rows are {@code time, open, high, low, close, volume} with an optional
     * seventh column (a trade count, ignored), such as Kraken's OHLCVT downloads.
     */
    HEADERLESS_OHLCV
}
