package io.quantplug.plugins.binance.testserver;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One symbol's {@code <symbol>@kline_1m} stream for {@link StreamTestServer}, built from a shared CSV
 * ({@link KlineArchive}) as Binance's combined-stream kline messages ({@code {"stream":..,"data":{"e":"kline",..,
 * "k":{"t","T","s","i","o","c","h","l","v","x",..}}}}, fields as in Binance's "Kline/Candlestick Streams").
 *
 * <ul>
 *   <li>Bar {@code i} (from the first row at or after the start time) closes at {@code i / barsPerSecond} seconds
 *       after the first subscription: one closed kline ({@code x:true}) with the row's values, preceded, when asked,
 *       by one in-progress update ({@code x:false}, all prices at the open, volume 0) that a client must ignore.</li>
 *   <li>The feed runs on its own thread and goes on while no client is subscribed, as a market does: a client that
 *       reconnects has missed klines (Binance does not replay them).</li>
 *   <li>A client that subscribes while the feed runs first gets the last closed kline again (a close and a
 *       reconnect can cross on Binance): a client must drop the repeat.</li>
 * </ul>
 */
public final class KlineFeed {

    private final String symbol;
    private final String stream;
    private final List<KlineArchive.Row> rows;
    private final double barsPerSecond;
    private final boolean inProgressUpdates;
    private final BooleanSupplier paused;
    private final BiConsumer<String, String> publisher;
    private final AtomicInteger closedSent = new AtomicInteger();
    private volatile String lastClosed;
    private volatile boolean running = true;
    private Thread thread;

    KlineFeed(String symbol, KlineArchive archive, long fromOpenTime, double barsPerSecond,
              boolean inProgressUpdates, BooleanSupplier paused, BiConsumer<String, String> publisher) {
        if (!(barsPerSecond > 0)) {
            throw new IllegalArgumentException("barsPerSecond must be > 0, got " + barsPerSecond);
        }
        this.symbol = symbol;
        this.stream = symbol.toLowerCase(java.util.Locale.ROOT) + "@kline_1m";
        this.rows = archive.between(fromOpenTime, Long.MAX_VALUE, Integer.MAX_VALUE);
        this.barsPerSecond = barsPerSecond;
        this.inProgressUpdates = inProgressUpdates;
        this.paused = paused;
        this.publisher = publisher;
    }

    /** A client subscribed to these streams: start the feed, or repeat the last closed kline to the client. */
    synchronized void subscribed(Set<String> streams, Consumer<String> client) {
        if (!streams.contains(stream)) {
            return;
        }
        if (thread == null) {
            thread = new Thread(this::run, "kline-feed-" + stream);
            thread.setDaemon(true);
            thread.start();
        } else if (lastClosed != null) {
            client.accept(lastClosed);
        }
    }

    private void run() {
        long start = System.nanoTime();
        long pausedNanos = 0;
        for (int i = 0; i < rows.size() && running; ) {
            if (paused.getAsBoolean()) {
                long t = System.nanoTime();
                LockSupport.parkNanos(1_000_000);
                pausedNanos += System.nanoTime() - t;
                continue;
            }
            long due = start + pausedNanos + (long) (i * TimeUnit.SECONDS.toNanos(1) / barsPerSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            KlineArchive.Row row = rows.get(i++);
            if (inProgressUpdates) {
                publisher.accept(stream, message(row, false));
            }
            String closed = message(row, true);
            lastClosed = closed;
            publisher.accept(stream, closed);
            closedSent.incrementAndGet();
        }
    }

    private String message(KlineArchive.Row r, boolean closed) {
        long close = r.openTime() + 59_999;
        String high = closed ? r.high() : r.open();
        String low = closed ? r.low() : r.open();
        String last = closed ? r.close() : r.open();
        String volume = closed ? r.volume() : "0";
        return "{\"stream\":\"" + stream + "\",\"data\":{\"e\":\"kline\",\"E\":" + (closed ? close + 1 : r.openTime()
                + 30_000) + ",\"s\":\"" + symbol + "\",\"k\":{\"t\":" + r.openTime() + ",\"T\":" + close + ",\"s\":\""
                + symbol + "\",\"i\":\"1m\",\"f\":-1,\"L\":-1,\"o\":\"" + r.open() + "\",\"c\":\"" + last
                + "\",\"h\":\"" + high + "\",\"l\":\"" + low + "\",\"v\":\"" + volume + "\",\"n\":0,\"x\":" + closed
                + ",\"q\":\"0\",\"V\":\"0\",\"Q\":\"0\",\"B\":\"0\"}}}";
    }

    /**
     * The rows this feed serves, in order (the expected bars).
     *
     * @return the rows from the start time on
     */
    public List<KlineArchive.Row> rows() {
        return rows;
    }

    /**
     * Closed klines sent so far (sent to nobody while no client was subscribed included).
     *
     * @return the count
     */
    public int closedSent() {
        return closedSent.get();
    }

    void stop() {
        running = false;
    }
}
