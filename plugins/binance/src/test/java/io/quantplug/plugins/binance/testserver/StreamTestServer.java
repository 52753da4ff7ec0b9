package io.quantplug.plugins.binance.testserver;

import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;

import com.fasterxml.jackson.core.JsonFactory;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A local Binance-compatible stream server for tests, on 127.0.0.1 and a free port (Javalin/Jetty):
 * <ul>
 *   <li>{@code ws://.../stream}: after a client's {@code SUBSCRIBE} request it receives the recording's messages of
 *       the streams it subscribed to (by the {@code stream} name of each combined-stream envelope) as they are
 *       replayed. The replay starts at the first subscription, runs on its own thread at
 *       {@code speed} times the recorded pace (by the recording's local receive stamps; 0 = as fast as possible),
 *       and goes on while no client is connected, as a market does, so a reconnecting client has missed
 *       events;</li>
 *   <li>{@code GET /api/v3/depth}: a depth snapshot of the server's own book at the replay's current update id
 *       (the recording's REST snapshot advanced by every replayed diff, skipped ones included);</li>
 *   <li>{@code ws://.../ws/{listenKey}}: a user data stream; {@link #sendUserData} pushes to it.</li>
 *   <li>Optionally ({@link #serveKlines}) a {@code <symbol>@kline_1m} stream built from a shared CSV, see
 *       {@link KlineFeed}.</li>
 * </ul>
 * A server {@link #withoutRecording()} serves only klines and user data.
 * Faults: {@link #dropConnections()} (abrupt close of every stream socket), {@link #skipNextDepthUpdate()} (one
 * diff is not sent), {@link #silence(boolean)} (the replay pauses while sockets stay open: a stale stream).
 */
public final class StreamTestServer implements AutoCloseable {

    private final List<String> lines;
    private final long[] stampsNanos;
    private final double speed;
    private final Javalin app;
    private final Map<WsContext, Set<String>> subscribed = new ConcurrentHashMap<>();
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
    private final List<KlineFeed> klineFeeds = new CopyOnWriteArrayList<>();
    private Thread replay;
    private int position;

    /**
     * A server without a recording: no trades, depth or book tickers, only what {@link #serveKlines} and
     * {@link #sendUserData} add.
     *
     * @return the server, started
     */
    public static StreamTestServer withoutRecording() {
        return new StreamTestServer(null, SequenceRule.SPOT, 0);
    }

    /**
     * A server, started.
     *
     * @param rawLines the recording's lines ({@code <local ns> <json>}), REST snapshot line included; null for none
     * @param rule     the recording's depth id rules (for the server's own book)
     * @param speed    replay speed against the recorded pace; 0 = as fast as possible
     */
    public StreamTestServer(List<String> rawLines, SequenceRule rule, double speed) {
        this.speed = speed;
        this.sequencer = new DepthSequencer(rule, book, 100_000);
        List<String> recording = rawLines == null ? List.of() : rawLines;
        this.lines = new java.util.ArrayList<>(recording.size());
        this.stampsNanos = new long[recording.size()];
        int snapshotAt = rawLines == null ? 0 : -1;
        for (String raw : recording) {
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
        if (rawLines != null) {
            for (int i = 0; i < snapshotAt; i++) {
                feed(lines.get(i));
            }
            sequencer.onSnapshot(new DepthSnapshotDecoder(new JsonFactory()).decode(lines.get(snapshotAt)));
            position = snapshotAt + 1;
        }
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
                        Set<String> streams = streamNames(m);
                        subscribed.put(ctx, streams);
                        if (!lines.isEmpty()) {
                            startReplay();
                        }
                        klineFeeds.forEach(f -> f.subscribed(streams, json -> send(ctx, json)));
                    }
                });
                ws.onClose(ctx -> subscribed.remove(ctx));
                ws.onError(ctx -> subscribed.remove(ctx));
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
            publish(streamName(json), json);
            sent.incrementAndGet();
        }
    }

    /** Sends a message of the named stream (null: every subscriber) to the sockets subscribed to it. */
    void publish(String stream, String json) {
        for (Map.Entry<WsContext, Set<String>> e : subscribed.entrySet()) {
            if (stream == null || e.getValue().contains(stream)) {
                send(e.getKey(), json);
            }
        }
    }

    private void send(WsContext ctx, String json) {
        try {
            synchronized (ctx) {
                ctx.send(json);
            }
        } catch (RuntimeException e) {
            subscribed.remove(ctx);
        }
    }

    private static Set<String> streamNames(String subscribeRequest) {
        Set<String> out = ConcurrentHashMap.newKeySet();
        java.util.regex.Matcher params = java.util.regex.Pattern.compile("\"params\":\\[([^\\]]*)\\]")
                .matcher(subscribeRequest);
        if (params.find()) {
            for (String name : params.group(1).split(",")) {
                String n = name.strip().replace("\"", "");
                if (!n.isEmpty()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static String streamName(String json) {
        int at = json.indexOf("\"stream\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 10;
        return json.substring(from, json.indexOf('"', from));
    }

    /**
     * Also serves {@code <symbol>@kline_1m} from a CSV: closed klines ({@code x:true}) of the archive's rows from
     * {@code fromOpenTime} on, at {@code barsPerSecond}, each optionally preceded by one in-progress update
     * ({@code x:false}); see {@link KlineFeed}. The feed starts at the first subscription to the stream and goes on
     * while no client is connected.
     *
     * @param symbol            the symbol as Binance writes it, e.g. {@code BTCUSDT}
     * @param archive           the rows
     * @param fromOpenTime      open time of the first kline, UTC epoch ms (the first row at or after it)
     * @param barsPerSecond     pace, &gt; 0
     * @param inProgressUpdates whether an in-progress update precedes each close
     * @return this server
     */
    public StreamTestServer serveKlines(String symbol, KlineArchive archive, long fromOpenTime, double barsPerSecond,
                                        boolean inProgressUpdates) {
        klineFeeds.add(new KlineFeed(symbol, archive, fromOpenTime, barsPerSecond, inProgressUpdates,
                () -> silent, this::publish));
        return this;
    }

    /**
     * The kline feeds added by {@link #serveKlines}, in order.
     *
     * @return the feeds
     */
    public List<KlineFeed> klineFeeds() {
        return List.copyOf(klineFeeds);
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

    /** The server's own book as a REST depth snapshot body, at the replay's current update id. */
    String snapshotJson() {
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
        for (WsContext ctx : subscribed.keySet()) {
            subscribed.remove(ctx);
            ctx.session.disconnect();
        }
    }

    /** The next depth update is not sent (the server's own book still applies it). */
    public void skipNextDepthUpdate() {
        skipDepth.set(true);
    }

    /**
     * Pauses or resumes the replay and the kline feeds; while paused, sockets stay open and nothing is sent.
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
        klineFeeds.forEach(KlineFeed::stop);
        app.stop();
    }
}
