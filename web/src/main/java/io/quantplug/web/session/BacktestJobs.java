package io.quantplug.web.session;

import io.quantplug.api.market.Bar;
import io.quantplug.runtime.RunRecorder;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.PortfolioBacktester;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.ApiException;
import io.quantplug.web.EventHub;
import io.quantplug.web.ServerLimits;
import io.quantplug.web.ServerMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backtest jobs: a checked {@link RunPlanner.Plan} is queued (within {@link ServerLimits}: so many queued on the
 * server, so many queued or running per user), run on one worker thread (the machine has few cores; a second job
 * waits) and stored as a {@code BACKTEST} run. While it waits or runs a job holds its plan (bars included); once it
 * ends it keeps only its summary, and its result and bars are read again from the store and the data source. A
 * portfolio job (several instruments on one account, {@link PortfolioPlanner.Plan}) queues, runs, is canceled and is
 * stored the same way. A job can be canceled while queued or running, by its owner or an admin (the run is then stored {@code FAILED} with
 * "canceled by USER"). Progress and completion are streamed as {@code run.progress} and {@code run.finished}
 * events. Thread-safe.
 */
public final class BacktestJobs implements AutoCloseable {

    /** A job's state. */
    public enum Status {
        /** Waiting for the worker. */
        QUEUED,
        /** Running. */
        RUNNING,
        /** Done; its result is stored. */
        COMPLETED,
        /** Ended with an error. */
        FAILED,
        /** Canceled by a user. */
        CANCELED
    }

    /**
     * What the API shows of a job.
     *
     * @param id         the job id
     * @param owner      who submitted it
     * @param strategy   the strategy id
     * @param source     where the bars come from
     * @param status     the state
     * @param barsDone   bars processed so far
     * @param barsTotal  bars in the run
     * @param runId      the stored run's id, or null before it is recorded
     * @param error      why it failed, or null
     * @param submitted  when it was submitted
     * @param finished   when it ended, or null
     * @param orders     orders so far
     * @param fills      fills so far
     * @param kind       one instrument, or a portfolio (several instruments and strategies on one account)
     */
    public record View(long id, String owner, String strategy, String source, Status status, long barsDone,
                       long barsTotal, Long runId, String error, Instant submitted, Instant finished, long orders,
                       long fills, RunStore.Kind kind) {
    }

    private final class Job {
        final long id;
        final String owner;
        final String strategy;
        final String source;
        final long barsTotal;
        final RunRequest request;
        final Instant submitted;
        final LiveListener listener;
        /** The checked run while the job waits or runs; dropped when it ends (its bars are megabytes). */
        volatile RunPlanner.Plan plan;
        /** A portfolio job's checked run, likewise; null for a single-instrument job. */
        volatile PortfolioPlanner.Plan portfolio;
        final RunStore.Kind kind;
        volatile Status status = Status.QUEUED;
        volatile long barsDone;
        volatile Long runId;
        volatile String error;
        volatile Instant finished;
        volatile String canceledBy;

        Job(long id, String owner, RunRequest request, RunPlanner.Plan plan, Instant submitted) {
            this.id = id;
            this.owner = owner;
            this.request = request;
            this.plan = plan;
            this.strategy = plan.config().strategy().id();
            this.source = plan.source();
            this.barsTotal = plan.bars().size();
            this.submitted = submitted;
            this.listener = new LiveListener("backtest/" + id, hub, metrics);
            this.kind = RunStore.Kind.SINGLE;
        }

        Job(long id, String owner, RunRequest request, PortfolioPlanner.Plan portfolio, Instant submitted) {
            this.id = id;
            this.owner = owner;
            this.request = request;
            this.portfolio = portfolio;
            this.strategy = portfolio.strategy();
            this.source = portfolio.source();
            this.barsTotal = portfolio.bars();
            this.submitted = submitted;
            this.listener = new LiveListener("backtest/" + id, hub, metrics);
            this.kind = RunStore.Kind.PORTFOLIO;
        }

        boolean active() {
            return status == Status.QUEUED || status == Status.RUNNING;
        }

        View view() {
            return new View(id, owner, strategy, source, status, barsDone, barsTotal, runId, error, submitted,
                    finished, listener.orders(), listener.fills(), kind);
        }
    }

    private final Store store;
    private final EventHub hub;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final ServerLimits limits;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quantplug-backtests");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong ids = new AtomicLong();
    /** What a refused submission is told to wait, seconds. */
    private static final long RETRY_SECONDS = 10;
    private volatile int running;

