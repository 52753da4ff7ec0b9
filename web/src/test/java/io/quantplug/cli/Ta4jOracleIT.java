package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.PositionSide;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside truth for bar strategies: ta4j 0.17's {@code BarSeriesManager} with {@code TradeOnNextOpenModel}, zero
 * fees and slippage, on the same real files. The Quantplug strategies are loaded from the plugin jars of the
 * distribution and read the file through {@link BarFileReader}; ta4j reads the CSV on its own ({@link KlineCsv}, a
 * plain split) with exact decimals ({@code DecimalNum}). Both fill a decision on a bar's close at the next bar's open,
 * so a trade is compared by its side, entry and exit times (the open times of the fill bars) and entry and exit
 * prices.
 *
 * <p>ta4j leaves the last position open when the data ends; Quantplug closes it at the last close with
 * {@code END_OF_DATA}. So ta4j's closed positions must equal our signal-closed trips one for one, and ta4j's open
 * position must be our end-of-data trip.
 *
 * <p>The SMA 10/30 crossover runs on every 1-minute kline file in {@code ../shared/data}: found by name (a
 * {@code 1m} token, or Kraken's OHLCVT {@code PAIR_1.csv}), each of which must import as one-minute bars.
 */
class Ta4jOracleIT {

    static final String BINANCE_US = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";

    /** The 1-minute files known today, with ta4j's number of closed SMA 10/30 positions on each. */
    static final Map<String, Integer> KNOWN_MINUTE_FILES = Map.ofEntries(
            Map.entry(BINANCE_US, 645),
            Map.entry("binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2021chunk.csv", 1034),
            Map.entry("binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv", 978),
            Map.entry("binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2023chunk.csv", 1041),
            Map.entry("binance-spot-1m-btc-eth-2021-2023/ETHUSDT_1m_2021chunk.csv", 1016),
            Map.entry("binance-spot-1m-btc-eth-2021-2023/ETHUSDT_1m_2022chunk.csv", 1071),
            Map.entry("binance-spot-1m-btc-eth-2021-2023/ETHUSDT_1m_2023chunk.csv", 996),
            Map.entry("binance-usdm-1m-filusdt-2023-08-11-vision/FILUSDT-1m-2023-08.csv", 878),
            Map.entry("binance-usdm-1m-filusdt-2023-08-11-vision/FILUSDT-1m-2023-09.csv", 870),
            Map.entry("binance-usdm-1m-filusdt-2023-08-11-vision/FILUSDT-1m-2023-10.csv", 904),
            Map.entry("binance-usdm-1m-filusdt-2023-08-11-vision/FILUSDT-1m-2023-11.csv", 849),
            Map.entry("kraken-xbt-ohlcvt-2023q1/XBTUSDC_1.csv", 1158));

    private static final Pattern MINUTE_FILE = Pattern.compile(
            "(?i)(.*(?<![a-z0-9])1m(?![a-z0-9]).*|[a-z0-9]+_1)\\.csv(\\.gz)?");

    static PluginHost host;
    /** The Binance.US file, loaded once for both tests that use it. */
    static Loaded binanceUs;

    /** One file as both engines see it. */
    record Loaded(String name, List<io.quantplug.api.market.Bar> bars, BarSeries ta4j, Instrument instrument) {
    }

    /** One round trip, long or short, with the open times of its entry and exit fill bars. */
    record Trip(PositionSide side, Instant entryTime, BigDecimal entryPrice, Instant exitTime, BigDecimal exitPrice) {
    }

    @BeforeAll
    static void open() {
        host = PluginHost.open(CliRun.dist().resolve("plugins"));
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
    }

    static Stream<String> minuteFiles() throws IOException {
        Path data = SharedData.require(BINANCE_US).getParent().getParent();
        List<String> found;
        try (Stream<Path> files = Files.walk(data, 2)) {
            found = files.filter(Files::isRegularFile)
                    .filter(p -> MINUTE_FILE.matcher(p.getFileName().toString()).matches())
                    .map(p -> data.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(found).as("1-minute kline files under %s", data).containsAll(KNOWN_MINUTE_FILES.keySet());
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minuteFiles")
    void smaCrossoverTradesEqualTa4jDecimalTradesOneForOne(String file) {
        Loaded data = file.equals(BINANCE_US) ? binanceUs() : load(file);
        ClosePriceIndicator close = new ClosePriceIndicator(data.ta4j());
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        // Unstable for the first 30 bars: the slow SMA is a full 30-bar average from index 29 on, so the first
        // crossing either engine can act on compares indices 30 and 29.
        BaseStrategy reference = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), 30);
        TradingRecord record = new BarSeriesManager(data.ta4j(), new TradeOnNextOpenModel()).run(reference);

        BacktestResult result = quantplug(data, "sma-crossover:fast=10,slow=30");
        List<Trip> theirs = theirs(data, record);

        assertThat(theirs).hasSize(KNOWN_MINUTE_FILES.getOrDefault(file, theirs.size())).hasSizeGreaterThan(100);
        assertThat(ours(result)).as(file).containsExactlyElementsOf(theirs);
        assertOpenPositionMatchesEndOfDataTrip(data, record, result);
    }

    @Test
    void rsiReversionTradesEnteredAfterTheFirst500BarsEqualTa4j() {
        Loaded data = binanceUs();
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(data.ta4j()), 14);
        BaseStrategy reference = new BaseStrategy(new CrossedDownIndicatorRule(rsi, 30),
                new CrossedUpIndicatorRule(rsi, 70), 15);
        TradingRecord record = new BarSeriesManager(data.ta4j(), new TradeOnNextOpenModel()).run(reference);

        BacktestResult result = quantplug(data, "rsi-reversion:period=14,lower=30,upper=70");
        // ta4j seeds Wilder's averages with the first change, Quantplug (as Wilder) with the mean of the first 14;
        // the difference decays as (13/14)^k, so decisions agree once it is negligible.
        Instant after500 = Instant.ofEpochMilli(data.bars().get(500).openTimeMillis());
        List<Trip> ours = ours(result).stream().filter(t -> !t.entryTime().isBefore(after500)).toList();
        List<Trip> theirs = theirs(data, record).stream().filter(t -> !t.entryTime().isBefore(after500)).toList();

        assertThat(theirs).hasSizeGreaterThan(50);
        assertThat(ours).containsExactlyElementsOf(theirs);
        assertOpenPositionMatchesEndOfDataTrip(data, record, result);
    }

    private static synchronized Loaded binanceUs() {
        if (binanceUs == null) {
            binanceUs = load(BINANCE_US);
        }
        return binanceUs;
    }

    private static Loaded load(String file) {
        Path path = SharedData.require(file);
        LoadedBars loaded = new BarFileReader().read(path);
        assertThat(loaded.report().timeframe()).as("timeframe of %s", file).isEqualTo(Timeframe.M1);
        InstrumentId id = InstrumentId.of(path.getFileName().toString().split("[_-]")[0].toUpperCase(),
                path.getParent().getFileName().toString().split("-")[0].toUpperCase());
        // a tick and a lot finer than any price and quantity here, so fills are the opens as written
        Instrument instrument = Instrument.spot(id, "BASE", "QUOTE", new BigDecimal("0.00000001"),
                new BigDecimal("0.00000001"), BigDecimal.ZERO);
        BarSeries series = new BaseBarSeriesBuilder().withName(file).build();
        try {
            for (KlineCsv.Row r : KlineCsv.read(path)) {
                ZonedDateTime end = Instant.ofEpochMilli(r.openTimeMillis()).plus(Duration.ofMinutes(1))
                        .atZone(ZoneOffset.UTC);
                series.addBar(new BaseBar(Duration.ofMinutes(1), end, r.open(), r.high(), r.low(), r.close(),
                        r.volume()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Loaded(file, loaded.series().toBars(id), series, instrument);
    }

    private static BacktestResult quantplug(Loaded data, String strategy) {
        BacktestConfig config = new BacktestConfig(data.instrument(), new BigDecimal("10000"), BigDecimal.ZERO,
                BigDecimal.ZERO, ExtensionRef.parse(strategy), List.of(), null, List.of());
        return new Backtester(host.catalog()).run(config, Timeframe.M1, data.bars(), BacktestProgress.NONE);
    }

    private static List<Trip> ours(BacktestResult r) {
        return r.trades().stream().filter(t -> t.exitReason() == ExitReason.SIGNAL)
                .map(t -> new Trip(t.side(), Instant.ofEpochMilli(t.entryTimeMillis()),
                        t.entryPrice().stripTrailingZeros(), Instant.ofEpochMilli(t.exitTimeMillis()),
                        t.exitPrice().stripTrailingZeros()))
                .toList();
    }

    private static List<Trip> theirs(Loaded data, TradingRecord record) {
        List<Trip> trips = new ArrayList<>();
        for (Position p : record.getPositions()) {
            trips.add(new Trip(side(p), openTime(data, p.getEntry()), price(p.getEntry()), openTime(data, p.getExit()),
                    price(p.getExit())));
        }
        return trips;
    }

    private static PositionSide side(Position p) {
        return p.getStartingType() == Trade.TradeType.BUY ? PositionSide.LONG : PositionSide.SHORT;
    }

    private static Instant openTime(Loaded data, Trade trade) {
        Bar bar = data.ta4j().getBar(trade.getIndex());
        return bar.getBeginTime().toInstant();
    }

    private static BigDecimal price(Trade trade) {
        return new BigDecimal(trade.getPricePerAsset().toString()).stripTrailingZeros();
    }

    private static void assertOpenPositionMatchesEndOfDataTrip(Loaded data, TradingRecord record,
                                                               BacktestResult result) {
        List<RoundTrip> endOfData = result.trades().stream()
                .filter(t -> t.exitReason() == ExitReason.END_OF_DATA).toList();
        if (record.getCurrentPosition().isOpened()) {
            assertThat(endOfData).hasSize(1);
            RoundTrip last = endOfData.get(0);
            Trade entry = record.getCurrentPosition().getEntry();
            assertThat(Instant.ofEpochMilli(last.entryTimeMillis())).isEqualTo(openTime(data, entry));
            assertThat(last.entryPrice().stripTrailingZeros()).isEqualTo(price(entry));
            assertThat(last.exitPrice()).isEqualByComparingTo(
                    data.ta4j().getBar(data.ta4j().getEndIndex()).getClosePrice().toString());
        } else {
            assertThat(endOfData).isEmpty();
        }
    }
}
