package io.quantplug.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live event stream behind {@code GET /api/events} (server-sent events). Publishers — engine threads of
 * backtests and paper instances, the plugin host, request handlers — never wait: an event is serialised and put on a
 * bounded queue (events beyond {@value #QUEUE_CAPACITY} waiting are dropped and counted), and one dispatcher thread
 * writes it to every connected client. The last {@value #RECENT} events of each type are kept for pages that open
 * later. Thread-safe.
 *
 * <p>Event types: {@code run.progress}, {@code run.finished}, {@code order}, {@code fill}, {@code pnl},
 * {@code risk}, {@code plugin}, {@code kill-switch}, {@code instance}. Each event's data is a JSON object; its SSE id
 * is a sequence number.
 */
public final class EventHub implements AutoCloseable {

    /** Events kept per type for {@link #recent}. */
    public static final int RECENT = 50;
    private static final int QUEUE_CAPACITY = 10_000;

    /**
     * One event.
     *
     * @param id   sequence number from 1
     * @param type the type
     * @param json the data as JSON text
     */
    public record Event(long id, String type, String json) {
    }

    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<String, Deque<Event>> recent = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread dispatcher;
    private volatile boolean closed;

    /** Starts the dispatcher thread (a daemon). */
    public EventHub() {
        dispatcher = new Thread(this::dispatch, "quantplug-events");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /**
     * Publishes an event; returns at once.
     *
     * @param type the type
     * @param data a value Jackson can write (a record or map)
     */
    public void publish(String type, Object data) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise a " + type + " event: " + e.getMessage(), e);
        }
        Event event = new Event(sequence.incrementAndGet(), type, json);
        Deque<Event> kept = recent.computeIfAbsent(type, t -> new ArrayDeque<>());
        synchronized (kept) {
            if (kept.size() == RECENT) {
                kept.removeFirst();
            }
            kept.addLast(event);
        }
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * The last events of a type, oldest first.
     *
     * @param type the type
     * @return up to {@value #RECENT} events
     */
    public List<Event> recent(String type) {
        Deque<Event> kept = recent.get(type);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }

    /**
     * Connects a client; it receives every event published from now on until it disconnects.
     *
     * @param client the SSE client (its request has passed the access check)
     */
    public void attach(SseClient client) {
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.sendEvent("hello", "{\"sequence\":" + sequence.get() + "}", null);
        client.keepAlive();
    }

    /**
     * How many clients are connected.
     *
     * @return the count
     */
    public int clientCount() {
        return clients.size();
    }

    /**
     * How many events were dropped because the queue was full.
     *
     * @return the count
     */
    public long dropped() {
        return dropped.get();
    }

    private void dispatch() {
        while (!closed) {
            Event e;
            try {
                e = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                return;
            }
            if (e == null) {
                continue;
            }
            for (SseClient c : clients) {
                if (c.terminated()) {
                    clients.remove(c);
                    continue;
                }
                try {
                    c.sendEvent(e.type(), e.json(), Long.toString(e.id()));
                } catch (RuntimeException ex) {
                    clients.remove(c);
                }
            }
        }
    }

    /** Stops the dispatcher and closes every client. */
    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        for (SseClient c : clients) {
            c.close();
        }
        clients.clear();
    }
}
