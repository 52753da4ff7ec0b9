package io.quantplug.benchmarks.command;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The ta4j side of the parameter-sweep benchmark (issue 18's speed target): what a ta4j user writes to run many SMA
 * crossover backtests of one CSV file in one JVM. Reads a Binance kline CSV ({@code timestamp,open,high,low,close,
 * volume}, one-minute bars) once into a {@code BaseBarSeries} of {@code DoubleNum}, then for every {@code fast} in
 * {@code FAST_FROM..FAST_TO} (step 1) and {@code slow} in {@code SLOW_FROM..SLOW_TO} (step {@code SLOW_STEP}) runs
 * the long/flat crossover with {@code TradeOnNextOpenModel} and {@code BarSeriesManager}, one after another on one
 * thread, as {@link Ta4jCommand} runs one. Prints the number of backtests and the best trial by position count.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.quantplug.benchmarks.command.Ta4jSweepCommand FILE FAST_FROM FAST_TO
 * SLOW_FROM SLOW_TO SLOW_STEP}
 */
public final class Ta4jSweepCommand {

    private Ta4jSweepCommand() {
    }

    /**
     * Loads the file and sweeps the grid.
     *
     * @param args the file and the grid's bounds
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        BarSeries series = Ta4jCommand.load(Path.of(args[0])); // the same reading as the one-backtest command
        int fastFrom = Integer.parseInt(args[1]);
        int fastTo = Integer.parseInt(args[2]);
        int slowFrom = Integer.parseInt(args[3]);
        int slowTo = Integer.parseInt(args[4]);
        int slowStep = Integer.parseInt(args[5]);
        int runs = 0;
        int most = -1;
        String best = "";
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        for (int fast = fastFrom; fast <= fastTo; fast++) {
            for (int slow = slowFrom; slow <= slowTo; slow += slowStep) {
                SMAIndicator f = new SMAIndicator(close, fast);
                SMAIndicator s = new SMAIndicator(close, slow);
                TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(
                        new BaseStrategy(new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s), slow));
                runs++;
                if (record.getPositionCount() > most) {
                    most = record.getPositionCount();
                    best = fast + "/" + slow;
                }
            }
        }
        System.out.println(runs + " backtests of " + series.getBarCount() + " bars; most positions " + most + " at "
                + best);
    }
}
