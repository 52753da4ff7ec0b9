package io.quantplug.benchmarks.command;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The ta4j side of the whole-command benchmark: what a ta4j user writes to backtest a CSV file, as one process.
 * Reads a Binance kline CSV ({@code timestamp,open,high,low,close,volume}, one-minute bars) line by line into a
 * {@code BaseBarSeries} of {@code DoubleNum}, then runs the SMA 10/30 crossover (long/flat,
 * {@code TradeOnNextOpenModel}) with {@code BarSeriesManager}, and prints the number of positions and the last
 * bar's close.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.quantplug.benchmarks.command.Ta4jCommand FILE}
 */
public final class Ta4jCommand {

    private Ta4jCommand() {
    }

    /**
     * Loads the file and backtests it.
     *
     * @param args the file
     * @throws IOException when it cannot be read
     */
    public static void main(String[] args) throws IOException {
        BarSeries series = load(Path.of(args[0]));
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(new BaseStrategy(
                new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), 30));
        System.out.println(series.getBarCount() + " bars, " + record.getPositionCount() + " positions, last close "
                + series.getLastBar().getClosePrice());
    }

    /**
     * Reads a Binance kline CSV line by line into a {@code DoubleNum} series of one-minute bars.
     *
     * @param file the CSV ({@code timestamp,open,high,low,close,volume}, a header line first)
     * @return the series
     * @throws IOException when it cannot be read
     */
    static BarSeries load(Path file) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        BarSeries series = new BaseBarSeriesBuilder().withName(file.toString()).withNumTypeOf(DoubleNum.class).build();
        Duration minute = Duration.ofMinutes(1);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            in.readLine(); // header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                ZonedDateTime end = LocalDateTime.parse(f[0], format).atZone(ZoneOffset.UTC).plus(minute);
                series.addBar(minute, end, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
            }
        }
        return series;
    }
}
