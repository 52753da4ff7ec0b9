package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside truth for bar strategies: ta4j 0.17's {@code BarSeriesManager} with {@code TradeOnNextOpenModel}, on
 * the same real Binance.US file, zero fees and slippage. The Quantplug strategies are loaded from the plugin jars of
 * the distribution; ta4j reads the CSV on its own (a plain split), with exact decimals ({@code DecimalNum}).
 *
 * <p>ta4j leaves the last position open when the data ends; Quantplug closes it at the last close with
 * {@code END_OF_DATA}. So ta4j's closed positions must equal our signal-closed trips one for one, and ta4j's open
 * position must be our end-of-data trip.
 */
class Ta4jOracleIT {

    static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";

    static PluginHost host;
    static List<Bar> bars;
    static Map<Long, Integer> indexByOpenTime;
    static BarSeries ta4jSeries;
    static Instrument instrument;

    @BeforeAll
    static void load() throws IOException {
        Path file = SharedData.require(FILE);
        host = PluginHost.open(CliRun.dist().resolve("plugins"));
        InstrumentId id = InstrumentId.of("BTCUSDT", "BINANCE");
        instrument = Instrument.spot(id, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                BigDecimal.ZERO);
        bars = new BarFileReader().read(file).series().toBars(id);
        indexByOpenTime = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            indexByOpenTime.put(bars.get(i).openTimeMillis(), i);
        }
        ta4jSeries = new BaseBarSeriesBuilder().withName("BTCUSDT").build();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            ZonedDateTime open = OffsetDateTime.parse(f[0].replace(' ', 'T')).atZoneSameInstant(ZoneOffset.UTC);
            ta4jSeries.addBar(new BaseBar(Duration.ofMinutes(1), open.plusMinutes(1), f[1], f[2], f[3], f[4], f[5]));
        }
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
    }

    private static BacktestResult quantplug(String strategy) {
        BacktestConfig config = new BacktestConfig(instrument, new BigDecimal("10000"), BigDecimal.ZERO,
                BigDecimal.ZERO, ExtensionRef.parse(strategy), List.of(), null, List.of());
        return new Backtester(host.catalog()).run(config, Timeframe.M1, bars, BacktestProgress.NONE);
    }

    record Trip(int entryIndex, BigDecimal entryPrice, int exitIndex, BigDecimal exitPrice) {
    }

    private static List<Trip> ours(BacktestResult r) {
        List<Trip> trips = new ArrayList<>();
        for (RoundTrip t : r.trades()) {
            if (t.exitReason() == ExitReason.SIGNAL) {
                trips.add(new Trip(indexByOpenTime.get(t.entryTimeMillis()), t.entryPrice().stripTrailingZeros(),
                        indexByOpenTime.get(t.exitTimeMillis()), t.exitPrice().stripTrailingZeros()));
            }
        }
        return trips;
    }

    private static List<Trip> theirs(TradingRecord record) {
        List<Trip> trips = new ArrayList<>();
        for (Position p : record.getPositions()) {
            trips.add(new Trip(p.getEntry().getIndex(), dec(p.getEntry().getPricePerAsset().toString()),
                    p.getExit().getIndex(), dec(p.getExit().getPricePerAsset().toString())));
        }
        return trips;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s).stripTrailingZeros();
    }

    @Test
    void smaCrossoverTradesEqualTa4jOneForOne() {
        ClosePriceIndicator close = new ClosePriceIndicator(ta4jSeries);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        // Unstable for the first 30 bars: the slow SMA is a full 30-bar average from index 29 on, so the first
        // crossing either engine can act on compares indices 30 and 29.
        BaseStrategy reference = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), 30);
        TradingRecord record = new BarSeriesManager(ta4jSeries, new TradeOnNextOpenModel()).run(reference);

        BacktestResult result = quantplug("sma-crossover:fast=10,slow=30");
        List<Trip> ours = ours(result);
        List<Trip> theirs = theirs(record);

        assertThat(theirs).hasSize(645);
        assertThat(ours).hasSize(645);
        assertThat(ours).containsExactlyElementsOf(theirs);
        assertOpenPositionMatchesEndOfDataTrip(record, result);
    }

    @Test
    void rsiReversionTradesEnteredAfterTheFirst500BarsEqualTa4j() {
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(ta4jSeries), 14);
        BaseStrategy reference = new BaseStrategy(new CrossedDownIndicatorRule(rsi, 30),
                new CrossedUpIndicatorRule(rsi, 70), 15);
        TradingRecord record = new BarSeriesManager(ta4jSeries, new TradeOnNextOpenModel()).run(reference);

        BacktestResult result = quantplug("rsi-reversion:period=14,lower=30,upper=70");
        // ta4j seeds Wilder's averages with the first change, Quantplug (as Wilder) with the mean of the first 14;
        // the difference decays as (13/14)^k, so decisions agree once it is negligible.
        List<Trip> ours = ours(result).stream().filter(t -> t.entryIndex() >= 500).toList();
        List<Trip> theirs = theirs(record).stream().filter(t -> t.entryIndex() >= 500).toList();

        assertThat(theirs).hasSizeGreaterThan(50);
        assertThat(ours).containsExactlyElementsOf(theirs);
        assertOpenPositionMatchesEndOfDataTrip(record, result);
    }

    private static void assertOpenPositionMatchesEndOfDataTrip(TradingRecord record, BacktestResult result) {
        List<RoundTrip> endOfData = result.trades().stream()
                .filter(t -> t.exitReason() == ExitReason.END_OF_DATA).toList();
        if (record.getCurrentPosition().isOpened()) {
            assertThat(endOfData).hasSize(1);
            RoundTrip last = endOfData.get(0);
            assertThat(indexByOpenTime.get(last.entryTimeMillis()))
                    .isEqualTo(record.getCurrentPosition().getEntry().getIndex());
            assertThat(last.entryPrice().stripTrailingZeros())
                    .isEqualTo(dec(record.getCurrentPosition().getEntry().getPricePerAsset().toString()));
            assertThat(last.exitPrice()).isEqualByComparingTo(BigDecimal.valueOf(bars.get(bars.size() - 1).close()));
        } else {
            assertThat(endOfData).isEmpty();
        }
    }
}
