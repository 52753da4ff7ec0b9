package io.quantplug.benchmarks;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Order;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.ExchangeBarSource;
import io.quantplug.runtime.session.SessionListener;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * From a market event received to the order handed to the venue, in process: a closed bar handed to a paper session's
 * {@link ExchangeBarSource} on the calling thread (as an exchange adapter's stream thread hands it), through the
 * bounded queue to the session's engine thread, the strategy's {@code onBar}, its signal through the pipeline (sizer,
 * risk rules, rounding), until the order reaches the venue ({@code SessionListener.onOrderSubmitted}, called as the
 * order is handed over). The strategy signals on every bar, long and flat in turn, so every bar makes an order (and
 * fills the previous one). Bars: the real {@code BTCUSDT_1m_2022chunk.csv} prices, re-timed one minute apart.
 *
 * <p>JMH's sample mode gives the distribution of the whole hand-off (the calling thread waits for the order); an
 * {@link Histogram} records the event-to-order time itself, printed with its percentiles at the end of each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class EventToOrderLatencyBenchmark {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");

    /** Long on even bars, flat on odd ones: an order on every bar. */
    static final class EveryBar implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("every-bar", "Every bar", "Signals long and flat in turn, every bar.",
                    ParameterSchema.empty());
        }

        @Override
        public Strategy create(StrategyContext context) {
            return new Strategy() {
                private long bars;

                @Override
                public void onBar(Bar bar) {
                    SignalDirection d = (bars++ & 1) == 0 ? SignalDirection.LONG : SignalDirection.FLAT;
                    context.emit(Signal.of(BTC, d, context.clock().millis(), "every bar"));
                }
            };
        }
    }

    private double[] closes;
    private ExchangeBarSource source;
    private BacktestRun run;
    private Thread engine;
    private long nextOpen;
    private int next;
    private volatile long ordersSeen;
    private volatile long orderNanos;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);

    @Setup(Level.Trial)
    public void start() {
        BarSeries series = new BarFileReader().read(BenchmarkData.file(SmaCrossoverBacktestBenchmark.FILE)).series();
        closes = new double[series.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = series.close(i);
        }
        Instrument instrument = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                new BigDecimal("10"));
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(new ExtensionInfo(ExtensionKind.STRATEGY,
                new EveryBar(), null)));
        BacktestConfig config = new BacktestConfig(instrument, new BigDecimal("10000"), BigDecimal.ZERO,
                BigDecimal.ZERO, ExtensionRef.parse("every-bar"), List.of(), null, List.of());
        source = new ExchangeBarSource(BTC, Timeframe.M1, 0, null, 1_024, Long.MAX_VALUE);
        run = new Backtester(catalog).open(config, Timeframe.M1, source, new SessionListener() {
            @Override
            public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
                orderNanos = System.nanoTime();
                ordersSeen++;
            }
        });
        engine = new Thread(() -> run.run(BacktestProgress.NONE), "engine");
        engine.start();
        nextOpen = 1_655_683_200_000L; // 2022-06-20T00:00:00Z
    }

    /**
     * Hands one closed bar to the source and waits until the order it causes reaches the venue.
     *
     * @return the event-to-order time, nanoseconds
     */
    @Benchmark
    public long barToOrder() {
        double c = closes[next];
        next = next + 1 == closes.length ? 0 : next + 1;
        Bar bar = new Bar(BTC, Timeframe.M1, nextOpen, c, c, c, c, 1);
        nextOpen += 60_000;
        long seen = ordersSeen;
        long t0 = System.nanoTime();
        source.onBar(bar);
        while (ordersSeen == seen) {
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(5)) {
                throw new IllegalStateException("no order within 5 s of bar " + bar + "; the run is " + run.state());
            }
            Thread.onSpinWait();
        }
        long nanos = orderNanos - t0;
        histogram.recordValue(Math.max(0, nanos));
        return nanos;
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%nevent to order: %,d orders, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3);
        histogram.reset();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        run.stop("benchmark end");
        engine.join(10_000);
    }
}
