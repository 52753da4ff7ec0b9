package io.quantplug.runtime.session;

import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bars of a paper or live session: first the warm-up bars (history fetched before the session starts), then the
 * closed bars an exchange adapter streams, handed from the adapter's I/O threads to the session's engine thread
 * through a bounded queue. Give it to the adapter as its {@link ExchangeListener} ({@code adapter.connect(...,
 * source)}) and to the session as its {@link BarSource}.
 *
 * <p>A streamed bar of another instrument or timeframe is ignored, and so is one that opens no later than the last
 * bar handed out (a bar sent again after a reconnect, or the last warm-up bar arriving live). Trades, book updates
 * and order events are not bars and are ignored here (a session on ticks or on a real venue takes them elsewhere).
 * The source ends ({@link #next()} returns null) after {@code stopAfterLiveBars} streamed bars, or when
 * {@linkplain #stop() stopped}.
 *
 * <p>Threading: the {@link ExchangeListener} methods are called by the adapter's threads; {@link #onBar} blocks while
 * the queue is full (the engine is behind by {@code capacity} bars), as the SPI allows. {@link #next()} belongs to the
 * engine thread; {@link #stop()} and the read-outs may be called from any thread.
 */
public final class ExchangeBarSource implements BarSource, ExchangeListener {

    /** Put in the queue to wake the engine thread when the source stops. */
    private static final Bar END = new Bar(InstrumentId.of("END", "END"), Timeframe.M1, 0, 1, 1, 1, 1, 0);

    private final InstrumentId instrument;
    private final Timeframe timeframe;
    private final List<Bar> warmUp;
    private final BlockingQueue<Bar> queue;
    private final long stopAfterLiveBars;
    private int warmUpNext;
    private long lastOpenMillis = Long.MIN_VALUE;
    private volatile long liveBars;
    private volatile boolean stopped;
    private volatile boolean connected;
    private volatile String connection = "not connected yet";
    private volatile long droppedBars;

    /**
     * Creates the source.
     *
     * @param instrument        the session's instrument
     * @param timeframe         its bar length
     * @param warmUp            closed bars to hand out before the streamed ones, oldest first (copied); may be empty
     * @param capacity          how many streamed bars may wait for the engine, &ge; 1
     * @param stopAfterLiveBars end after this many streamed bars, &ge; 1, or {@code Long.MAX_VALUE} for never
     * @throws IllegalArgumentException when {@code capacity} or {@code stopAfterLiveBars} is below 1, or a warm-up
     *                                  bar is of another instrument or timeframe
     */
    public ExchangeBarSource(InstrumentId instrument, Timeframe timeframe, List<Bar> warmUp, int capacity,
                             long stopAfterLiveBars) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (stopAfterLiveBars < 1) {
            throw new IllegalArgumentException("stopAfterBars must be >= 1, got " + stopAfterLiveBars);
        }
        for (Bar b : warmUp) {
            if (!b.instrument().equals(instrument) || !b.timeframe().equals(timeframe)) {
                throw new IllegalArgumentException("warm-up bar " + b + " is not a " + timeframe.label() + " bar of "
                        + instrument);
            }
        }
        this.warmUp = new ArrayList<>(warmUp);
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for END when full
        this.stopAfterLiveBars = stopAfterLiveBars;
    }

    @Override
    public Bar next() {
        while (!stopped) {
            if (warmUpNext < warmUp.size()) {
                Bar b = warmUp.get(warmUpNext);
                warmUp.set(warmUpNext++, null); // handed out: not kept
                lastOpenMillis = b.openTimeMillis();
                return b;
            }
            if (liveBars >= stopAfterLiveBars) {
                return null;
            }
            Bar b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (b == END) {
                return null;
            }
            if (b.openTimeMillis() <= lastOpenMillis) {
                continue; // sent again after a reconnect, or the last warm-up bar arriving live
            }
            lastOpenMillis = b.openTimeMillis();
            liveBars++;
            return b;
        }
        return null;
    }

    @Override
    public void stop() {
        stopped = true;
        queue.offer(END);
    }

    @Override
    public void onBar(Bar bar) {
        if (stopped || !bar.instrument().equals(instrument) || !bar.timeframe().equals(timeframe)) {
            return;
        }
        try {
            while (!queue.offer(bar, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            droppedBars++;
        }
    }

    @Override
    public void onTrade(TradeTick trade) {
    }

    @Override
    public void onOrderBook(OrderBookSnapshot book) {
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
    }

    @Override
    public void onConnectionChange(boolean connected, String detail) {
        this.connected = connected;
        this.connection = detail == null ? (connected ? "connected" : "disconnected") : detail;
    }

    /**
     * Whether the adapter reported itself connected last.
     *
     * @return true when connected
     */
    public boolean connected() {
        return connected;
    }

    /**
     * What the adapter said last about its connection.
     *
     * @return the detail, for people
     */
    public String connectionDetail() {
        return connection;
    }

    /**
     * Streamed bars handed to the session so far (warm-up bars not counted).
     *
     * @return the count
     */
    public long liveBars() {
        return liveBars;
    }

    /**
     * Streamed bars lost because the adapter's thread was interrupted while the queue was full.
     *
     * @return the count (normally 0)
     */
    public long droppedBars() {
        return droppedBars;
    }
}
