package io.quantplug.web.session;

import io.quantplug.runtime.RunRecorder;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.ApiException;
import io.quantplug.web.EventHub;
import io.quantplug.web.ServerLimits;
import io.quantplug.web.ServerMetrics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Strategy instances. Until live trading exists, an instance is a paper session: the engine replays its stored
 * bars at a chosen speed ({@link PacedBars}) with simulated fills, on a thread of its own, stored as a
 * {@code PAPER} run, with the server's kill switch as its last risk rule. Starting an instance again replays from
 * the first bar as a new run. Thread-safe.
 */
public final class PaperInstances implements AutoCloseable {

    /** An instance's state. */
    public enum Status {
        /** Created, never started. */
        CREATED,
        /** Replaying. */
        RUNNING,
        /** Stopped by a user before the end. */
        STOPPED,
        /** Replayed every bar. */
        COMPLETED,
        /** Ended with an error. */
        FAILED
    }

    /**
     * What the API shows of an instance.
     *
     * @param id           the instance id
     * @param owner        who created it
     * @param strategy     the strategy id
     * @param parameters   its parameters as given
     * @param instrument   the instrument
     * @param source       where the bars come from
     * @param speed        bars per second
     * @param status       the state
     * @param barsDone     bars replayed in the current (or last) run
     * @param barsTotal    bars to replay
     * @param runId        the current (or last) stored run, or null
     * @param position     the position in base units after the last fill
     * @param pnl          realised + unrealised P&amp;L at the last replayed close, quote asset
     * @param lastPrice    the last replayed close, or null
     * @param orders       orders in the current run
     * @param fills        fills in the current run
     * @param riskRejections risk rejections in the current run
     * @param riskRules    the risk rules, in the order they check
     * @param error        why it failed, or null
     * @param created      when it was created
     */
    public record View(long id, String owner, String strategy, Map<String, String> parameters, String instrument,
                       String source, double speed, Status status, long barsDone, long barsTotal, Long runId,
                       BigDecimal position, BigDecimal pnl, Double lastPrice, long orders, long fills,
                       long riskRejections, List<String> riskRules, String error, Instant created) {
    }

    private final class Instance {
        final long id;
        final String owner;
        final RunPlanner.Plan plan;
        final double speed;
        final Instant created;
        volatile Status status = Status.CREATED;
        volatile PacedBars replay;
        volatile LiveListener listener;
        volatile Long runId;
        volatile String error;

        Instance(long id, String owner, RunPlanner.Plan plan, double speed, Instant created) {
            this.id = id;
            this.owner = owner;
            this.plan = plan;
            this.speed = speed;
            this.created = created;
        }

        View view() {
            PacedBars r = replay;
            LiveListener l = listener;
            double last = r == null ? Double.NaN : r.lastClose();
            var position = l == null ? null : l.position();
            return new View(id, owner, plan.config().strategy().id(), plan.config().strategy().parameters(),
                    plan.config().instrument().id().toString(), plan.source(), speed, status,
                    r == null ? 0 : r.done(), plan.bars().size(), runId,
                    position == null ? BigDecimal.ZERO : position.quantity(),
                    l == null ? BigDecimal.ZERO : l.pnl(last), Double.isNaN(last) ? null : last,
                    l == null ? 0 : l.orders(), l == null ? 0 : l.fills(), l == null ? 0 : l.riskRejections(),
                    plan.config().riskRules().stream().map(x -> x.id()).toList(), error, created);
        }
    }

    private final Store store;
    private final EventHub hub;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final ServerLimits limits;
    private final Map<Long, Instance> instances = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong ids = new AtomicLong();

