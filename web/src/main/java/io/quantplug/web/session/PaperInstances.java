package io.quantplug.web.session;

import io.quantplug.runtime.RunRecorder;
import io.quantplug.api.order.Order;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.app.ExchangeSession;
import io.quantplug.app.alerts.SessionAlerts;
import io.quantplug.runtime.session.ExchangeBarSource;
import io.quantplug.web.session.InstanceViews.Status;
import io.quantplug.web.session.InstanceViews.SwapView;
import io.quantplug.web.session.InstanceViews.View;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.ApiException;
import io.quantplug.web.EventHub;
import io.quantplug.web.ServerLimits;
import io.quantplug.web.ServerMetrics;
import io.quantplug.runtime.plugin.PluginChange;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.session.ExtensionBuild;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.runtime.session.PluginSwap;
import io.quantplug.runtime.session.SessionListener;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
 * Strategy instances, each on a thread of its own with the server's kill switch as its last risk rule: a paper
 * session that replays stored bars at a chosen speed ({@link PacedBars}) or takes an exchange's live bars, with
 * simulated fills, stored as a {@code PAPER} run; or a live session on an exchange ({@link LiveInstanceRun}), stored
 * as a {@code LIVE} run, which only admins create or start, one at a time per exchange and symbol. Starting an
 * instance again runs it from the start as a new run. Engaging the kill switch stops every running live instance
 * ({@link #stopLive}): its working orders are canceled on the exchange, and its position is closed when it
 * flattens on stop. The server's alerts ({@link SessionAlerts}) get every instance's events.
 *
 * <p>A running instance follows the plugin host ({@link Backtester#following}): when a plugin it uses is replaced
 * — a jar dropped into the plugins folder, an upload, a reload — its extension moves to the new build between two
 * bars, restored from the old instance's snapshot; the view shows the build each extension runs on and the swaps
 * made, and each swap is audited and streamed as a {@code swap} event. A new build that does not start leaves the
 * instance on the old one with the reason in {@code pluginProblem}; a plugin disabled or deleted stops its strategy
 * instance (and fails its risk rules closed) by the session's fault policy. Thread-safe.
 *
 * <p>Each run is a {@link BacktestRun} on the paced source, kept as the instance's running-session handle: the view
 * reads its position, working orders and extension builds from it, and a stop goes through it. The registry, its
 * limits, the engine threads and the swap records change one instance's state under one lock and are read through
 * one view, which is why they stay in one class.
 */
public final class PaperInstances implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PaperInstances.class);

    /** Most swaps kept per run. */
    public static final int MAX_SWAPS = 50;
    /** How long a plugin change waits for a running instance to swap (it swaps before its next bar). */
    private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(10);
    /** How long a stop waits for the instance's engine thread to end. */
    private static final long STOP_WAIT_MILLIS = 5_000;
    /** How long a stop waits for a live instance: its cancels and a last fill get up to 10 s, a flatten as long. */
    private static final long LIVE_STOP_WAIT_MILLIS = 25_000;

    private final class Instance {
        final long id;
        final String owner;
        final RunPlanner.Plan plan;
        final double speed;
        final Instant created;
        final List<SwapView> swaps = new CopyOnWriteArrayList<>();
        volatile Status status = Status.CREATED;
        volatile PacedBars replay;
        /** The running session of the current (or last) run, once opened. */
        volatile BacktestRun session;
        /** The exchange's bar stream of the current run, for an instance on an exchange. */
        volatile ExchangeBarSource stream;
        /** The start-up reconciliation's differences of the current live run. */
        volatile List<String> reconciliation = List.of();
        /** Who asked the current run to stop, or null. */
        volatile String stopBy;
        volatile LiveListener listener;
        volatile Long runId;
        volatile String error;
        volatile String pluginProblem;
        volatile Thread thread;

        Instance(long id, String owner, RunPlanner.Plan plan, double speed, Instant created) {
            this.id = id;
            this.owner = owner;
            this.plan = plan;
            this.speed = speed;
            this.created = created;
        }

        /** The trading gauges' readings of this instance (see {@link ServerMetrics#instance}). */
        ServerMetrics.InstanceReadings readings() {
            return new InstanceGauges(() -> session, () -> listener, () -> stream);
        }

        List<ExtensionBuild> builds() {
            BacktestRun s = session;
            return s == null ? List.of() : s.extensions();
        }

        boolean uses(String pluginId) {
            return builds().stream().anyMatch(b -> pluginId.equals(b.pluginId()));
        }

        View view() {
            PacedBars r = replay;
            LiveListener l = listener;
            BacktestRun s = session;
            ExchangeBarSource ex = stream;
            double last = r != null ? r.lastClose() : s != null ? s.lastPrice() : Double.NaN;
            List<OpenPosition> positions = s == null ? List.of() : s.positions();
            List<Order> working = s == null ? List.of() : s.workingOrders();
            List<ExtensionBuild> b = builds();
            ExtensionBuild strategy = b.isEmpty() ? null : b.get(0);
            return new View(id, owner, plan.config().strategy().id(), plan.config().strategy().parameters(),
                    plan.config().instrument().id().toString(), plan.source(), speed, status,
                    r != null ? r.done() : s != null ? s.barCount() : 0,
                    plan.exchange() == null ? plan.bars().size() : -1, runId,
                    positions.isEmpty() ? BigDecimal.ZERO : positions.get(0).quantity(),
                    l == null ? BigDecimal.ZERO : l.pnl(last), Double.isNaN(last) ? null : last,
                    l == null ? 0 : l.orders(), l == null ? 0 : l.fills(), l == null ? 0 : l.riskRejections(),
                    plan.config().riskRules().stream().map(x -> x.id()).toList(), error, created,
                    strategy == null ? null : strategy.pluginId(), strategy == null ? null : strategy.pluginVersion(),
                    b, List.copyOf(swaps), pluginProblem, working.stream().map(WorkingOrderView::of).toList(),
                    ex == null ? null : (ex.connected() ? "connected" : "disconnected") + ": "
                            + ex.connectionDetail(), live() ? "LIVE" : "PAPER",
                    live() ? plan.exchange().flattenOnStop() : null, live() ? reconciliation : null);
        }

        boolean live() {
            return plan.exchange() != null && plan.exchange().live();
        }
    }

    private final Store store;
    private final EventHub hub;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final ServerLimits limits;
    private final PluginHost host;
    private final SessionAlerts alerts;
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
     * @param host    the plugin host whose changes running instances follow (hot swap)
     * @param alerts  the server's alerts (the home's {@code alerts.yaml}); closed by {@link #close}
     */
    public PaperInstances(Store store, EventHub hub, ServerMetrics metrics, Clock clock, ServerLimits limits,
                          PluginHost host, SessionAlerts alerts) {
        this.store = store;
        this.hub = hub;
        this.metrics = metrics;
        this.clock = clock;
        this.limits = limits;
        this.host = host;
        this.alerts = alerts;
        host.addListener(this::refusedBuild);
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
        if (plan.exchange() != null) {
            speed = 0; // bars come as the exchange closes them
        } else if (!(speed >= 0.1 && speed <= 100_000)) {
            throw ApiException.badField("speed", "speed must be in 0.1..100000 bars per second, got " + speed);
        }
        Instance i = new Instance(ids.incrementAndGet(), owner, plan, speed, clock.instant());
        instances.put(i.id, i);
        metrics.instance(i.id, i.readings());
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
     * @throws ApiException 404 for an unknown id, 403 when {@code by} is neither its owner nor an admin (for a live
     *                      instance: not an admin), 409 when it is running (for a live instance: when another live
     *                      instance on its exchange and symbol runs), 429 with {@code Retry-After} when {@code by}
     *                      already runs
     *                      {@link ServerLimits#runningInstancesPerUser()} instances or the server
     *                      {@link ServerLimits#runningInstances()}
     */
    public View start(long id, Supplier<ExtensionCatalog> catalog, String by, boolean admin) {
        Instance i = instance(id);
        mayChange(i, by, admin, "start");
        if (i.live() && !admin) {
            throw new ApiException(403, "forbidden", null, "only an admin may start a LIVE instance");
        }
        synchronized (instances) {
            if (i.status == Status.RUNNING) {
                throw ApiException.conflict("instance " + id + " is running");
            }
            if (i.live()) {
                for (Instance x : instances.values()) {
                    if (x.status == Status.RUNNING && x.live() && x.plan.exchange().id().equals(i.plan.exchange().id())
                            && x.plan.exchange().symbol().equals(i.plan.exchange().symbol())) {
                        throw ApiException.conflict("LIVE instance " + x.id + " trades " + x.plan.exchange().symbol()
                                + " on " + x.plan.exchange().id() + ": one live instance per exchange and symbol (a"
                                + " second one's start-up reconciliation would cancel the first's orders)");
                    }
                }
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
            i.replay = i.plan.exchange() == null ? new PacedBars(i.plan.bars(), i.speed) : null;
            i.session = null;
            i.stream = null;
            i.reconciliation = List.of();
            i.stopBy = null;
            i.listener = new LiveListener("instance/" + id, hub, metrics, true);
        }
        ExtensionCatalog extensions = catalog.get();
        i.swaps.clear();
        i.pluginProblem = null;
        Thread t = new Thread(() -> run(i, extensions, by), "quantplug-instance-" + id);
        t.setDaemon(true);
        i.thread = t;
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
        RunPlanner.ExchangePlan x = i.plan.exchange();
        ExchangeSession[] exchange = {null};
        try {
            Backtester engine = new Backtester(catalog).following(host, SWAP_TIMEOUT, swap -> swapped(i, swap));
            if (x != null && x.live()) {
                i.status = new LiveInstanceRun(store, hub, alerts).run("instance/" + i.id, i.plan, engine, catalog,
                        by, i.listener, session -> {
                            i.stream = session.source();
                            opened(i, session.run());
                        }, runId -> i.runId = runId, found -> i.reconciliation = found, progress).stoppedBy() == null
                        ? Status.COMPLETED : Status.STOPPED;
                return;
            }
            RunRecorder recorder = new RunRecorder(store, by);
            SessionListener listener = alerts.listener("instance/" + i.id,
                    i.plan.config().instrument().id().toString(), i.listener);
            RunRecorder.Recorded r = x == null
                    ? recorder.run(RunStore.Mode.PAPER, i.plan.config(), i.plan.timeframe(), i.plan.bars(),
                            journaling -> opened(i, engine.open(i.plan.config(), i.plan.timeframe(), replay,
                                    journaling).tradePerpetual(i.plan.perpetual())), progress, listener,
                            runId -> i.runId = runId)
                    : recorder.run(RunStore.Mode.PAPER, plannedLive(i), journaling -> {
                        ExchangeSession session = ExchangeSession.open(catalog, engine, x.id(), x.parameters(),
                                x.symbol(), i.plan.timeframe(), instrument -> i.plan.config(), x.warmUpBars(),
                                Long.MAX_VALUE, config -> journaling);
                        exchange[0] = session;
                        i.stream = session.source();
                        return opened(i, session.run());
                    }, progress, listener, runId -> i.runId = runId);
            i.status = r.result().stoppedBy() == null ? Status.COMPLETED : Status.STOPPED;
        } catch (CancellationException e) { // stopped before its first bar
            i.status = Status.STOPPED;
        } catch (RuntimeException e) {
            i.status = Status.FAILED;
            i.error = RunErrors.publicMessage("instance/" + i.id, e);
        } finally {
            if (exchange[0] != null) {
                exchange[0].close();
            }
            BacktestRun run = i.session;
            metrics.events((replay != null ? replay.done() : run != null ? run.barCount() : 0) - counted[0]);
            hub.publish("instance", Map.of("id", i.id, "status", i.status.name()));
        }
    }

    /** The run block stored when an instance on an exchange starts: no bars yet, from and to the start. */
    private ResultDocument.Run plannedLive(Instance i) {
        Instant now = clock.instant();
        return ResultDocument.Run.of(i.plan.config(), i.plan.timeframe().label(), now, now, 0,
                Map.of("strategy:" + i.plan.config().strategy().id(), i.plan.config().strategy().parameters()));
    }

    /** Keeps the run's handle, and stops it at once when a stop came before it was opened. */
    private static BacktestRun opened(Instance i, BacktestRun session) {
        i.session = session;
        String by = i.stopBy;
        if (by != null) {
            session.stop(by);
        }
        return session;
    }

    /**
     * Stops a running instance at its next bar.
     *
     * @param id the instance id
     * @param by    who stops it
     * @param admin whether that user is an admin (who may stop anyone's instance)
     * @return the instance once its engine thread has stopped (STOPPED), or after 5 s (then possibly still
     *         RUNNING)
     * @throws ApiException 404 for an unknown id, 403 when {@code by} is neither its owner nor an admin, 409 when
     *                      it is not running
     */
    public View stop(long id, String by, boolean admin) {
        Instance i = instance(id);
        mayChange(i, by, admin, "stop");
        if (i.status != Status.RUNNING) {
            throw ApiException.conflict("instance " + id + " is " + i.status.name().toLowerCase() + ", not running");
        }
        i.stopBy = by;
        BacktestRun session = i.session;
        if (session != null) {
            session.stop(by);
        }
        PacedBars replay = i.replay;
        if (replay != null) {
            replay.stop();
        }
        Thread t = i.thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(i.live() ? LIVE_STOP_WAIT_MILLIS : STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return i.view();
    }

    /**
     * Stops every running live instance, for the global kill switch: each ends as a stop does, its working orders
     * canceled on the exchange and its position closed when it flattens on stop, with {@code kill switch (BY)} as
     * who stopped it. Waits for each in turn (up to 25 s each).
     *
     * @param by who engaged the kill switch
     * @return the views of the instances stopped
     */
    public List<View> stopLive(String by) {
        List<Long> live = new ArrayList<>();
        synchronized (instances) {
            for (Instance i : instances.values()) {
                if (i.status == Status.RUNNING && i.live()) {
                    live.add(i.id);
                }
            }
        }
        List<View> stopped = new ArrayList<>();
        for (long id : live) {
            try {
                stopped.add(stop(id, "kill switch (" + by + ")", true));
            } catch (ApiException e) { // it ended meanwhile
                LOG.debug("instance {} not stopped by the kill switch: {}", id, e.getMessage());
            }
        }
        return stopped;
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

    /** A swap made in a running instance (on the thread that changed the plugin host). */
    private void swapped(Instance i, PluginSwap swap) {
        String to = swap.to() == null ? null : swap.to().version();
        SwapView v = new SwapView(clock.instant(), swap.extensionId(), swap.swap().instanceId(),
                swap.swap().outcome().name(), swap.swap().barsBefore(), swap.from().version(), to,
                swap.swap().message());
        if (i.swaps.size() < MAX_SWAPS) {
            i.swaps.add(v);
        }
        if (swap.moved()) {
            i.pluginProblem = null;
        } else {
            i.pluginProblem = swap.extensionId() + " did not move to " + (to == null ? "a new build" : to) + ": "
                    + swap.swap().outcome() + (swap.swap().message() == null ? "" : " (" + swap.swap().message()
                    + ")");
        }
        store.audit().append("server", "instance.swapped", "instance/" + i.id, swap.extensionId() + " "
                + swap.from().version() + " -> " + (to == null ? "(none)" : to) + ": " + swap.swap().outcome()
                + " after bar " + swap.swap().barsBefore());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("run", "instance/" + i.id);
        e.put("extension", swap.extensionId());
        e.put("outcome", v.outcome());
        e.put("barsBefore", v.barsBefore());
        e.put("from", v.fromVersion());
        e.put("to", to);
        hub.publish("swap", e);
    }

    /** A new build of a plugin that running instances use did not start: they stay on the old one, and say why. */
    private void refusedBuild(PluginChange change) {
        if (change.kind() != PluginChange.Kind.FAILED || change.before() == null) {
            return;
        }
        String pluginId = change.before().id();
        List<Instance> affected = new ArrayList<>();
        synchronized (instances) {
            for (Instance i : instances.values()) {
                if (i.status == Status.RUNNING && i.uses(pluginId)) {
                    affected.add(i);
                }
            }
        }
        for (Instance i : affected) {
            i.pluginProblem = pluginId + " " + change.after().version() + " was not taken ("
                    + change.after().status().name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + change.after().problem() + "); still on " + change.before().version();
            hub.publish("instance", Map.of("id", i.id, "status", i.status.name(), "pluginProblem",
                    i.pluginProblem));
        }
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

    /**
     * Stops every running instance and waits up to 10 s for their engine threads, so their runs are recorded before
     * the store closes; then closes the alerts (pending ones get up to 10 s).
     */
    @Override
    public void close() {
        List<Thread> threads = new ArrayList<>();
        synchronized (instances) {
            for (Instance i : instances.values()) {
                PacedBars r = i.replay;
                BacktestRun session = i.session;
                i.stopBy = "server shutdown";
                if (session != null) {
                    session.stop("server shutdown");
                }
                if (r != null) {
                    r.stop();
                }
                if (i.thread != null) {
                    threads.add(i.thread);
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        alerts.close();
    }
}
