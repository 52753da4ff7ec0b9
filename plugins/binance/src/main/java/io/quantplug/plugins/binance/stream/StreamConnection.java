package io.quantplug.plugins.binance.stream;

import io.github.resilience4j.core.IntervalFunction;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One Binance WebSocket stream connection on the JDK's {@link java.net.http.WebSocket}, kept up for as long as it
 * is open: it subscribes, hands every text message to a {@link StreamHandler}, and reconnects on any failure.
 *
 * <p>Subscribing: after each (re)connect it sends Binance's live-subscription request
 * ({@code {"method":"SUBSCRIBE","params":[streams],"id":n}}) for all streams (none for a user data stream, whose
 * URL names the listen key), then calls {@link StreamHandler#onConnected()}, where the market handler restarts its
 * books (events were lost while down, so every book is resynced from a new snapshot).
 *
 * <p>Failure cases, each reported through the {@link ConnectionListener} as down, then up again once reconnected:
 * <ul>
 *   <li>the handshake fails or times out ({@code connectTimeout}): retried after a backoff delay;</li>
 *   <li>the server closes the connection, or the socket fails (dropped connection, reset): reconnect after a
 *       backoff delay;</li>
 *   <li>a silent stream: no message for {@code staleAfter} (checked every quarter of it) means down even though
 *       the socket looks open; the socket is aborted and a reconnect follows;</li>
 *   <li>Binance's 24-hour limit: at {@code maxConnectionAge} (default 23 h 30 min) the connection is closed and
 *       re-opened on our own, so the venue's cut never arrives unannounced;</li>
 *   <li>ping/pong: Binance pings every 20 s (spot) or 3 min (futures) and drops a client that does not answer.
 *       The JDK's WebSocket answers every ping with a pong by itself (its implementation queues an automatic
 *       pong; {@code WebSocket.Listener.onPing} documents that explicit pongs are rarely needed), so nothing is
 *       sent here.</li>
 * </ul>
 * Backoff delays come from Resilience4j's {@code IntervalFunction.ofExponentialRandomBackoff} (initial delay,
 * multiplier, jitter, cap); the attempt count restarts once a connection has delivered a message. A handler that
 * throws does not take the connection down: the exception is logged and the next message is delivered.
 *
 * <p>Threading: the JDK calls the WebSocket listener one callback at a time; messages are handed to the handler
 * under a lock, so a late callback of an old socket never runs beside the new one's. Timers run on the injected
 * scheduler, and time is read from the injected monotonic clock, so tests can run fast.
 */
