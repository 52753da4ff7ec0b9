package io.quantplug.cli;

import io.quantplug.app.InstrumentResolver;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.data.BarSeries;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** The options that name an instrument and override its trading rules, shared by the commands that read bars. */
final class InstrumentOptions {

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "Instrument symbol (default: taken from the file name, e.g. BTCUSDT).")
    String symbol;

    @Option(names = "--venue", paramLabel = "VENUE", defaultValue = "BINANCE",
            description = "Venue code of the instrument (default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--tick-size", paramLabel = "PRICE",
            description = "Tick size (default: the data's finest price step, or the stored instrument's).")
    BigDecimal tickSize;

    @Option(names = "--lot-size", paramLabel = "QTY",
            description = "Lot size (default: Binance's for known symbols, else 0.00000001).")
    BigDecimal lotSize;

    @Option(names = "--min-notional", paramLabel = "AMOUNT",
            description = "Minimum order value (default: Binance's for known symbols, else 0).")
    BigDecimal minNotional;

    /**
     * The instrument of a bar file, with these options' overrides.
     *
     * @param file   the bar file (its name may give the symbol)
     * @param series its bars (their prices give the tick size)
     * @return the instrument
     */
    Instrument resolve(Path file, BarSeries series) {
        return resolve(file, series, null);
    }

    /**
     * The instrument of bars from a file, with a symbol the data itself names (a recording's) used when
     * {@code --symbol} is not given.
     *
     * @param file     the bar file
     * @param series   its bars
     * @param inData   the symbol named by the data, or null
     * @return the instrument
     */
    Instrument resolve(Path file, BarSeries series, String inData) {
        return InstrumentResolver.resolve(symbol != null ? symbol : inData, venue, file, series, tickSize, lotSize,
                minNotional);
    }

    /**
     * The instrument of volume or dollar bars from a file, as {@link #resolve(Path, BarSeries, String)}.
     *
     * @param file   the data file
     * @param bars   its bars
     * @param inData the symbol named by the data, or null
     * @return the instrument
     */
    Instrument resolve(Path file, List<Bar> bars, String inData) {
        return InstrumentResolver.resolve(symbol != null ? symbol : inData, venue, file, bars, tickSize, lotSize,
                minNotional);
    }

    /**
     * A stored instrument with these options' overrides.
     *
     * @param stored the instrument's stored rules
     * @return the instrument
     */
    Instrument override(Instrument stored) {
        return new Instrument(stored.id(), stored.baseAsset(), stored.quoteAsset(),
                tickSize != null ? tickSize : stored.tickSize(), lotSize != null ? lotSize : stored.lotSize(),
                stored.minQuantity(), minNotional != null ? minNotional : stored.minNotional(), stored.kind());
    }
}
