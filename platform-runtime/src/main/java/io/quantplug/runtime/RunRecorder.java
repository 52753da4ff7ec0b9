package io.quantplug.runtime;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.PortfolioBacktester;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.backtest.PortfolioResult;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.Journal;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import io.quantplug.runtime.store.StoreUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Platform}'s backtests with their records journaled into its store, as {@code quantplug backtest}
 * stores a run: inserted {@code RUNNING} before the first bar, every signal, order, fill and equity point through a
 * {@link Journal} of its own, then the result and status {@code COMPLETED} ({@code STOPPED} with its result up to
 * the stop when a {@link io.quantplug.runtime.backtest.RunStoppedException} ended it early, {@code FAILED} with the
 * error).
 *
 * <p>Thread-safe: each call uses its own journal; the store is thread-safe. Used by {@link Platform} and by the web
 * server's backtest jobs and paper instances.
 */
public final class RunRecorder {

    /** How long closing a run's journal keeps retrying an unreachable database before the run counts as lost. */
    private static final Duration JOURNAL_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Store store;
    private final String actor;

    /**
     * Creates a recorder.
     *
     * @param store where runs go
     * @param actor who runs them, recorded with each run and its audit entries
     */
    public RunRecorder(Store store, String actor) {
        this.store = store;
        this.actor = actor;
    }

    /**
     * Runs a backtest on the calling thread and stores it.
     *
     * @param backtester runs it
     * @param config     what to run
     * @param timeframe  the bar length
     * @param bars       the bars, at least one
     * @return the result, once every record of the run is written
     * @throws QuantplugException        when the database refuses to record the run's start
     * @throws StoreUnavailableException when the run's records were not all written (the database stayed
     *                                   unreachable for 30 s)
     * @throws RuntimeException          whatever the backtest throws, after the run is journaled {@code FAILED}
     */
    BacktestResult run(Backtester backtester, BacktestConfig config, Timeframe timeframe, List<Bar> bars) {
        return run(backtester, RunStore.Mode.BACKTEST, config, timeframe, bars, BacktestProgress.NONE,
                new SessionListener() { }, id -> { }).result();
    }

    /**
     * What {@link #run(Backtester, RunStore.Mode, BacktestConfig, Timeframe, List, BacktestProgress,
     * SessionListener, java.util.function.LongConsumer)} returns.
     *
     * @param runId    the stored run's id
     * @param result   the result
     * @param document the stored result document
     */
    public record Recorded(long runId, BacktestResult result, ResultDocument document) {
    }

    /**
     * Runs a session on the calling thread and stores it, with the caller's progress and listener.
     *
     * @param backtester runs it
     * @param mode       how the run is recorded, e.g. {@code BACKTEST} or {@code PAPER}
     * @param config     what to run
     * @param timeframe  the bar length
     * @param bars       the bars, at least one
     * @param progress   told of progress; may throw (e.g. {@link java.util.concurrent.CancellationException}) to
     *                   end the run, which is then stored {@code FAILED} with the exception's message
     * @param listener   told of the session's events after the store's journal
     * @param started    told the run id once the run is recorded as {@code RUNNING}, before the first bar
     * @return the run id, result and document, once every record is written
     * @throws QuantplugException        when the database refuses to record the run's start
     * @throws StoreUnavailableException when the run's records were not all written within 30 s
     * @throws RuntimeException          whatever the run throws, after it is journaled {@code FAILED}
     */
    public Recorded run(Backtester backtester, RunStore.Mode mode, BacktestConfig config, Timeframe timeframe,
                        List<Bar> bars, BacktestProgress progress, SessionListener listener,
                        java.util.function.LongConsumer started) {
        return run(mode, config, timeframe, bars, journaling -> backtester.open(config, timeframe,
                BarSource.of(bars), journaling), progress, listener, started);
    }

