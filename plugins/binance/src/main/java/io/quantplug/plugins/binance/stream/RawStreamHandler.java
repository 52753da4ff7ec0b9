package io.quantplug.plugins.binance.stream;

import io.quantplug.api.exchange.RawMarketListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.sdk.marketdata.binance.MalformedStreamMessageException;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Hands every combined-stream message of a {@link StreamConnection} to a {@link RawMarketListener} unchanged, with its
 * local receive time, and adds one REST depth snapshot per tracked symbol after each (re)connect, following Binance's
 * "How to manage a local order book correctly": the depth stream is subscribed first; at the symbol's first diff
 * (its {@code U} noted) the snapshot is requested; a snapshot whose {@code lastUpdateId} is older than that diff
 * ({@code lastUpdateId + 1 < U}) cannot bridge to the stream, is not delivered and another is requested at a later
 * diff, no sooner than {@code retryNanos} after the last request. A snapshot requested before a reconnect is dropped.
 *
 * <p>Messages without the envelope ({@code {"stream":...}}), such as the answer to the subscription request, are not
 * delivered and are counted in {@link #ignored()}.
 *
 * <p>Threading: messages come on the connection's thread, snapshots complete on the snapshot executor's, connection
 * changes on the scheduler's; every listener call is made under one lock, with the receive time read under it, so
 * calls never overlap and times never decrease. Exceptions of the listener are logged and dropped.
 */
public final class RawStreamHandler implements StreamHandler {

    private static final System.Logger LOG = System.getLogger(RawStreamHandler.class.getName());
    private static final String ENVELOPE = "{\"stream\":";

    private final RawMarketListener listener;
    private final LongSupplier epochNanos;
    private final LongSupplier nanoClock;
    private final Function<String, CompletableFuture<String>> snapshots;
    private final long retryNanos;
    private final MarketStreamDecoder decoder;
    private final DepthSnapshotDecoder snapshotDecoder;
    private final Map<String, DepthState> depth = new HashMap<>();
    private final Object lock = new Object();
    private int generation;
    private boolean closed;
    private long ignored;

    /**
     * A handler.
     *
     * @param listener   receives messages, snapshots and connection changes, not null
     * @param epochNanos the receive clock, UTC epoch nanoseconds, non-decreasing
     * @param nanoClock  monotonic nanoseconds, for the retry interval
     * @param snapshots  starts fetching a symbol's REST depth snapshot ({@code BTCUSDT}) and answers its JSON body;
     *                   must not block the caller
     * @param retryNanos least time between two snapshot requests of one symbol, &ge; 0
     * @param decoder    decodes depth diffs (for the symbol and {@code U}), owned by this handler
     * @param snapshotDecoder reads a snapshot's {@code lastUpdateId}
     */
    public RawStreamHandler(RawMarketListener listener, LongSupplier epochNanos, LongSupplier nanoClock,
                            Function<String, CompletableFuture<String>> snapshots, long retryNanos,
                            MarketStreamDecoder decoder, DepthSnapshotDecoder snapshotDecoder) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.epochNanos = Objects.requireNonNull(epochNanos, "epochNanos");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        if (retryNanos < 0) {
            throw new IllegalArgumentException("retryNanos must be >= 0, got " + retryNanos);
        }
        this.retryNanos = retryNanos;
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.snapshotDecoder = Objects.requireNonNull(snapshotDecoder, "snapshotDecoder");
    }

    /**
     * Fetches a snapshot for a symbol's depth stream after each (re)connect. Call before opening the connection.
     *
     * @param instrument the instrument; its symbol as Binance writes it in payloads, e.g. {@code BTCUSDT}
     */
    public void track(InstrumentId instrument) {
        synchronized (lock) {
            depth.put(instrument.symbol(), new DepthState(instrument));
        }
    }

    @Override
    public void onConnected() {
        synchronized (lock) {
            generation++;
            depth.values().forEach(DepthState::restart);
        }
    }

    @Override
    public void onMessage(String text) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (!text.startsWith(ENVELOPE)) {
                ignored++;
                return;
            }
            try {
                listener.onStreamMessage(epochNanos.getAsLong(), text);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "raw market listener failed on a message", e);
            }
            if (!depth.isEmpty() && text.contains("@depth")) {
                onDepth(text);
            }
        }
    }

    private void onDepth(String text) {
        try {
            if (decoder.decode(text) != MarketMessageKind.DEPTH_UPDATE) {
                return;
            }
        } catch (MalformedStreamMessageException e) {
            LOG.log(System.Logger.Level.WARNING, "depth message not understood, written as received: "
                    + e.getMessage());
            return;
        }
        DepthState s = depth.get(decoder.symbol());
        if (s == null || s.delivered) {
            return;
        }
        if (s.firstUpdateId < 0) {
            s.firstUpdateId = decoder.depthUpdate().firstUpdateId();
        }
        long now = nanoClock.getAsLong();
        if (s.requested && now - s.requestedAtNanos < retryNanos) {
            return;
        }
        s.requested = true;
        s.requestedAtNanos = now;
        int gen = generation;
        snapshots.apply(s.instrument.symbol()).whenComplete((body, failure) -> onSnapshot(s, gen, body, failure));
    }

    private void onSnapshot(DepthState s, int gen, String body, Throwable failure) {
        synchronized (lock) {
            if (closed || gen != generation || s.delivered) {
                return;
            }
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, s.instrument.symbol() + ": depth snapshot request failed;"
                        + " asking again at a later diff", failure);
                return;
            }
            long lastUpdateId;
            try {
                lastUpdateId = snapshotDecoder.decode(body).lastUpdateId();
            } catch (MalformedStreamMessageException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, s.instrument.symbol() + ": depth snapshot not understood ("
                        + e.getMessage() + "); asking again at a later diff");
                return;
            }
            if (lastUpdateId + 1 < s.firstUpdateId) {
                LOG.log(System.Logger.Level.INFO, "{0}: snapshot {1} is older than the first diff U={2}; asking again",
                        s.instrument.symbol(), lastUpdateId, s.firstUpdateId);
                s.requestedAtNanos = Long.MIN_VALUE / 2;   // the next diff may ask at once
                return;
            }
            s.delivered = true;
            try {
                listener.onBookSnapshot(epochNanos.getAsLong(), s.instrument, body);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "raw market listener failed on a snapshot", e);
            }
        }
    }

    /**
     * Passes a connection change to the listener, under the handler's lock.
     *
     * @param connected whether connected now
     * @param detail    what happened
     */
    public void connectionChanged(boolean connected, String detail) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                listener.onConnectionChange(connected, detail);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "raw market listener failed on a connection change", e);
            }
        }
    }

    /** Delivers nothing more: late messages and snapshots are dropped. Call before closing the connection. */
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    /**
     * Messages not delivered because they carry no combined-stream envelope (subscription answers).
     *
     * @return the count
     */
    public long ignored() {
        synchronized (lock) {
            return ignored;
        }
    }

    /** A tracked symbol's snapshot progress since the last connect. */
    private static final class DepthState {
        final InstrumentId instrument;
        long firstUpdateId = -1;
        boolean requested;
        long requestedAtNanos;
        boolean delivered;

        DepthState(InstrumentId instrument) {
            this.instrument = instrument;
        }

        void restart() {
            firstUpdateId = -1;
            requested = false;
            delivered = false;
        }
    }
}
