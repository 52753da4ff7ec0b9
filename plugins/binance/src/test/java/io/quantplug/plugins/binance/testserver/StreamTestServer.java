package io.quantplug.plugins.binance.testserver;

import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import io.quantplug.plugins.binance.stream.DepthSnapshotDecoder;
import io.quantplug.plugins.binance.stream.MarketMessageKind;
import io.quantplug.plugins.binance.stream.MarketStreamDecoder;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;

import com.fasterxml.jackson.core.JsonFactory;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A local Binance-compatible stream server for tests, on 127.0.0.1 and a free port (Javalin/Jetty):
 * <ul>
 *   <li>{@code ws://.../stream}: after a client's {@code SUBSCRIBE} request it receives the recording's stream
 *       messages as they are replayed. The replay starts at the first subscription, runs on its own thread at
 *       {@code speed} times the recorded pace (by the recording's local receive stamps; 0 = as fast as possible),
 *       and goes on while no client is connected, as a market does, so a reconnecting client has missed
 *       events;</li>
 *   <li>{@code GET /api/v3/depth}: a depth snapshot of the server's own book at the replay's current update id
 *       (the recording's REST snapshot advanced by every replayed diff, skipped ones included);</li>
 *   <li>{@code ws://.../ws/{listenKey}}: a user data stream; {@link #sendUserData} pushes to it.</li>
 * </ul>
 * Faults: {@link #dropConnections()} (abrupt close of every stream socket), {@link #skipNextDepthUpdate()} (one
 * diff is not sent), {@link #silence(boolean)} (the replay pauses while sockets stay open: a stale stream).
 */
public final class StreamTestServer implements AutoCloseable {

    private final List<String> lines;
    private final long[] stampsNanos;
    private final double speed;
    private final Javalin app;
    private final Set<WsContext> subscribed = ConcurrentHashMap.newKeySet();
    private final Set<WsContext> userSessions = ConcurrentHashMap.newKeySet();
    private final List<String> subscribeRequests = new CopyOnWriteArrayList<>();
    private final List<String> userKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean skipDepth = new AtomicBoolean();
    private final AtomicInteger skippedDepth = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean silent;
    private volatile boolean running = true;
    private final Object bookLock = new Object();
    private final OrderBook book = new OrderBook();
    private final DepthSequencer sequencer;
    private final MarketStreamDecoder decoder = new MarketStreamDecoder(new JsonFactory());
    private Thread replay;
    private int position;

    /**
     * A server, started.
     *
     * @param rawLines the recording's lines ({@code <local ns> <json>}), REST snapshot line included
     * @param rule     the recording's depth id rules (for the server's own book)
     * @param speed    replay speed against the recorded pace; 0 = as fast as possible
     */
    public StreamTestServer(List<String> rawLines, SequenceRule rule, double speed) {
        this.speed = speed;
        this.sequencer = new DepthSequencer(rule, book, 100_000);
        this.lines = new java.util.ArrayList<>(rawLines.size());
        this.stampsNanos = new long[rawLines.size()];
        int snapshotAt = -1;
        for (String raw : rawLines) {
            int space = raw.indexOf(' ');
            String json = raw.substring(space + 1);
            stampsNanos[lines.size()] = Long.parseLong(raw.substring(0, space));
            if (snapshotAt < 0 && json.startsWith("{\"lastUpdateId\"")) {
                snapshotAt = lines.size();
            }
            lines.add(json);
        }
        if (snapshotAt < 0) {
            throw new IllegalArgumentException("the recording has no REST depth snapshot line");
        }
        // the server's book starts from the recording's snapshot and the diffs before it; replay starts after it
        for (int i = 0; i < snapshotAt; i++) {
            feed(lines.get(i));
        }
        sequencer.onSnapshot(new DepthSnapshotDecoder(new JsonFactory()).decode(lines.get(snapshotAt)));
        position = snapshotAt + 1;
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.routes.ws("/stream", ws -> {
                ws.onConnect(ctx -> {
                    connections.incrementAndGet();
                    ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(5));
                });
                ws.onMessage(ctx -> {
                    String m = ctx.message();
                    if (m.contains("\"SUBSCRIBE\"")) {
                        subscribeRequests.add(m);
                        ctx.send("{\"result\":null,\"id\":" + m.replaceAll(".*\"id\":(\\d+).*", "$1") + "}");
                        subscribed.add(ctx);
                        startReplay();
                    }
                });
                ws.onClose(subscribed::remove);
                ws.onError(subscribed::remove);
            });
            cfg.routes.ws("/ws/{key}", ws -> {
                ws.onConnect(ctx -> {
                    userKeys.add(ctx.pathParam("key"));
                    userSessions.add(ctx);
                });
                ws.onClose(userSessions::remove);
                ws.onError(userSessions::remove);
            });
            cfg.routes.get("/api/v3/depth", ctx -> ctx.contentType("application/json").result(snapshotJson()));
        }).start(0);
    }

    private synchronized void startReplay() {
        if (replay == null) {
            replay = new Thread(this::replayLoop, "stream-test-server-replay");
            replay.setDaemon(true);
            replay.start();
        }
    }

    private void replayLoop() {
        long startNanos = System.nanoTime();
        long firstStamp = stampsNanos[position];
        long pausedNanos = 0;
        while (running && position < lines.size()) {
            if (silent) {
                long t = System.nanoTime();
                LockSupport.parkNanos(1_000_000);
                pausedNanos += System.nanoTime() - t;
                continue;
            }
            if (speed > 0) {
                long due = startNanos + pausedNanos + (long) ((stampsNanos[position] - firstStamp) / speed);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
            }
            String json = lines.get(position++);
            if (json.startsWith("{\"lastUpdateId\"")) {
                continue;
            }
            boolean depth = feed(json);
            if (depth && skipDepth.compareAndSet(true, false)) {
                skippedDepth.incrementAndGet();
                continue;
            }
            for (WsContext ctx : subscribed) {
                try {
                    ctx.send(json);
                } catch (RuntimeException e) {
                    subscribed.remove(ctx);
                }
            }
            sent.incrementAndGet();
        }
    }

    private boolean feed(String json) {
        synchronized (bookLock) {
            if (decoder.decode(json) != MarketMessageKind.DEPTH_UPDATE) {
                return false;
            }
            sequencer.accept(decoder.depthUpdate());
            return true;
        }
    }

    private String snapshotJson() {
        synchronized (bookLock) {
            StringBuilder sb = new StringBuilder("{\"lastUpdateId\":").append(sequencer.lastUpdateId())
                    .append(",\"bids\":[");
            for (int d = 0; d < book.bidLevels(); d++) {
                level(sb, d, book.bidPrice(d), book.bidQuantity(d));
            }
            sb.append("],\"asks\":[");
            for (int d = 0; d < book.askLevels(); d++) {
                level(sb, d, book.askPrice(d), book.askQuantity(d));
            }
            return sb.append("]}").toString();
        }
    }

    private static void level(StringBuilder sb, int d, double price, double quantity) {
        sb.append(d == 0 ? "[\"" : ",[\"").append(BigDecimal.valueOf(price).toPlainString()).append("\",\"")
                .append(BigDecimal.valueOf(quantity).toPlainString()).append("\"]");
    }

    /**
     * The market-stream URL.
     *
     * @return {@code ws://127.0.0.1:<port>/stream}
     */
    public URI streamUri() {
        return URI.create("ws://127.0.0.1:" + app.port() + "/stream");
    }

    /**
     * The user-data base URL (append the listen key).
     *
     * @return {@code ws://127.0.0.1:<port>/ws/}
     */
    public URI userDataBase() {
        return URI.create("ws://127.0.0.1:" + app.port() + "/ws/");
    }

    /**
     * The REST base URL.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI restBase() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** Closes every market-stream socket abruptly (no close handshake), as a network failure would. */
    public void dropConnections() {
        for (WsContext ctx : subscribed) {
            subscribed.remove(ctx);
            ctx.session.disconnect();
        }
    }

    /** The next depth update is not sent (the server's own book still applies it). */
    public void skipNextDepthUpdate() {
        skipDepth.set(true);
    }

    /**
     * Pauses or resumes the replay; while paused, sockets stay open and nothing is sent.
     *
     * @param on true to pause
     */
    public void silence(boolean on) {
        silent = on;
    }

    /**
     * Pushes a message to every connected user data stream.
     *
     * @param json the message
     */
    public void sendUserData(String json) {
        for (WsContext ctx : userSessions) {
            ctx.send(json);
        }
    }

    /**
     * Market-stream sockets opened so far.
     *
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /**
     * The subscription requests received, in order.
     *
     * @return the request texts
     */
    public List<String> subscribeRequests() {
        return List.copyOf(subscribeRequests);
    }

    /**
     * The listen keys user data streams connected with, in order.
     *
     * @return the keys
     */
    public List<String> userDataKeys() {
        return List.copyOf(userKeys);
    }

    /**
     * Depth updates withheld by {@link #skipNextDepthUpdate()}.
     *
     * @return the count
     */
    public int skippedDepthUpdates() {
        return skippedDepth.get();
    }

    /**
     * Messages replayed so far.
     *
     * @return the count
     */
    public int sent() {
        return sent.get();
    }

    @Override
    public void close() {
        running = false;
        app.stop();
    }
}