public final class StreamConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StreamConnection.class.getName());

    private final HttpClient http;
    private final Supplier<URI> endpoint;
    private final List<String> streams;
    private final StreamHandler handler;
    private final ConnectionListener connectionListener;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final StreamSettings settings;
    private final IntervalFunction backoff;
    private final Object lock = new Object();

    private WebSocket socket;
    private int generation;
    private int attempt;
    private int requestId;
    private boolean open;
    private boolean connected;
    private volatile long lastMessageNanos;
    private long reconnects;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> ageLimit;

    /**
     * A connection, not yet opened.
     *
     * @param http               the JDK HTTP client that opens WebSockets, not null
     * @param endpoint           the URL to connect to, asked again on every (re)connect (a user data stream's URL
     *                           carries the current listen key)
     * @param streams            stream names to subscribe to, e.g. {@code btcusdt@depth@100ms}; empty for none
     * @param handler            receives messages and connect events, not null
     * @param connectionListener told when the connection goes down or comes up, not null
     * @param scheduler          runs reconnects and checks, not null
     * @param nanoClock          monotonic nanoseconds, e.g. {@code System::nanoTime}
     * @param settings           timing, not null
     */
    public StreamConnection(HttpClient http, Supplier<URI> endpoint, List<String> streams, StreamHandler handler,
                            ConnectionListener connectionListener, ScheduledExecutorService scheduler,
                            LongSupplier nanoClock, StreamSettings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.streams = List.copyOf(streams);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.connectionListener = Objects.requireNonNull(connectionListener, "connectionListener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                settings.backoffMultiplier(), settings.backoffJitter(), settings.maxBackoff());
    }

    /** Opens the connection (asynchronously) and keeps it open until {@link #close()}. */
    public void open() {
        synchronized (lock) {
            if (open) {
                return;
            }
            open = true;
            long stale = settings.staleAfter().toNanos();
            if (stale > 0) {
                long period = Math.max(1, stale / 4);
                watchdog = scheduler.scheduleAtFixedRate(this::checkSilence, period, period, TimeUnit.NANOSECONDS);
            }
        }
        connect();
    }

    private void connect() {
        int gen;
        synchronized (lock) {
            if (!open) {
                return;
            }
            gen = ++generation;
        }
        URI uri;
        try {
            uri = endpoint.get();
        } catch (RuntimeException e) {
            down(gen, "no endpoint: " + e.getMessage());
            return;
        }
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                .buildAsync(uri, new Listener(gen))
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        down(gen, "connecting to " + uri.getHost() + ":" + uri.getPort() + " failed: "
                                + rootMessage(failure));
                    } else {
                        connected(gen, ws, uri);
                    }
                });
    }

    private void connected(int gen, WebSocket ws, URI uri) {
        synchronized (lock) {
            if (gen != generation || !open) {
                ws.abort();
                return;
            }
            socket = ws;
            connected = true;
            lastMessageNanos = nanoClock.getAsLong();
            if (!streams.isEmpty()) {
                ws.sendText(subscribeRequest(), true);
            }
            try {
                handler.onConnected();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "stream handler failed on connect", e);
            }
            ageLimit = scheduler.schedule(() -> recycle(gen), settings.maxConnectionAge().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        connectionListener.onConnectionChange(true, "connected to " + uri.getHost() + ":" + uri.getPort()
                + (streams.isEmpty() ? "" : ", subscribed to " + streams.size() + " streams"));
    }

    private String subscribeRequest() {
        StringBuilder sb = new StringBuilder("{\"method\":\"SUBSCRIBE\",\"params\":[");
        for (int i = 0; i < streams.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(streams.get(i)).append('"');
        }
        return sb.append("],\"id\":").append(++requestId).append('}').toString();
    }

    private void checkSilence() {
        int gen;
        synchronized (lock) {
            if (!connected) {
                return;
            }
            gen = generation;
        }
        long silentNanos = nanoClock.getAsLong() - lastMessageNanos;
        if (silentNanos > settings.staleAfter().toNanos()) {
            down(gen, "no message for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms (limit "
                    + settings.staleAfter().toMillis() + " ms): stream treated as down");
        }
    }

    private void recycle(int gen) {
        down(gen, "connection reached its maximum age of " + settings.maxConnectionAge()
                + " (Binance ends connections at 24 h): reconnecting");
    }

    /** The connection of generation {@code gen} is gone: report it once, drop the socket, schedule a reconnect. */
    private void down(int gen, String why) {
        long delayMillis;
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            generation++;             // callbacks of the old socket are ignored from now on
            boolean wasConnected = connected;
            connected = false;
            if (ageLimit != null) {
                ageLimit.cancel(false);
            }
            if (socket != null) {
                socket.abort();
                socket = null;
            }
            if (!open) {
                return;
            }
            attempt++;
            delayMillis = backoff.apply(attempt);
            reconnects++;
            if (!wasConnected && attempt > 1) {
                LOG.log(System.Logger.Level.INFO, why + "; retrying in " + delayMillis + " ms");
            }
        }
        connectionListener.onConnectionChange(false, why + "; reconnecting in " + delayMillis + " ms");
        scheduler.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Drops the current connection and reconnects after the backoff delay (e.g. when a user data stream's
     * listen key was replaced). Reported as down, then up.
     *
     * @param why the reason, for people
     */
    public void reconnect(String why) {
        int gen;
        synchronized (lock) {
            gen = generation;
        }
        down(gen, why);
    }

    /** Closes the connection for good (normal closure) and stops reconnecting. */
    @Override
    public void close() {
        WebSocket ws;
        synchronized (lock) {
            if (!open) {
                return;
            }
            open = false;
            generation++;
            ws = socket;
            socket = null;
            connected = false;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (ageLimit != null) {
                ageLimit.cancel(false);
            }
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "closing").whenComplete((w, e) -> ws.abort());
        }
        connectionListener.onConnectionChange(false, "closed");
    }

    /**
     * Whether a connection is up now.
     *
     * @return true between a successful handshake and the next failure
     */
    public boolean connected() {
        synchronized (lock) {
            return connected;
        }
    }

    /**
     * Reconnects scheduled so far (every failure or age limit counts one).
     *
     * @return the count
     */
    public long reconnects() {
        synchronized (lock) {
            return reconnects;
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** Listener of one socket (one generation). */
    private final class Listener implements WebSocket.Listener {

        private final int gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
                ws.request(1);
                return null;
            }
            String message;
            if (partial.length() > 0) {
                message = partial.append(data).toString();
                partial.setLength(0);
            } else {
                message = data.toString();
            }
            synchronized (lock) {
                if (gen == generation) {
                    lastMessageNanos = nanoClock.getAsLong();
                    attempt = 0;
                    try {
                        handler.onMessage(message);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "stream handler failed on a message", e);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            // the JDK has already queued the automatic pong with the same payload
            lastMessageNanos = nanoClock.getAsLong();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            down(gen, "closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            down(gen, "connection failed: " + rootMessage(error));
        }
    }
}
