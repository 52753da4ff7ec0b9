package io.quantplug.web.session;

import io.quantplug.runtime.RunRecorder;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.ApiException;
import io.quantplug.web.EventHub;
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
 * Backtest jobs: a checked {@link RunPlanner.Plan} is queued, run on one worker thread (the machine has few cores;
 * a second job waits), stored as a {@code BACKTEST} run, and kept in memory with its progress and result. A job can
 * be canceled while queued or running (the run is then stored {@code FAILED} with "canceled by USER"). Progress
 * and completion are streamed as {@code run.progress} and {@code run.finished} events. Thread-safe.
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
     */
    public record View(long id, String owner, String strategy, String source, Status status, long barsDone,
                       long barsTotal, Long runId, String error, Instant submitted, Instant finished, long orders,
                       long fills) {
    }

    private final class Job {
        final long id;
        final String owner;
        final RunPlanner.Plan plan;
        final Instant submitted;
        final LiveListener listener;
        volatile Status status = Status.QUEUED;
        volatile long barsDone;
        volatile Long runId;
        volatile String error;
        volatile Instant finished;
        volatile ResultDocument document;
        volatile String canceledBy;

        Job(long id, String owner, RunPlanner.Plan plan, Instant submitted) {
            this.id = id;
            this.owner = owner;
            this.plan = plan;
            this.submitted = submitted;
            this.listener = new LiveListener("backtest/" + id, hub, metrics);
        }

        View view() {
            return new View(id, owner, plan.config().strategy().id(), plan.source(), status, barsDone,
                    plan.bars().size(), runId, error, submitted, finished, listener.orders(), listener.fills());
        }
    }

    private final Store store;
    private final EventHub hub;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quantplug-backtests");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong ids = new AtomicLong();
    private volatile int running;

    /**
     * Creates the job queue.
     *
     * @param store   where runs are stored
     * @param hub     where progress goes
     * @param metrics what counts events
     * @param clock   the time source
     */
    public BacktestJobs(Store store, EventHub hub, ServerMetrics metrics, Clock clock) {
        this.store = store;
        this.hub = hub;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Queues a checked run.
     *
     * @param plan    the run
     * @param catalog the extensions to run it with (a snapshot: later plugin changes do not affect the job)
     * @param owner   who submits it
     * @return the job as queued
     */
    public View submit(RunPlanner.Plan plan, ExtensionCatalog catalog, String owner) {
        Job job = new Job(ids.incrementAndGet(), owner, plan, clock.instant());
        jobs.put(job.id, job);
        worker.execute(() -> run(job, catalog));
        return job.view();
    }

    private void run(Job job, ExtensionCatalog catalog) {
        if (job.status == Status.CANCELED) {
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
            RunRecorder.Recorded r = new RunRecorder(store, job.owner).run(new Backtester(catalog),
                    RunStore.Mode.BACKTEST, job.plan.config(), job.plan.timeframe(), job.plan.bars(), progress,
                    job.listener, id -> job.runId = id);
            job.document = r.document();
            job.status = Status.COMPLETED;
        } catch (CancellationException e) {
            job.status = Status.CANCELED;
            job.error = e.getMessage();
        } catch (RuntimeException e) {
            job.status = Status.FAILED;
            job.error = String.valueOf(e.getMessage());
        } finally {
            running--;
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
     * @param by who cancels it
     * @return the job after the request (a running job ends at its next progress report)
     * @throws ApiException 404 for an unknown id, 409 when the job has ended
     */
    public View cancel(long id, String by) {
        Job job = job(id);
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
     * A completed job's result.
     *
     * @param id the job id
     * @return the result document (metrics, trades, equity)
     * @throws ApiException 404 for an unknown id, 409 when it has no result (yet)
     */
    public ResultDocument result(long id) {
        Job job = job(id);
        if (job.document == null) {
            throw ApiException.conflict("backtest " + id + " is " + job.status.name().toLowerCase()
                    + " and has no result");
        }
        return job.document;
    }

    /**
     * A job's checked run (for its bars).
     *
     * @param id the job id
     * @return the plan
     * @throws ApiException 404 for an unknown id
     */
    public RunPlanner.Plan plan(long id) {
        return job(id).plan;
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
