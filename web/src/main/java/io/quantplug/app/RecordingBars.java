package io.quantplug.app;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.sdk.bar.TimeBarAggregator;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Time bars built from the trades of a recorded Binance stream, so that any bar strategy backtests on a recording
 * ({@code quantplug backtest --data RECORDING --bar 1s}). Each {@code trade} message goes to the bar of its trade
 * time ({@code T}, the exchange's clock, not the recorder's) by {@link TimeBarAggregator}; a recording without
 * {@code trade} messages uses its {@code aggTrade} messages instead (never both: an aggregate trade repeats the trades
 * it sums). Depth, bookTicker and snapshot lines are read and passed over. Streams the file; holds only the bars.
 */
public final class RecordingBars {

    /**
     * The bars of a recording.
     *
     * @param series the bars, oldest first; a second with no trade has no bar
     * @param symbol the traded symbol as Binance names it, e.g. {@code BTCUSDT}
     * @param source {@link MarketMessageKind#TRADE} or {@link MarketMessageKind#AGG_TRADE}: what the bars are made of
     * @param trades how many of those messages went into the bars
     */
    public record Loaded(BarSeries series, String symbol, MarketMessageKind source, long trades) {
    }

    private RecordingBars() {
    }

    /**
     * Whether a file is a stream recording rather than a bar file.
     *
     * @param file the file
     * @return true when its first line is a local time and a JSON message
     */
    public static boolean isRecording(Path file) {
        return BinanceRecordingReader.isRecording(file);
    }

    /**
     * Reads a recording into time bars.
     *
     * @param file the recording, plain or gzip
     * @param bar  the bar length
     * @return the bars and what they were made of
     * @throws UserInputException                                       when the recording has no trades of one
     *                                                                  symbol, or trades out of time order (with file
     *                                                                  and line)
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when a line is malformed (with file and line)
     */
    public static Loaded read(Path file, Timeframe bar) {
        Columns trades = new Columns();
        Columns aggTrades = new Columns();
        TimeBarAggregator fromTrades = new TimeBarAggregator(bar.millis(), trades::add);
        TimeBarAggregator fromAggTrades = new TimeBarAggregator(bar.millis(), aggTrades::add);
        String symbol = null;
        long tradeCount = 0;
        long aggTradeCount = 0;
        try (BinanceRecordingReader reader = BinanceRecordingReader.open(List.of(file), new JsonFactory())) {
            while (reader.next()) {
                MarketMessageKind kind = reader.kind();
                if (kind != MarketMessageKind.TRADE && kind != MarketMessageKind.AGG_TRADE) {
                    continue;
                }
                MarketStreamDecoder m = reader.message();
                if (symbol == null) {
                    symbol = m.symbol();
                } else if (!symbol.equals(m.symbol())) {
                    throw new UserInputException(reader.file() + ":" + reader.line() + ": a trade of " + m.symbol()
                            + " in a recording of " + symbol + "; give a recording of one symbol");
                }
                try {
                    if (kind == MarketMessageKind.TRADE) {
                        fromTrades.trade(m.tradeTimeMillis(), m.price(), m.quantity());
                        tradeCount++;
                    } else {
                        fromAggTrades.trade(m.tradeTimeMillis(), m.price(), m.quantity());
                        aggTradeCount++;
                    }
                } catch (IllegalArgumentException e) {
                    throw new UserInputException(reader.file() + ":" + reader.line() + ": " + e.getMessage());
                }
            }
        }
        fromTrades.flush();
        fromAggTrades.flush();
        boolean useTrades = tradeCount > 0;
        Columns chosen = useTrades ? trades : aggTrades;
        if (chosen.n == 0) {
            throw new UserInputException(file + ": the recording has no trade or aggTrade messages to make bars of");
        }
        return new Loaded(chosen.toSeries(bar), symbol,
                useTrades ? MarketMessageKind.TRADE : MarketMessageKind.AGG_TRADE,
                useTrades ? tradeCount : aggTradeCount);
    }

    /** Bars as they are finished, in growing arrays. */
    private static final class Columns {
        long[] time = new long[256];
        double[][] values = new double[5][256];
        int n;

        void add(long t, double o, double h, double l, double c, double v) {
            if (n == time.length) {
                time = Arrays.copyOf(time, n * 2);
                for (int k = 0; k < 5; k++) {
                    values[k] = Arrays.copyOf(values[k], n * 2);
                }
            }
            time[n] = t;
            values[0][n] = o;
            values[1][n] = h;
            values[2][n] = l;
            values[3][n] = c;
            values[4][n] = v;
            n++;
        }

        BarSeries toSeries(Timeframe timeframe) {
            return BarSeries.of(timeframe, Arrays.copyOf(time, n), Arrays.copyOf(values[0], n),
                    Arrays.copyOf(values[1], n), Arrays.copyOf(values[2], n), Arrays.copyOf(values[3], n),
                    Arrays.copyOf(values[4], n));
        }
    }
}
