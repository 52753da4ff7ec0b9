package io.quantplug.runtime.internal.engine;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.ExecutionReport;
import io.quantplug.api.strategy.MarketObservation;
import io.quantplug.runtime.session.Execution;
import io.quantplug.runtime.session.SessionListener;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Where a strategy instance's actions go: a signal to the signal group (a vote) or through the signal pipeline to the
 * order router, its own orders and cancels to the router, its timers to the session's timer queue. What a
 * {@link StrategyRunner} sees of its session besides what it reads ({@link EngineView}). Engine thread only.
 */
final class StrategyActions {

    /** The outcome recorded for a signal of a warm-up bar. */
    static final String WARM_UP_OUTCOME = "not traded: warm-up bar";
    private static final RejectReason WARM_UP_REFUSAL = new RejectReason(RejectSource.ENGINE, "WARM_UP",
            "no orders during the warm-up bars", null);

    private final StrategyInstances instances;
    private final SignalPipeline pipeline;
    private final OrderRouter router;
    private final SessionTimers timers;
    private final SessionListener listener;
    private final InstantSource clock;
    /** Bars still in the warm-up: their signals are not traded and direct orders are refused. */
    private long warmUpBars;
    /** Observations published and not yet delivered, in order. */
    private final ArrayDeque<Published> published = new ArrayDeque<>();

    /** An observation and the instance that published it. */
    private record Published(StrategyRunner publisher, MarketObservation observation) {
    }

    /** The most observations delivered in one {@link #deliverObservations()}; the rest wait for the next. */
    static final int MAX_OBSERVATIONS_PER_DRAIN = 1_000;

    StrategyActions(StrategyInstances instances, SignalPipeline pipeline, OrderRouter router, SessionTimers timers,
                    SessionListener listener, InstantSource clock) {
        this.instances = instances;
        this.pipeline = pipeline;
        this.router = router;
        this.timers = timers;
        this.listener = listener;
        this.clock = clock;
    }

    /** The first {@code bars} bars warm the strategies up: they see them, but nothing they ask for trades. */
    void warmUp(long bars) {
        warmUpBars = bars;
    }

    boolean warmingUp() {
        return warmUpBars > 0;
    }

    /** A warm-up bar has been processed. */
    void warmUpBarDone() {
        warmUpBars--;
    }

    /**
     * A signal: not traded during the warm-up; else the group's vote when the instances trade as one, else through the
     * pipeline into orders.
     */
    void emit(StrategyRunner runner, Signal signal) {
        if (warmUpBars > 0) {
            listener.onSignal(clock.millis(), runner.instanceId(), signal, WARM_UP_OUTCOME);
            return;
        }
        SignalGroup group = instances.group();
        if (group != null) {
            group.collect(runner, signal);
            return;
        }
        SignalPipeline.Plan plan = pipeline.plan(runner, signal);
        listener.onSignal(clock.millis(), runner.instanceId(), signal, plan.outcome());
        for (SignalPipeline.Planned p : plan.orders()) {
            router.send(runner, p.order(), OrderOrigin.SIGNAL, p.engineRejection());
        }
    }

    /** A strategy's own order: refused during the warm-up ({@code WARM_UP}), else to the router. */
    void submit(StrategyRunner runner, Order order) {
        if (warmUpBars > 0) {
            router.send(runner, order, OrderOrigin.DIRECT, WARM_UP_REFUSAL);
            return;
        }
        router.submitDirect(runner, order);
    }

    void cancel(StrategyRunner runner, ClientOrderId id) {
        router.cancel(runner, id);
    }

    /** Whether an order of this session's venue is working (a multi-instrument instance's cancel finds its session). */
    boolean isWorking(ClientOrderId id) {
        return router.isWorking(id);
    }

    List<Order> workingOf(StrategyRunner runner) {
        return router.workingOf(runner);
    }

    void cancelAllOf(StrategyRunner runner) {
        router.cancelAllOf(runner);
    }

    void scheduleTimer(StrategyRunner runner, String name, long timeMillis) {
        timers.schedule(runner, name, timeMillis);
    }

    /** An instance's execution report, to the listener; it must be of the instance's instrument. */
    void reportExecution(StrategyRunner runner, ExecutionReport report) {
        listener.onExecution(new Execution(runner.instanceId(), report));
    }

    /** An instance's observation, queued for the other instances; it must be of the instance's instrument. */
    void publish(StrategyRunner runner, MarketObservation observation) {
        published.add(new Published(runner, observation));
    }

    boolean hasObservations() {
        return !published.isEmpty();
    }

    /**
     * Delivers the queued observations to every instance but their publisher, in order, with the order events they
     * cause after each; observations published meanwhile are delivered too, up to
     * {@value #MAX_OBSERVATIONS_PER_DRAIN} in one call (instances that answer each other forever cannot stall the
     * engine).
     */
    void deliverObservations() {
        for (int n = 0; n < MAX_OBSERVATIONS_PER_DRAIN && !published.isEmpty(); n++) {
            Published p = published.poll();
            List<StrategyRunner> runners = instances.runners();
            for (int i = 0; i < runners.size(); i++) {
                StrategyRunner r = runners.get(i);
                if (r != p.publisher()) {
                    r.observation(p.publisher().instanceId(), p.observation());
                    router.drain();
                }
            }
        }
    }
}