    /**
     * Opens a session through the caller, runs it on the calling thread and stores it: how a console instance runs
     * a paced replay whose {@link io.quantplug.runtime.session.RunningSession} it keeps to watch and stop.
     *
     * @param mode      how the run is recorded, e.g. {@code BACKTEST} or {@code PAPER}
     * @param config    what runs, as the opened session runs it
     * @param timeframe the bar length
     * @param planned   the bars the session is planned to take, at least one: the stored run's planned range
     * @param open      opens the session with the listener given (the store's journal, then {@code listener})
     * @param progress  told of progress; may throw to end the run, as above
     * @param listener  told of the session's events after the store's journal
     * @param started   told the run id once the run is recorded as {@code RUNNING}, before the first bar
     * @return the run id, result and document, once every record is written
     * @throws QuantplugException        when the database refuses to record the run's start
     * @throws StoreUnavailableException when the run's records were not all written within 30 s
     * @throws RuntimeException          whatever opening or running throws, after the run is journaled
     *                                   {@code FAILED}
     */
    public Recorded run(RunStore.Mode mode, BacktestConfig config, Timeframe timeframe, List<Bar> planned,
                        java.util.function.Function<SessionListener, BacktestRun> open, BacktestProgress progress,
                        SessionListener listener, java.util.function.LongConsumer started) {
        return run(mode, plannedRun(config, timeframe, planned), open, progress, listener, started);
    }

    /**
     * As {@link #run(RunStore.Mode, BacktestConfig, Timeframe, List, java.util.function.Function, BacktestProgress,
     * SessionListener, java.util.function.LongConsumer)}, for a session whose bars are not known before it runs (a
     * stream): the caller gives the run block recorded at the start.
     *
     * @param mode     how the run is recorded, e.g. {@code PAPER}
     * @param planned  the run block recorded at the start (replaced by the result's at the end)
     * @param open     opens the session with the listener given (the store's journal, then {@code listener})
     * @param progress told of progress; may throw to end the run
     * @param listener told of the session's events after the store's journal
     * @param started  told the run id once the run is recorded as {@code RUNNING}
     * @return the run id, result and document, once every record is written
     * @throws QuantplugException        when the database refuses to record the run's start
     * @throws StoreUnavailableException when the run's records were not all written within 30 s
     * @throws RuntimeException          whatever opening or running throws, after the run is journaled
     *                                   {@code FAILED}
     */
    public Recorded run(RunStore.Mode mode, ResultDocument.Run planned,
                        java.util.function.Function<SessionListener, BacktestRun> open, BacktestProgress progress,
                        SessionListener listener, java.util.function.LongConsumer started) {
        long runId = store.runs().start(mode, planned, actor);
        started.accept(runId);
        String[] stoppedBy = {null};
        Done<BacktestResult, ResultDocument> done = journaled(runId, journaling -> {
            BacktestResult r = open.apply(journaling).run(progress);
            stoppedBy[0] = r.stoppedBy();
            return r;
        }, listener, ResultDocument::of, (id, document, by, journal) -> stoppedBy[0] == null
                ? store.runs().complete(id, document, by, journal)
                : store.runs().stopped(id, document, stoppedBy[0], by, journal));
        return new Recorded(runId, done.result(), done.document());
    }

    /** A session's result and its stored document. */
    private record Done<R, D>(R result, D document) {
    }

    /** How a run's result is journaled: {@link RunStore#complete} or {@link RunStore#completePortfolio}. */
    @FunctionalInterface
    private interface Completion<D> {
        long complete(long runId, D document, String actor, Journal journal);
    }

    /**
     * Runs a session with its records journaled under a started run: on a throw the run is journaled {@code FAILED}
     * and the throw goes on; else its document is journaled as the completion and the journal closed.
     */
    private <R, D> Done<R, D> journaled(long runId, java.util.function.Function<SessionListener, R> session,
                                        SessionListener listener, java.util.function.Function<R, D> document,
                                        Completion<D> completion) {
        Journal journal = store.journal();
        R result;
        try {
            result = session.apply(store.runs().listener(runId, journal, listener));
        } catch (RuntimeException | Error e) {
            store.runs().fail(runId, String.valueOf(e.getMessage()), actor, journal);
            journal.close(JOURNAL_CLOSE_TIMEOUT);
            throw e;
        }
        D d = document.apply(result);
        completion.complete(runId, d, actor, journal);
        closeCompleted(runId, journal);
        return new Done<>(result, d);
    }

