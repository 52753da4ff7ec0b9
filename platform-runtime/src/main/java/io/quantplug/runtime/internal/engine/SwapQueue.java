package io.quantplug.runtime.internal.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The hand-over of hot swaps from other threads to a session's engine thread: any thread {@linkplain #submit submits}
 * a swap, the engine thread {@linkplain #applyAll applies} what is pending between two events, and once the session
 * has finished every swap, pending or later, is answered at once with its "not applied" value.
 *
 * <p>The engine's per-event cost is one volatile read ({@link #pending()}); a submit is a lock-free enqueue.
 */
final class SwapQueue {

    private final ConcurrentLinkedQueue<Request<?>> requests = new ConcurrentLinkedQueue<>();
    private volatile boolean pending;
    private volatile boolean closed;

    /** A swap to make on the engine thread, and what to answer instead once the session has finished. */
    private record Request<T>(Supplier<T> swap, T whenClosed, CompletableFuture<T> done) {
        void apply() {
            try {
                done.complete(swap.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }

        void refuse() {
            done.complete(whenClosed);
        }
    }

    /**
     * Queues a swap; any thread.
     *
     * @param swap       what the engine thread runs
     * @param whenClosed the answer when the session has finished before running it
     * @param <T>        the answer's type
     * @return completes with the swap's result, on the engine thread (or at once when closed)
     */
    <T> CompletableFuture<T> submit(Supplier<T> swap, T whenClosed) {
        Request<T> request = new Request<>(swap, whenClosed, new CompletableFuture<>());
        requests.add(request);
        pending = true;
        if (closed) {
            refuseAll(); // the session finished meanwhile: nobody else will answer
        }
        return request.done;
    }

    /** Whether a swap may be waiting: the engine thread's cheap check before each event. */
    boolean pending() {
        return pending;
    }

    /** Engine thread: runs every queued swap, in order. */
    void applyAll() {
        pending = false;
        Request<?> r;
        while ((r = requests.poll()) != null) {
            r.apply();
        }
    }

    /** Engine thread, when the session finishes: answers every queued swap and every later one as not applied. */
    void close() {
        closed = true;
        refuseAll();
    }

    private void refuseAll() {
        Request<?> r;
        while ((r = requests.poll()) != null) {
            r.refuse();
        }
    }
}
