package io.quantplug.examples.embedded;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.runtime.Platform;
import io.quantplug.runtime.QuantplugException;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.instrument.InstrumentCatalog;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An application that embeds Quantplug: it backtests its own strategy ({@link SmaMomentumProvider}, found on its
 * class path) on a bar file through {@link Platform}, with no plugins directory and no database, and prints the
 * number of trades and the total return.
 *
 * <pre>
 * java -cp "embedded-backtest.jar:lib/*" io.quantplug.examples.embedded.EmbeddedBacktest \
 *     ../shared/data/binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv [SYMBOL]
 * sma-momentum:period=240 on BTCUSDT.BINANCE, 50000 bars of 1m: 858 trades, total return -77.52 %
 * </pre>
 *
 * The run: 10,000 of the quote asset, all of it invested on each entry, 10 bps fee per fill, no slippage; the
 * instrument's tick size, lot size and minimum notional are Binance spot's (see {@link InstrumentCatalog}). (On
 * one-minute bars the close crosses a 4-hour average about 25 times a day, and 20 bps per round trip eat the
 * account: the example shows how to embed the runtime, not a strategy worth trading.)
 */
public final class EmbeddedBacktest {

    /** Starting cash, quote asset (USDT for BTCUSDT). */
    public static final BigDecimal CAPITAL = new BigDecimal("10000");
    /** Fee per fill, bps of notional. */
    public static final BigDecimal FEE_BPS = new BigDecimal("10");
    /** Length of the moving average, bars. */
    public static final int PERIOD = 240;

    private EmbeddedBacktest() {
    }

    /**
     * Runs the example.
     *
     * @param args the bar file (CSV, as {@code BarFileReader} reads it) and, optionally, the Binance spot symbol of its
     *             bars (default {@code BTCUSDT})
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: EmbeddedBacktest BARS.csv [SYMBOL]  (SYMBOL: a Binance spot pair, default"
                    + " BTCUSDT)");
            System.exit(2);
        }
        try {
            Instrument instrument = binanceSpot(args.length > 1 ? args[1] : "BTCUSDT");
            System.out.println(summary(run(Path.of(args[0]), instrument)));
        } catch (QuantplugException | IllegalArgumentException e) {
            System.err.println("embedded-backtest: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Backtests {@link SmaMomentumProvider}'s strategy on a bar file, on a platform that sees only this application's
     * class path and is closed again before returning.
     *
     * @param barFile    the bars, all of {@code instrument}
     * @param instrument the instrument traded
     * @return the result
     * @throws QuantplugException when the file cannot be read (the message names file and line) or the strategy
     *                            cannot be found or created
     */
    public static BacktestResult run(Path barFile, Instrument instrument) {
        try (Platform platform = Platform.builder().classPathExtensions(EmbeddedBacktest.class.getClassLoader())
                .build()) {
            return platform.backtest(config(instrument), barFile);
        }
    }

    /**
     * What the example runs.
     *
     * @param instrument the instrument traded
     * @return {@code sma-momentum} with {@link #PERIOD}, {@link #CAPITAL}, {@link #FEE_BPS}, no slippage, no
     *         enhancer, sizer or risk rule
     */
    public static BacktestConfig config(Instrument instrument) {
        return new BacktestConfig(instrument, CAPITAL, FEE_BPS, BigDecimal.ZERO,
                new ExtensionRef(SmaMomentumProvider.ID, Map.of("period", Integer.toString(PERIOD))), List.of(),
                null, List.of());
    }

    /**
     * A Binance spot instrument with its recorded exchange rules.
     *
     * @param symbol e.g. {@code BTCUSDT}
     * @return the instrument
     * @throws IllegalArgumentException when the symbol is not in the catalog
     */
    public static Instrument binanceSpot(String symbol) {
        return InstrumentCatalog.binanceSpot().find(symbol).orElseThrow(() -> new IllegalArgumentException(
                "unknown Binance spot symbol '" + symbol + "': the example knows the pairs of the runtime's"
                + " InstrumentCatalog.binanceSpot(), e.g. BTCUSDT, ETHUSDT"));
    }

    /**
     * The line the example prints.
     *
     * @param result a backtest result
     * @return e.g. {@code sma-momentum:period=240 on BTCUSDT.BINANCE, 50000 bars of 1m: 858 trades, total return
     *         -77.52 %}
     */
    public static String summary(BacktestResult result) {
        return String.format(Locale.ROOT, "%s on %s, %d bars of %s: %d trades, total return %.2f %%",
                result.config().strategy(), result.config().instrument().id(), result.barCount(),
                result.timeframe().label(), result.trades().size(), result.metrics().totalReturn() * 100);
    }
}
