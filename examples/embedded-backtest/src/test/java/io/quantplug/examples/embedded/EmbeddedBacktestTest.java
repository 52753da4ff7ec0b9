package io.quantplug.examples.embedded;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.testsupport.SharedData;
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
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The example on 50,000 real Binance spot BTCUSDT one-minute bars (2022-06-15 .. 2022-07-19), checked against an
 * outside truth: ta4j 0.17 running the same rule (enter when the close crosses up through its SMA(240), exit when it
 * crosses down; {@code TradeOnNextOpenModel}, i.e. filled at the next bar's open), on the same file read on its own
 * (a plain split of each line, exact decimals).
 *
 * <p>ta4j leaves the last position open when the data ends; Quantplug closes it at the last close with
 * {@code END_OF_DATA}. So ta4j's positions, plus its open one closed at the last close, must be our trades one for
 * one: same entry and exit bars, same prices.
 */
class EmbeddedBacktestTest {

    private static final String FILE = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";

    private static final Instrument BTCUSDT = EmbeddedBacktest.binanceSpot("BTCUSDT");

    private static BarSeries series;
    private static BacktestResult result;
    private static final Map<Long, Integer> INDEX_BY_OPEN_TIME = new HashMap<>();

    /** A round trip by bar index and price. */
    record Trip(int entryIndex, BigDecimal entryPrice, int exitIndex, BigDecimal exitPrice) {
    }

    @BeforeAll
    static void runTheExampleAndReadTheFileWithoutQuantplug() throws IOException {
        Path file = SharedData.require(FILE);
        result = EmbeddedBacktest.run(file, BTCUSDT);
        series = new BaseBarSeriesBuilder().withName("BTCUSDT").build();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) { // the first line is the header
            String[] f = line.split(",");
            ZonedDateTime open = LocalDateTime.parse(f[0].replace(' ', 'T')).atZone(ZoneOffset.UTC); // no zone: UTC
            INDEX_BY_OPEN_TIME.put(open.toInstant().toEpochMilli(), series.getBarCount());
            series.addBar(new BaseBar(Duration.ofMinutes(1), open.plusMinutes(1), f[1], f[2], f[3], f[4], f[5]));
        }
    }

    @Test
    void tradesTheBarsTa4jTradesOnTheSameRule() {
        List<Trip> theirs = ta4jTrips();
        List<Trip> ours = new ArrayList<>();
        int last = series.getEndIndex();
        for (RoundTrip t : result.trades()) {
            int exit = t.exitReason() == ExitReason.END_OF_DATA ? last : INDEX_BY_OPEN_TIME.get(t.exitTimeMillis());
            ours.add(new Trip(INDEX_BY_OPEN_TIME.get(t.entryTimeMillis()), dec(t.entryPrice().toPlainString()), exit,
                    dec(t.exitPrice().toPlainString())));
        }

        assertThat(result.barCount()).isEqualTo(50_000);
        assertThat(theirs).hasSizeGreaterThan(20); // enough trips for the comparison to mean something
        assertThat(ours).containsExactlyElementsOf(theirs);
        assertThat(result.trades()).filteredOn(t -> t.exitReason() != ExitReason.SIGNAL).hasSizeLessThanOrEqualTo(1);
        assertThat(EmbeddedBacktest.summary(result)).contains(": " + theirs.size() + " trades, total return ");
    }

    @Test
    void endEquityCompoundsTa4jTripsAfterFees() {
        // All cash in at each entry, 10 bps per fill: a trip from p to p' turns equity E into
        // E * p' (1 - f) / (p (1 + f)), f = 0.001. Quantplug buys floor_lot(E / (p (1 + f))) (at most two lots of
        // 0.00001 BTC less after the fee's rounding), so each trip may end up to 2 lots * |p'(1 - f) - p(1 + f)|
        // lower, and fees are rounded to 1e-8 USDT per fill; an earlier difference grows with the later trips.
        double f = EmbeddedBacktest.FEE_BPS.doubleValue() / 10_000;
        double lot = BTCUSDT.lotSize().doubleValue();
        double expected = EmbeddedBacktest.CAPITAL.doubleValue();
        double bound = 0;
        for (Trip t : ta4jTrips()) {
            double in = t.entryPrice().doubleValue() * (1 + f);
            double out = t.exitPrice().doubleValue() * (1 - f);
            expected *= out / in;
            bound = bound * out / in + 2 * lot * Math.abs(out - in) + 2e-8;
        }
        double ours = result.metrics().endEquity().doubleValue();
        assertThat(Math.abs(ours - expected)).isLessThanOrEqualTo(bound + 1e-6); // 1e-6: double arithmetic
        assertThat(result.metrics().totalReturn()).isEqualTo(ours / EmbeddedBacktest.CAPITAL.doubleValue() - 1,
                within(1e-12));
    }

    /** ta4j's trades on the rule, its position still open at the end closed at the last close. */
    private static List<Trip> ta4jTrips() {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator sma = new SMAIndicator(close, EmbeddedBacktest.PERIOD);
        // Unstable for the first PERIOD bars: the SMA is a full average from index PERIOD - 1 on, so the first
        // crossing either engine can act on compares indices PERIOD and PERIOD - 1.
        BaseStrategy rule = new BaseStrategy(new CrossedUpIndicatorRule(close, sma),
                new CrossedDownIndicatorRule(close, sma), EmbeddedBacktest.PERIOD);
        TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(rule);
        List<Trip> trips = new ArrayList<>();
        for (Position p : record.getPositions()) {
            trips.add(new Trip(p.getEntry().getIndex(), dec(p.getEntry().getPricePerAsset().toString()),
                    p.getExit().getIndex(), dec(p.getExit().getPricePerAsset().toString())));
        }
        Position open = record.getCurrentPosition();
        if (open.isOpened()) {
            int last = series.getEndIndex();
            trips.add(new Trip(open.getEntry().getIndex(), dec(open.getEntry().getPricePerAsset().toString()), last,
                    dec(series.getBar(last).getClosePrice().toString())));
        }
        return trips;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s).stripTrailingZeros();
    }
}