    /**
     * What {@link #runPortfolio} returns.
     *
     * @param runId    the stored run's id
     * @param result   the result
     * @param document the stored result document ({@code quantplug-portfolio-result/1})
     */
    public record RecordedPortfolio(long runId, PortfolioResult result, PortfolioDocument document) {
    }

    /**
     * Runs a portfolio backtest (several instruments, one account) on the calling thread and stores it as a
     * {@code BACKTEST} run of kind {@link RunStore.Kind#PORTFOLIO}: every book's signals, orders, fills and
     * positions through one journal, then the {@link PortfolioDocument}'s run block, breakdowns, the account's
     * metrics, trades and equity curve, and status {@code COMPLETED} (or {@code FAILED} with the error).
     *
     * @param backtester runs it
     * @param config     what to run
     * @param progress   told of progress, in bars over all books; may throw (e.g.
     *                   {@link java.util.concurrent.CancellationException}) to end the run, which is then stored
     *                   {@code FAILED} with the exception's message
     * @param listener   told of every book's events after the store's journal
     * @param started    told the run id once the run is recorded as {@code RUNNING}, before the first bar
     * @return the run id, result and document, once every record is written
     * @throws QuantplugException        when the database refuses to record the run's start
     * @throws StoreUnavailableException when the run's records were not all written within 30 s
     * @throws RuntimeException          whatever the run throws, after it is journaled {@code FAILED}
     */
    public RecordedPortfolio runPortfolio(PortfolioBacktester backtester, PortfolioConfig config,
                                          BacktestProgress progress, SessionListener listener,
                                          java.util.function.LongConsumer started) {
        long runId = store.runs().startPortfolio(RunStore.Mode.BACKTEST, PortfolioDocument.plannedRun(config),
                actor);
        started.accept(runId);
        Done<PortfolioResult, PortfolioDocument> done = journaled(runId, journaling -> backtester.run(config,
                progress, journaling), listener, PortfolioDocument::of, store.runs()::completePortfolio);
        return new RecordedPortfolio(runId, done.result(), done.document());
    }

    /** Closes a completed run's journal; when records stayed unwritten, marks the run failed and throws. */
    private void closeCompleted(long runId, Journal journal) {
        Journal.Stats stats = journal.close(JOURNAL_CLOSE_TIMEOUT);
        if (stats.unwritten() > 0 || stats.failure() != null) {
            markFailed(runId, "the store could not record the run completely (" + stats.unwritten()
                    + " records unwritten)");
            throw new StoreUnavailableException("run " + runId + " was not stored completely ("
                    + stats.unwritten() + " records unwritten): " + stats.failure(), null);
        }
    }

    /**
     * Records a run as {@code FAILED} through a journal of its own after its own journal could not finish it, so
     * that no run stays {@code RUNNING} for ever; when the store refuses this too, the run stays as it was (a
     * restart's recovery marks runs of a dead process).
     */
    private void markFailed(long runId, String error) {
        Journal last = store.journal();
        store.runs().fail(runId, error, actor, last);
        last.close(JOURNAL_CLOSE_TIMEOUT);
    }

    /**
     * The {@code run} block known before the run (raw parameters); the completion replaces it with the final one
     * (resolved parameters). The same block {@code quantplug backtest} records when a run starts.
     */
    private static ResultDocument.Run plannedRun(BacktestConfig c, Timeframe timeframe, List<Bar> bars) {
        // keyed as the backtester reports them (BacktestConfig.strategyNames)
        Map<String, Map<String, String>> parameters = new java.util.LinkedHashMap<>();
        List<String> names = c.strategyNames();
        for (int i = 0; i < names.size(); i++) {
            parameters.put("strategy:" + names.get(i), c.strategies().get(i).parameters());
        }
        return ResultDocument.Run.of(c, timeframe.label(), Instant.ofEpochMilli(bars.get(0).openTimeMillis()),
                Instant.ofEpochMilli(bars.get(bars.size() - 1).openTimeMillis()), bars.size(), parameters);
    }
}
