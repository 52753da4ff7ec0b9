package io.quantplug.cli;

import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A session listener that stands in for one not made yet: the stored run's journaling listener, which needs the
 * run's row, written on the store's thread while the backtest already runs (opening the embedded database takes
 * longer than reading a cached file and starting a plugin). Until that listener is ready, every callback is kept, in
 * order; at the first callback after it is ready, and at {@link #ready()}, the kept ones are passed on, and from
 * then on every callback goes straight to it. The session's events are immutable records, so passing them on later
 * gives the listener what it would have been given at once.
 *
 * <p>Called on the engine thread only (the future completes on another); not thread-safe otherwise.
 */
final class PendingRunListener<T> implements SessionListener {

    private final CompletableFuture<T> pending;
    private final Function<T, SessionListener> listenerOf;
    private List<Consumer<SessionListener>> kept = new ArrayList<>();
    private SessionListener target;

    /**
     * A listener passing on to the one the recorded run gives.
     *
     * @param pending    the recorded run; completed exceptionally when it cannot be recorded
     * @param listenerOf the run's listener
     */
    PendingRunListener(CompletableFuture<T> pending, Function<T, SessionListener> listenerOf) {
        this.pending = pending;
        this.listenerOf = listenerOf;
    }

    /**
     * Waits for the run to be recorded and passes the kept callbacks on to its listener.
     *
     * @return the recorded run
     * @throws RuntimeException what recording the run threw (e.g. the store is unavailable)
     */
    T ready() {
        T run;
        try {
            run = pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        if (target == null) {
            SessionListener t = listenerOf.apply(run);
            kept.forEach(c -> c.accept(t));
            kept = null;
            target = t;
        }
        return run;
    }

    private void deliver(Consumer<SessionListener> callback) {
        if (target == null && pending.isDone() && !pending.isCompletedExceptionally()) {
            ready();
        }
        if (target != null) {
            callback.accept(target);
        } else {
            kept.add(callback);
        }
    }

    @Override
    public void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
        deliver(l -> l.onSignal(timeMillis, strategy, signal, outcome));
    }

    @Override
    public void onSignalDecision(SignalDecision decision) {
        deliver(l -> l.onSignalDecision(decision));
    }

    @Override
    public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
        deliver(l -> l.onOrderSubmitted(timeMillis, strategy, order));
    }

    @Override
    public void onOrderSubmitted(long timeMillis, String strategy, Order order, String reason) {
        deliver(l -> l.onOrderSubmitted(timeMillis, strategy, order, reason));
    }

    @Override
    public void onOrderEvent(String strategy, OrderEvent event) {
        deliver(l -> l.onOrderEvent(strategy, event));
    }

    @Override
    public void onPositionChanged(PositionChange change) {
        deliver(l -> l.onPositionChanged(change));
    }

    @Override
    public void onFault(PluginFault fault) {
        deliver(l -> l.onFault(fault));
    }

    @Override
    public void onRiskEvent(RiskEventReport report) {
        deliver(l -> l.onRiskEvent(report));
    }
}
