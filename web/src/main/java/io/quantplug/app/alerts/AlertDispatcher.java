package io.quantplug.app.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers alerts to their channels off the engine thread: {@link #publish} puts an alert in a bounded queue and
 * returns at once (a full queue drops the alert and counts it); one sender thread takes each alert to every channel
 * whose filter admits it ({@link AlertThrottle}). A channel that fails is logged (the message masked) and retried with
 * exponential backoff ({@code firstBackoff}, twice that, ...) up to {@code attempts} times in all; while it waits,
 * the other channels and later alerts go on. Nothing a channel does reaches the session.
 *
 * <p>Threading: {@link #publish} from any thread; channels are called on the sender thread only.
 */
public final class AlertDispatcher implements AlertSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    /** One channel and its filter. */
    record Route(AlertChannel channel, AlertThrottle throttle) {
    }

    private final List<Route> routes;
    private final int capacity;
    private final int attempts;
    private final Duration firstBackoff;
    private final ScheduledThreadPoolExecutor sender;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;

    /**
     * Creates the dispatcher and starts its sender thread.
     *
     * @param routes       the channels and their filters
     * @param capacity     alerts that may wait for the sender, at least 1
     * @param attempts     tries per channel and alert, at least 1
     * @param firstBackoff the wait before the first retry, doubled for each further one
     */
    AlertDispatcher(List<Route> routes, int capacity, int attempts, Duration firstBackoff) {
        if (capacity < 1 || attempts < 1) {
            throw new IllegalArgumentException("capacity and attempts must be at least 1, got " + capacity + ", "
                    + attempts);
        }
        this.routes = List.copyOf(routes);
        this.capacity = capacity;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.sender = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "quantplug-alerts");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The channels' names, in the file's order.
     *
     * @return the names
     */
    public List<String> channels() {
        return routes.stream().map(r -> r.channel().name()).toList();
    }

    @Override
    public void publish(Alert alert) {
        if (closed || queued.incrementAndGet() > capacity) {
            if (!closed) {
                queued.decrementAndGet();
            }
            dropped.incrementAndGet();
            return;
        }
        try {
            sender.execute(() -> {
                queued.decrementAndGet();
                for (Route r : routes) {
                    Alert admitted = r.throttle().admit(alert);
                    if (admitted != null) {
                        attempt(r.channel(), admitted, 1);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
        }
    }

    private void attempt(AlertChannel channel, Alert alert, int attempt) {
        try {
            channel.send(alert);
            return;
        } catch (AlertDeliveryException e) {
            LOG.warn("alert {} not delivered (attempt {} of {}): {}", alert.kind(), attempt, attempts, e.getMessage());
        } catch (RuntimeException e) { // a channel's bug: its message may quote a secret, so only the class is shown
            LOG.warn("alert {} not delivered on channel '{}' (attempt {} of {}): {}", alert.kind(), channel.name(),
                    attempt, attempts, e.getClass().getName());
        }
        if (attempt >= attempts || closed) {
            failed.incrementAndGet();
            LOG.error("alert {} given up on channel '{}' after {} attempts", alert.kind(), channel.name(), attempt);
            return;
        }
        long delayMillis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        try {
            sender.schedule(() -> attempt(channel, alert, attempt + 1), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            failed.incrementAndGet();
        }
    }

    /**
     * Alerts dropped because the queue was full or the dispatcher closed.
     *
     * @return the count since creation
     */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Deliveries given up after the last attempt.
     *
     * @return the count since creation
     */
    public long failed() {
        return failed.get();
    }

    /**
     * Takes no more alerts, lets those queued and the retries already scheduled run for at most 10 s, then stops the
     * sender thread and closes the channels.
     */
    @Override
    public void close() {
        closed = true;
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{} alert deliveries still pending at shutdown were dropped", sender.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
        routes.forEach(r -> r.channel().close());
    }
}