    /**
     * Creates the job queue.
     *
     * @param store   where runs are stored
     * @param hub     where progress goes
     * @param metrics what counts events
     * @param clock   the time source
     * @param limits  how many jobs may wait, in all and per user
     */
    public BacktestJobs(Store store, EventHub hub, ServerMetrics metrics, Clock clock, ServerLimits limits) {
        this.store = store;
        this.hub = hub;
        this.metrics = metrics;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Queues a checked run, within the limits.
     *
     * @param request the request as given (kept to read the bars again for the chart after the run)
     * @param plan    the run
     * @param catalog the extensions to run it with (a snapshot: later plugin changes do not affect the job)
     * @param owner   who submits it
     * @return the job as queued
     * @throws ApiException 429 {@code too_many_requests} with {@code Retry-After} when the owner has
     *                      {@link ServerLimits#backtestsPerUser()} jobs queued or running, or the server
     *                      {@link ServerLimits#queuedBacktests()} jobs queued; nothing is queued then
     */
    public View submit(RunRequest request, RunPlanner.Plan plan, ExtensionCatalog catalog, String owner) {
        return enqueue(owner, id -> new Job(id, owner, request, plan, clock.instant()), catalog);
    }

    /**
     * Queues a checked portfolio run, within the same limits as {@link #submit}; it runs on the same worker and is
     * stored as a {@code BACKTEST} run of kind {@code PORTFOLIO}.
     *
     * @param request the request as given
     * @param plan    the run
     * @param catalog the extensions to run it with (a snapshot)
     * @param owner   who submits it
     * @return the job as queued
     * @throws ApiException 429 as {@link #submit}
     */
    public View submitPortfolio(RunRequest request, PortfolioPlanner.Plan plan, ExtensionCatalog catalog,
                                String owner) {
        return enqueue(owner, id -> new Job(id, owner, request, plan, clock.instant()), catalog);
    }

    private View enqueue(String owner, java.util.function.LongFunction<Job> create, ExtensionCatalog catalog) {
        Job job;
        synchronized (jobs) {
            int queued = 0;
            int mine = 0;
            for (Job j : jobs.values()) {
                queued += j.status == Status.QUEUED ? 1 : 0;
                mine += j.active() && j.owner.equals(owner) ? 1 : 0;
            }
            if (mine >= limits.backtestsPerUser()) {
                throw ApiException.retryLater(429, "too_many_requests", owner + " has " + mine
                        + " backtests queued or running, the most one user may have (limit backtestsPerUser);"
                        + " wait for one to finish or cancel one", RETRY_SECONDS);
            }
            if (queued >= limits.queuedBacktests()) {
                throw ApiException.retryLater(429, "too_many_requests", queued + " backtests are queued, the"
                        + " most the server takes (limit queuedBacktests); try again later", RETRY_SECONDS);
            }
            job = create.apply(ids.incrementAndGet());
            jobs.put(job.id, job);
        }
        worker.execute(() -> run(job, catalog));
        return job.view();
    }

    private void run(Job job, ExtensionCatalog catalog) {
        if (job.status == Status.CANCELED) {
            job.plan = null;
            job.portfolio = null;
            return;
        }
        job.status = Status.RUNNING;
        running++;
        BacktestProgress progress = (done, total) -> {
            metrics.events(done - job.barsDone);
            job.barsDone = done;
            hub.publish("run.progress", Map.of("run", "backtest/" + job.id, "barsDone", done, "barsTotal", total));
            if (job.canceledBy != null) {
                throw new CancellationException("canceled by " + job.canceledBy);
            }
        };
        try {
            if (job.kind == RunStore.Kind.PORTFOLIO) {
                new RunRecorder(store, job.owner).runPortfolio(new PortfolioBacktester(catalog),
                        job.portfolio.config(), progress, job.listener, id -> job.runId = id);
            } else {
                RunPlanner.Plan plan = job.plan;
                Backtester backtester = new Backtester(catalog);
                new RunRecorder(store, job.owner).run(RunStore.Mode.BACKTEST, plan.config(), plan.timeframe(),
                        plan.bars(), journaling -> backtester.open(plan.config(), plan.timeframe(),
                                BarSource.of(plan.bars()), journaling).tradePerpetual(plan.perpetual()),
                        progress, job.listener, id -> job.runId = id);
            }
            job.status = Status.COMPLETED;
        } catch (CancellationException e) {
            job.status = Status.CANCELED;
            job.error = e.getMessage();
        } catch (RuntimeException e) {
            job.status = Status.FAILED;
            job.error = RunErrors.publicMessage("backtest/" + job.id, e);
        } finally {
            running--;
            job.plan = null;
            job.portfolio = null;
            job.finished = clock.instant();
            View v = job.view();
            hub.publish("run.finished", Map.of("run", "backtest/" + job.id, "status", v.status().name(),
                    "runId", v.runId() == null ? -1 : v.runId()));
        }
    }

    /**
     * Cancels a queued or running job.
     *
     * @param id the job id
     * @param by    who cancels it
     * @param admin whether that user is an admin (who may cancel anyone's job)
     * @return the job after the request (a running job ends at its next progress report)
     * @throws ApiException 404 for an unknown id, 403 when {@code by} is neither its owner nor an admin, 409 when
     *                      the job has ended
     */
    public View cancel(long id, String by, boolean admin) {
        Job job = job(id);
        if (!admin && !job.owner.equals(by)) {
            throw new ApiException(403, "forbidden", null, "backtest " + id + " is " + job.owner
                    + "'s; only its owner or an admin may cancel it");
        }
        synchronized (job) {
            if (job.status != Status.QUEUED && job.status != Status.RUNNING) {
                throw ApiException.conflict("backtest " + id + " is " + job.status.name().toLowerCase()
                        + "; only a queued or running backtest can be canceled");
            }
            job.canceledBy = by;
            if (job.status == Status.QUEUED) {
                job.status = Status.CANCELED;
                job.error = "canceled by " + by;
                job.finished = clock.instant();
            }
        }
        return job.view();
    }

    /**
     * One job.
     *
     * @param id the job id
     * @return its view
     * @throws ApiException 404 for an unknown id
     */
    public View view(long id) {
        return job(id).view();
    }

    /**
     * A completed job's result, read from the store (a finished job keeps only its summary in memory).
     *
     * @param id the job id
     * @return the result document (metrics, trades, equity)
     * @throws ApiException 404 for an unknown id, 409 when it has no result (yet)
     */
    public ResultDocument result(long id) {
        long runId = completedRun(job(id));
        return store.runs().document(runId).orElseThrow(() -> noStoredResult(id, runId));
    }

    /** A completed job's run id; 409 when it has no result (yet). */
    /**
     * The stored run of a completed job: the id {@code quantplug runs show} and {@code quantplug montecarlo --run}
     * know it by.
     *
     * @param id the job id
     * @return the run id
     * @throws ApiException 404 for an unknown id, 409 when it has no result (yet)
     */
    public long storedRun(long id) {
        return completedRun(job(id));
    }

    private static long completedRun(Job job) {
        Long runId = job.runId;
        if (job.status != Status.COMPLETED || runId == null) {
            throw ApiException.conflict("backtest " + job.id + " is " + job.status.name().toLowerCase()
                    + " and has no result");
        }
        return runId;
    }

    private static ApiException noStoredResult(long id, long runId) {
        return ApiException.conflict("backtest " + id + "'s run " + runId + " has no stored result");
    }

    /**
     * A completed job's result document, read from the store: a {@link ResultDocument}, or a portfolio job's
     * {@link PortfolioDocument} ({@code quantplug-portfolio-result/1}).
     *
     * @param id the job id
     * @return the document
     * @throws ApiException 404 for an unknown id, 409 when it has no result (yet)
     */
    public Object document(long id) {
        Job job = job(id);
        if (job.kind != RunStore.Kind.PORTFOLIO) {
            return result(id);
        }
        long runId = completedRun(job);
        return store.runs().portfolioDocument(runId).orElseThrow(() -> noStoredResult(id, runId));
    }

    /**
     * A completed job's whole equity curve as stored, every point (its result document may carry a thinned one).
     *
     * @param id the job id
     * @return the points in time order
     * @throws ApiException 404 for an unknown id, 409 when it has no result (yet)
     */
    public List<ResultDocument.EquityPoint> equity(long id) {
        return store.runs().equity(completedRun(job(id)));
    }

    /**
     * A job's bars: its plan's while it waits or runs, read again from their source afterwards.
     *
     * @param id      the job id
     * @param planner reads a request's bars
     * @return the bars, oldest first
     * @throws ApiException 404 for an unknown id, 409 when the bars are no longer there (data set deleted) or the job
     *                      is a portfolio (whose instruments' bars are not one series)
     */
    public List<Bar> bars(long id, RunPlanner planner) {
        Job job = job(id);
        if (job.kind == RunStore.Kind.PORTFOLIO) {
            throw ApiException.conflict("backtest " + id + " is a portfolio backtest: it has no single bar series"
                    + " (its instruments are in its result's run.books)");
        }
        RunPlanner.Plan plan = job.plan;
        return plan != null ? plan.bars() : planner.bars(job.request);
    }

    /**
     * Every job, newest first.
     *
     * @return the views
     */
    public List<View> list() {
        List<View> out = new ArrayList<>();
        synchronized (jobs) {
            for (Job j : jobs.values()) {
                out.add(0, j.view());
            }
        }
        return out;
    }

    /**
     * How many jobs run now.
     *
     * @return 0 or 1
     */
    public int running() {
        return running;
    }

    private Job job(long id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw ApiException.notFound("id", "no backtest " + id);
        }
        return job;
    }

    /** Cancels every job and stops the worker, waiting up to 30 s. */
    @Override
    public void close() {
        synchronized (jobs) {
            for (Job j : jobs.values()) {
                j.canceledBy = "server shutdown";
            }
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
