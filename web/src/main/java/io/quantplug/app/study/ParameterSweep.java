package io.quantplug.app.study;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.analytics.RunReturns;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestConfigurationException;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.SessionListener;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a study's trials on a pool of worker threads: each trial is a backtest of the same bars, opened and run as
 * {@code quantplug backtest} runs one ({@link Backtester#open}, the same warm-up, no book), so its metrics equal that
 * command's with the same parameters. The bars are shared read-only; each trial has its own session, strategy and
 * venue. Results are reported on the calling thread as trials finish, and returned in the order of the sets.
 *
 * <p>Used by {@code quantplug optimize} (all trials on a thread pool, {@link #run}) and by the Spark job
 * ({@code io.quantplug.spark.StudyJob}, one slice of trials per task, {@link #trial}), so that both compute a trial
 * with the same code. A sweep holds no mutable state: {@link #trial} may be called from several threads at once.
 */
public final class ParameterSweep {

    /**
     * One finished trial.
     *
     * @param index      its position among the sets
     * @param parameters the strategy's resolved parameters (defaults filled in)
     * @param metrics    its performance metrics
     * @param returns    its per-bar simple returns {@code E_i / E_(i-1) - 1}, {@code E_0} the initial capital and
     *                   {@code E_i} the equity at the close of bar {@code i}; null unless the sweep keeps them
     *                   ({@link #keepingReturns}): a study keeps only their summary
     * @param summary    what the study's statistics need of those returns
     * @param faults     plugin callbacks that failed during it
     */
    public record Trial(int index, Map<String, String> parameters, PerformanceMetrics metrics, double[] returns,
                        ReturnSummary summary, int faults) implements Serializable {
    }

    private final Backtester backtester;
    private final Function<Map<String, String>, BacktestConfig> configs;
    private final Timeframe timeframe;
    private final List<Bar> bars;
    private final long warmUpBars;
    private final int workers;
    private final int pboBlocks;
    private final boolean keepReturns;

    /**
     * A sweep over some bars.
     *
     * @param backtester the backtester over the open plugins' catalog
     * @param configs    the configuration of a trial from its strategy parameters
     * @param timeframe  the bar length
     * @param bars       the bars, shared read-only by every worker
     * @param warmUpBars bars each trial warms up on
     * @param workers    worker threads, &ge; 1
     * @param pboBlocks  the blocks {@code S} of the study's PBO, whose block sums each trial's summary holds
     */
    public ParameterSweep(Backtester backtester, Function<Map<String, String>, BacktestConfig> configs,
                          Timeframe timeframe, List<Bar> bars, long warmUpBars, int workers, int pboBlocks) {
        this(backtester, configs, timeframe, bars, warmUpBars, workers, pboBlocks, false);
    }

    private ParameterSweep(Backtester backtester, Function<Map<String, String>, BacktestConfig> configs,
                           Timeframe timeframe, List<Bar> bars, long warmUpBars, int workers, int pboBlocks,
                           boolean keepReturns) {
        this.backtester = backtester;
        this.configs = configs;
        this.timeframe = timeframe;
        this.bars = bars;
        this.warmUpBars = warmUpBars;
        this.workers = workers;
        this.pboBlocks = pboBlocks;
        this.keepReturns = keepReturns;
    }

    /**
     * The same sweep, its trials keeping their per-bar returns (a walk-forward window's out-of-sample trial, whose
     * returns are stitched); a study's trials keep only their summary, so that its memory does not grow with
     * trials times bars.
     *
     * @return the sweep
     */
    public ParameterSweep keepingReturns() {
        return new ParameterSweep(backtester, configs, timeframe, bars, warmUpBars, workers, pboBlocks, true);
    }

    /**
     * Runs a trial for every set.
     *
     * @param sets     the strategy parameter sets
     * @param finished told of each trial as it finishes, on this thread
     * @return the trials, in the order of {@code sets}
     * @throws UserInputException when a trial's parameters are refused by the strategy (naming the set)
     */
    public List<Trial> run(List<Map<String, String>> sets, Consumer<Trial> finished) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "optimize-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Trial> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < sets.size(); i++) {
                int index = i;
                done.submit(() -> trial(index, sets.get(index)));
            }
            Trial[] trials = new Trial[sets.size()];
            for (int i = 0; i < sets.size(); i++) {
                Trial t = take(done);
                trials[t.index()] = t;
                finished.accept(t);
            }
            return List.of(trials);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs one trial on the calling thread.
     *
     * @param index its position among the study's sets
     * @param set   the strategy parameter set, as typed
     * @return the finished trial
     * @throws UserInputException when the strategy refuses the parameters (naming the set)
     */
    public Trial trial(int index, Map<String, String> set) {
        BacktestConfig config = configs.apply(set);
        BacktestResult result;
        try {
            result = backtester.open(config, timeframe, BarSource.of(bars), new SessionListener() { })
                    .warmUp(warmUpBars).fillOnBook(null).run((done, total) -> { });
        } catch (BacktestConfigurationException | InvalidParameterException e) {
            throw new UserInputException("trial " + set + ": " + e.getMessage()
                    + " (leave such sets out with --constraint)");
        }
        double[] returns = RunReturns.ofEquity(result.equity());
        return new Trial(index, result.parameters().get("strategy:" + config.strategy().id()), result.metrics(),
                keepReturns ? returns : null, ReturnSummary.of(returns, pboBlocks), result.faults().size());
    }

    private static Trial take(CompletionService<Trial> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a trial", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
