package io.quantplug.app;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.instrument.InstrumentCatalog;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Decides the instrument of a backtest on a file, which has prices but no exchange rules.
 *
 * <ul>
 *   <li>Symbol: {@code --symbol}, else the first upper-case token of the file name that ends with a known quote
 *       asset ({@code BTCUSDT_1m_2023.csv} gives {@code BTCUSDT}).</li>
 *   <li>Tick size: {@code --tick-size}, else the finest price increment in the data (10<sup>-d</sup>, {@code d} the
 *       most decimals any price has), so fills stay on the grid the data was recorded on.</li>
 *   <li>Lot size and minimum notional: the options, else Binance spot's filters for a known symbol, else
 *       {@code 0.00000001} and 0.</li>
 * </ul>
 */
public final class InstrumentResolver {

    private static final Pattern TOKEN = Pattern.compile("[A-Z0-9]{4,20}");
    private static final BigDecimal DEFAULT_LOT = new BigDecimal("0.00000001");
    private static final int MAX_PRICE_DECIMALS = 12;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    private InstrumentResolver() {
    }

    /**
     * Resolves the instrument of a bar file as the class comment describes.
     *
     * @param symbolOption the symbol given, or null to infer it from the file name
     * @param venue        the venue, e.g. {@code BINANCE}
     * @param file         the bar file (its name may carry the symbol)
     * @param series       its bars (for the tick size)
     * @param tickSize     the tick size given, or null
     * @param lotSize      the lot size given, or null
     * @param minNotional  the minimum notional given, or null
     * @return the instrument
     * @throws UserInputException naming the option at fault
     */
    public static Instrument resolve(String symbolOption, String venue, Path file, BarSeries series, BigDecimal tickSize,
                              BigDecimal lotSize, BigDecimal minNotional) {
        return resolve(symbolOption, venue, file, () -> inferTickSize(series), tickSize, lotSize, minNotional);
    }

    /**
     * The instrument of bars that are not a series (volume or dollar bars), with the tick size their prices are
     * written with unless given.
     *
     * @param symbolOption the symbol given, or null to infer it from the file name
     * @param venue        the venue, e.g. {@code BINANCE}
     * @param file         the data file (its name may carry the symbol)
     * @param bars         its bars (for the tick size)
     * @param tickSize     the tick size given, or null
     * @param lotSize      the lot size given, or null
     * @param minNotional  the minimum notional given, or null
     * @return the instrument
     * @throws UserInputException naming the option at fault
     */
    public static Instrument resolve(String symbolOption, String venue, Path file, List<Bar> bars,
                                     BigDecimal tickSize, BigDecimal lotSize, BigDecimal minNotional) {
        return resolve(symbolOption, venue, file, () -> {
            TickInference tick = new TickInference();
            for (Bar b : bars) {
                tick.add(b.open(), b.high(), b.low(), b.close());
            }
            return tick.tickSize();
        }, tickSize, lotSize, minNotional);
    }

    private static Instrument resolve(String symbolOption, String venue, Path file, Supplier<BigDecimal> dataTick,
                                      BigDecimal tickSize, BigDecimal lotSize, BigDecimal minNotional) {
        String symbol = symbolOption != null ? symbolOption.strip().toUpperCase(java.util.Locale.ROOT)
                : inferSymbol(file).orElseThrow(() -> new UserInputException("cannot tell the symbol from the file name "
                + file.getFileName() + "; pass --symbol (e.g. --symbol BTCUSDT)"));
        InstrumentId id;
        try {
            id = InstrumentId.of(symbol, venue);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--symbol/--venue: " + e.getMessage());
        }
        Optional<Instrument> known = "BINANCE".equals(venue)
                ? InstrumentCatalog.binanceSpot().find(symbol) : Optional.empty();
        String[] assets = known.map(k -> new String[] {k.baseAsset(), k.quoteAsset()})
                .or(() -> InstrumentCatalog.splitSymbol(symbol))
                .orElse(new String[] {symbol, "QUOTE"});
        BigDecimal tick = tickSize != null ? positive("--tick-size", tickSize) : dataTick.get();
        BigDecimal lot = lotSize != null ? positive("--lot-size", lotSize)
                : known.map(Instrument::lotSize).orElse(DEFAULT_LOT);
        BigDecimal minQty = lotSize != null ? lot : known.map(Instrument::minQuantity).orElse(lot);
        BigDecimal minNot = minNotional != null ? nonNegative("--min-notional", minNotional)
                : known.map(Instrument::minNotional).orElse(BigDecimal.ZERO);
        return new Instrument(id, assets[0], assets[1], tick, lot, minQty, minNot, InstrumentKind.SPOT);
    }

    static Optional<String> inferSymbol(Path file) {
        String name = file.getFileName().toString();
        for (String token : name.split("[_\\-.\\s]+")) {
            if (TOKEN.matcher(token).matches() && InstrumentCatalog.splitSymbol(token).isPresent()) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /**
     * The finest decimal increment any open, high, low or close of the series is written with. Each price is first
     * checked against the digits found so far with one multiplication and one division (it is the double nearest a
     * decimal with that many fractional digits); only a price that needs more is read digit by digit.
     */
    static BigDecimal inferTickSize(BarSeries s) {
        TickInference tick = new TickInference();
        for (int i = 0; i < s.size() && !tick.atMost(); i++) {
            tick.add(s.open(i), s.high(i), s.low(i), s.close(i));
        }
        return tick.tickSize();
    }

    /** The finest decimal increment of the prices added so far. */
    private static final class TickInference {

        private int decimals;
        private double unit = 1;

        void add(double open, double high, double low, double close) {
            if (!fits(open, unit) || !fits(high, unit) || !fits(low, unit) || !fits(close, unit)) {
                decimals = Math.max(decimals, Math.max(Math.max(scale(open), scale(high)),
                        Math.max(scale(low), scale(close))));
                unit = POWERS_OF_TEN[Math.min(decimals, MAX_PRICE_DECIMALS)];
            }
        }

        boolean atMost() {
            return decimals >= MAX_PRICE_DECIMALS;
        }

        BigDecimal tickSize() {
            return BigDecimal.ONE.movePointLeft(Math.min(decimals, MAX_PRICE_DECIMALS));
        }
    }

    /** Whether a price is the double nearest a decimal with at most log10(unit) fractional digits. */
    private static boolean fits(double price, double unit) {
        return Math.rint(price * unit) / unit == price;
    }

    private static int scale(double price) {
        return Math.max(0, BigDecimal.valueOf(price).stripTrailingZeros().scale());
    }

    private static BigDecimal positive(String option, BigDecimal v) {
        if (v.signum() <= 0) {
            throw new UserInputException(option + " = " + v.toPlainString() + " is out of range: allowed > 0");
        }
        return v;
    }

    private static BigDecimal nonNegative(String option, BigDecimal v) {
        if (v.signum() < 0) {
            throw new UserInputException(option + " = " + v.toPlainString() + " is out of range: allowed >= 0");
        }
        return v;
    }
}
