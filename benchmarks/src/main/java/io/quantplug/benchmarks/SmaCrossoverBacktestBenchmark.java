package io.quantplug.benchmarks;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.SessionListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SMA(10/30) crossover backtest over 50,000 real 1-minute bars held in memory, Quantplug against ta4j 0.17's
 * {@code BarSeriesManager} with {@code TradeOnNextOpenModel} and {@code DoubleNum}, both without costs. Scores are
 * bars per second.
 *
 * <ul>
 *   <li>{@link #quantplugSession()}: a session opened through the public API ({@link Backtester#open} on a
 *       {@link BarSource}, then {@code execute}): extension look-up and parameters, engine, simulated venue and
 *       exact-decimal portfolio, producing round trips and the equity curve: the work ta4j's {@code run} does
 *       (which produces a {@code TradingRecord}).</li>
 *   <li>{@link #quantplug()}: the whole {@link Backtester#run}, adding the metrics over the equity curve (Sharpe,
 *       Sortino, drawdown ...), which ta4j does not compute here.</li>
 * </ul>
 * Each invocation is a complete backtest: Quantplug builds a new session and strategy; ta4j builds new indicators
 * (its indicators cache their values, so reusing them would skip the work).
 *
 * <p>Both run under the Parallel collector, the JVM's throughput collector for batch work like a backtest (the
 * command-line launcher uses the Serial one). Under G1, whose write barriers tax Quantplug's exact-decimal
 * accounting more than ta4j's {@code DoubleNum} arithmetic, the ratio is lower; BENCHMARKS.md has both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 3, warmups = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class SmaCrossoverBacktestBenchmark {

    /** Bars per invocation: one {@code binance-spot-1m-btc-eth-2021-2023} block. */
    static final int BARS = 50_000;
    static final String FILE = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";

    private static final SessionListener NO_LISTENER = new SessionListener() { };

    private List<Bar> bars;
    private Backtester backtester;
    private BacktestConfig config;
    private org.ta4j.core.BarSeries ta4jSeries;

    @Setup
    public void load() {
        BarSeries series = new BarFileReader().read(BenchmarkData.file(FILE)).series();
        if (series.size() != BARS) {
            throw new IllegalStateException(FILE + " has " + series.size() + " bars, expected " + BARS);
        }
        InstrumentId id = InstrumentId.of("BTCUSDT", "BINANCE");
        bars = series.toBars(id);
        Instrument instrument = Instrument.spot(id, "BTC", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.00001"), new BigDecimal("10"));
        ExtensionCatalog catalog = ExtensionCatalog.of(
                ExtensionCatalog.fromClassPath(SmaCrossoverBacktestBenchmark.class.getClassLoader()));
        backtester = new Backtester(catalog);
        config = new BacktestConfig(instrument, new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO,
                ExtensionRef.parse("sma-crossover:fast=10,slow=30"), List.of(), null, List.of());

        ta4jSeries = new org.ta4j.core.BaseBarSeriesBuilder().withName("BTCUSDT")
                .withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < series.size(); i++) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(series.openTimeMillis(i)),
                    ZoneOffset.UTC).plusMinutes(1);
            ta4jSeries.addBar(Duration.ofMinutes(1), end, ta4jSeries.numOf(series.open(i)),
                    ta4jSeries.numOf(series.high(i)), ta4jSeries.numOf(series.low(i)),
                    ta4jSeries.numOf(series.close(i)), ta4jSeries.numOf(series.volume(i)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public BacktestResult quantplug() {
        return backtester.run(config, Timeframe.M1, bars, BacktestProgress.NONE);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public EquityCurve quantplugSession() {
        return backtester.open(config, Timeframe.M1, BarSource.of(bars), NO_LISTENER).execute(BacktestProgress.NONE)
                .equity();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public TradingRecord ta4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(ta4jSeries);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), 30);
        return new BarSeriesManager(ta4jSeries, new TradeOnNextOpenModel()).run(strategy);
    }
}
