package io.quantplug.plugins.binance;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.exchange.RawMarketListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.plugins.binance.rest.BinanceMarket;
import io.quantplug.plugins.binance.rest.BinanceRestClient;
import io.quantplug.plugins.binance.stream.RawStreamHandler;
import io.quantplug.plugins.binance.stream.StreamConnection;
import io.quantplug.plugins.binance.stream.StreamSettings;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What one {@link BinanceAdapter#connectRaw} opens and {@link #close()} shuts: one market {@link StreamConnection} to
 * {@code <streamUrl>/stream} with the chosen streams of every instrument, a {@link RawStreamHandler} that passes its
 * messages on unchanged, a scheduler (reconnects, silence checks) and one thread for the REST depth snapshots
 * ({@link BinanceRestClient#SNAPSHOT_LIMIT} levels a side, the body re-serialised compactly by Jackson with its fields
 * in the order received, so it starts with {@code {"lastUpdateId"} as Binance sends it).
 *
 * <p>Receive times: the local clock of the REST client ({@code ServerClock.localNow()}, milliseconds) is read once
 * at construction and then advanced by the monotonic nanosecond clock, so times have nanosecond resolution, never go
 * back, and do not jump when the wall clock is adjusted during a recording.
 */
final class RawStreams implements AutoCloseable {

    /** Least time between two snapshot requests of one symbol while none bridged to the stream. */
    private static final long SNAPSHOT_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ScheduledExecutorService scheduler;
    private final ExecutorService snapshotThread;
    private final RawStreamHandler handler;
    private final StreamConnection market;

    RawStreams(BinanceRestClient rest, HttpClient http, URI streamUrl, LongSupplier nanoClock,
               List<RawStreamKind> kinds, List<InstrumentId> instruments, RawMarketListener listener) {
        BinanceMarket binance = rest.transport().market();
        List<String> streams = new ArrayList<>();
        for (InstrumentId id : instruments) {
            if (!id.venue().equals(binance.venue())) {
                throw new IllegalArgumentException("instrument " + id + " is not on venue " + binance.venue()
                        + " of this adapter (market " + binance.parameterValue() + ")");
            }
            kinds.forEach(k -> streams.add(k.streamName(id.symbol())));
        }
        long anchorEpochNanos = TimeUnit.MILLISECONDS.toNanos(rest.transport().serverClock().localNow());
        long anchorNanos = nanoClock.getAsLong();
        LongSupplier epochNanos = () -> anchorEpochNanos + (nanoClock.getAsLong() - anchorNanos);
        this.scheduler = Executors.newScheduledThreadPool(1, task -> daemon(task, "binance-raw-streams"));
        this.snapshotThread = Executors.newSingleThreadExecutor(task -> daemon(task, "binance-raw-snapshot"));
        JsonFactory json = new JsonFactory();
        this.handler = new RawStreamHandler(listener, epochNanos, nanoClock,
                symbol -> CompletableFuture.supplyAsync(
                        () -> rest.depth(symbol, BinanceRestClient.SNAPSHOT_LIMIT).toString(), snapshotThread),
                SNAPSHOT_RETRY_NANOS, new MarketStreamDecoder(json), new DepthSnapshotDecoder(json));
        if (kinds.contains(RawStreamKind.DEPTH)) {
            instruments.forEach(handler::track);
        }
        String base = streamUrl.toString().replaceAll("/+$", "");
        this.market = new StreamConnection(http, () -> URI.create(base + "/stream"), streams, handler,
                handler::connectionChanged, scheduler, nanoClock, StreamSettings.defaults());
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    /** Opens the connection (asynchronously); it reconnects by itself until {@link #close()}. */
    void open() {
        market.open();
    }

    /** The connection (state, reconnects). */
    StreamConnection market() {
        return market;
    }

    /** Delivers nothing more, closes the socket and stops the threads. */
    @Override
    public void close() {
        handler.close();
        try {
            market.close();
        } finally {
            scheduler.shutdownNow();
            snapshotThread.shutdownNow();
        }
    }
}