    /**
     * Creates the registry.
     *
     * @param store   where runs are stored
     * @param hub     where events go
     * @param metrics what counts them
     * @param clock   the time source
     * @param limits  how many instances may run, in all and per user
     */
    public PaperInstances(Store store, EventHub hub, ServerMetrics metrics, Clock clock, ServerLimits limits) {
        this.store = store;
        this.hub = hub;
        this.metrics = metrics;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Creates an instance (not started).
     *
     * @param plan  the checked run
     * @param speed bars per second, 0.1..100000
     * @param owner who creates it
     * @return the instance
     * @throws ApiException 400 naming {@code speed} when out of range
     */
    public View create(RunPlanner.Plan plan, double speed, String owner) {
        if (!(speed >= 0.1 && speed <= 100_000)) {
            throw ApiException.badField("speed", "speed must be in 0.1..100000 bars per second, got " + speed);
        }
        Instance i = new Instance(ids.incrementAndGet(), owner, plan, speed, clock.instant());
        instances.put(i.id, i);
        hub.publish("instance", Map.of("id", i.id, "status", i.status.name()));
        return i.view();
    }

    /**
     * Starts (or restarts from the first bar) an instance that is not running.
     *
     * @param id      the instance id
     * @param catalog the extensions to run it with
     * @param by      who starts it
     * @param admin   whether that user is an admin (who may start anyone's instance)
     * @return the instance
     * @throws ApiException 404 for an unknown id, 403 when {@code by} is neither its owner nor an admin, 409 when
     *                      it is running, 429 with {@code Retry-After} when {@code by} already runs
     *                      {@link ServerLimits#runningInstancesPerUser()} instances or the server
     *                      {@link ServerLimits#runningInstances()}
     */
    public View start(long id, Supplier<ExtensionCatalog> catalog, String by, boolean admin) {
        Instance i = instance(id);
        mayChange(i, by, admin, "start");
        synchronized (instances) {
            if (i.status == Status.RUNNING) {
                throw ApiException.conflict("instance " + id + " is running");
            }
            int all = 0;
            int mine = 0;
            for (Instance x : instances.values()) {
                if (x.status == Status.RUNNING) {
                    all++;
                    mine += x.owner.equals(by) ? 1 : 0;
                }
            }
            if (mine >= limits.runningInstancesPerUser()) {
                throw ApiException.retryLater(429, "too_many_requests", by + " runs " + mine + " instances, the"
                        + " most one user may run (limit runningInstancesPerUser); stop one first", 10);
            }
            if (all >= limits.runningInstances()) {
                throw ApiException.retryLater(429, "too_many_requests", all + " instances run, the most the"
                        + " server runs (limit runningInstances); try again later", 10);
            }
            i.status = Status.RUNNING;
            i.error = null;
            i.runId = null;
            i.replay = new PacedBars(i.plan.bars(), i.speed);
            i.listener = new LiveListener("instance/" + id, hub, metrics);
        }
        ExtensionCatalog extensions = catalog.get();
        Thread t = new Thread(() -> run(i, extensions, by), "quantplug-instance-" + id);
        t.setDaemon(true);
        t.start();
        hub.publish("instance", Map.of("id", i.id, "status", i.status.name()));
        return i.view();
    }

    private void run(Instance i, ExtensionCatalog catalog, String by) {
        PacedBars replay = i.replay;
        long[] counted = {0};
        BacktestProgress progress = (done, total) -> {
            metrics.events(done - counted[0]);
            counted[0] = done;
        };
        try {
            new RunRecorder(store, by).run(new Backtester(catalog), RunStore.Mode.PAPER, i.plan.config(),
                    i.plan.timeframe(), replay, progress, i.listener, runId -> i.runId = runId);
            i.status = Status.COMPLETED;
        } catch (CancellationException e) {
            i.status = Status.STOPPED;
        } catch (RuntimeException e) {
            i.status = Status.FAILED;
            i.error = RunErrors.publicMessage("instance/" + i.id, e);
        } finally {
            metrics.events(replay.done() - counted[0]);
            hub.publish("instance", Map.of("id", i.id, "status", i.status.name()));
        }
    }

    /**
     * Stops a running instance at its next bar.
     *
     * @param id the instance id
     * @param by    who stops it
     * @param admin whether that user is an admin (who may stop anyone's instance)
     * @return the instance (still RUNNING until the engine thread has stopped)
     * @throws ApiException 404 for an unknown id, 403 when {@code by} is neither its owner nor an admin, 409 when
     *                      it is not running
     */
    public View stop(long id, String by, boolean admin) {
        Instance i = instance(id);
        mayChange(i, by, admin, "stop");
        if (i.status != Status.RUNNING) {
            throw ApiException.conflict("instance " + id + " is " + i.status.name().toLowerCase() + ", not running");
        }
        i.replay.stop(by);
        return i.view();
    }

    /**
     * One instance.
     *
     * @param id the instance id
     * @return its view
     * @throws ApiException 404 for an unknown id
     */
    public View view(long id) {
        return instance(id).view();
    }

    /**
     * Every instance, in creation order.
     *
     * @return the views
     */
    public List<View> list() {
        List<View> out = new ArrayList<>();
        synchronized (instances) {
            for (Instance i : instances.values()) {
                out.add(i.view());
            }
        }
        return out;
    }

    /**
     * How many instances are running.
     *
     * @return the count
     */
    public int running() {
        int n = 0;
        synchronized (instances) {
            for (Instance i : instances.values()) {
                n += i.status == Status.RUNNING ? 1 : 0;
            }
        }
        return n;
    }

    private static void mayChange(Instance i, String by, boolean admin, String what) {
        if (!admin && !i.owner.equals(by)) {
            throw new ApiException(403, "forbidden", null, "instance " + i.id + " is " + i.owner + "'s; only its"
                    + " owner or an admin may " + what + " it");
        }
    }

    private Instance instance(long id) {
        Instance i = instances.get(id);
        if (i == null) {
            throw ApiException.notFound("id", "no instance " + id);
        }
        return i;
    }

    /** Stops every running instance. */
    @Override
    public void close() {
        synchronized (instances) {
            for (Instance i : instances.values()) {
                PacedBars r = i.replay;
                if (r != null) {
                    r.stop("server shutdown");
                }
            }
        }
    }
}
