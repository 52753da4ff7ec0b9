package io.quantplug.runtime.internal.engine;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.session.SessionListener;

import java.time.InstantSource;

/**
 * Where a strategy instance's actions go: a signal to the signal group (a vote) or through the signal pipeline to the
 * order router, its own orders and cancels to the router, its timers to the session's timer queue. What a
 * {@link StrategyRunner} sees of its session besides what it reads ({@link EngineView}). Engine thread only.
 */
final class StrategyActions {

    private final StrategyInstances instances;
    private final SignalPipeline pipeline;
    private final OrderRouter router;
    private final SessionTimers timers;
    private final SessionListener listener;
    private final InstantSource clock;

    StrategyActions(StrategyInstances instances, SignalPipeline pipeline, OrderRouter router, SessionTimers timers,
                    SessionListener listener, InstantSource clock) {
        this.instances = instances;
        this.pipeline = pipeline;
        this.router = router;
        this.timers = timers;
        this.listener = listener;
        this.clock = clock;
    }

    /** A signal: the group's vote when the instances trade as one, else through the pipeline into orders. */
    void emit(StrategyRunner runner, Signal signal) {
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

    void submit(StrategyRunner runner, Order order) {
        router.submitDirect(runner, order);
    }

    void cancel(StrategyRunner runner, ClientOrderId id) {
        router.cancel(runner, id);
    }

    void cancelAllOf(StrategyRunner runner) {
        router.cancelAllOf(runner);
    }

    void scheduleTimer(StrategyRunner runner, String name, long timeMillis) {
        timers.schedule(runner, name, timeMillis);
    }
}
