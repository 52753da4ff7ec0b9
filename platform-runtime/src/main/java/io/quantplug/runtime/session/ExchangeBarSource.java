package io.quantplug.runtime.session;

import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bars of a paper or live session: first the warm-up bars, then the closed bars an exchange adapter streams,
 * handed from the adapter's I/O threads to the session's engine thread through a bounded queue. Give it to the
 * adapter as its {@link ExchangeListener} ({@code adapter.connect(..., source)}) and to the session as its
 * {@link BarSource}.
 *
 * <p>The warm-up bars are the {@code warmUpBars} closed bars before the first streamed one, asked of a
 * {@link History} (the adapter's historical bars) when that bar arrives, on the adapter's thread that delivers it
 * (never on the engine thread): so they join the stream without an overlap whatever the local clock says.
 *
 * <p>A streamed bar of another instrument or timeframe is ignored, and so is one that opens no later than the last
 * bar handed out (a bar sent again after a reconnect, or the last warm-up bar arriving live). Trades, book updates
 * and order events are not bars and are ignored here, unless a live session asks for its order events to be
 * {@linkplain #forwardOrderEvents forwarded} (to its venue's inbox); its venue then {@linkplain #wake() wakes} the
 * engine thread, which runs the session's {@linkplain #pump pump} inside {@link #next()} between bars.
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
    /** Put in the queue to make the engine thread run the pump: an order event has arrived. */
    private static final Bar WAKE = new Bar(InstrumentId.of("WAKE", "WAKE"), Timeframe.M1, 0, 1, 1, 1, 1, 0);

    /** Closed bars before a time, as an exchange serves them. */
    @FunctionalInterface
    public interface History {
        /**
         * The last closed bars opening before a time.
         *
         * @param openMillis the open time of the first streamed bar, UTC epoch milliseconds
         * @param count      how many bars, &ge; 1
         * @return up to {@code count} bars opening before {@code openMillis}, oldest first
         */
        List<Bar> barsBefore(long openMillis, int count);
    }

    private final InstrumentId instrument;
    private final Timeframe timeframe;
    private final int warmUpBars;
    private final History history;
    /** The warm-up bars, set by the adapter's thread before it queues the first streamed bar. */
    private volatile List<Bar> warmUp;
    /** Why the warm-up bars could not be had, or null. */
    private volatile RuntimeException warmUpProblem;
    private volatile int warmUpFetched;
    /** Whether the first streamed bar has been seen (adapter threads only). */
    private boolean firstSeen;
    private final BlockingQueue<Bar> queue;
    private final long stopAfterLiveBars;
    /** The warm-up bars and the first streamed bar, as the engine thread hands them out; null before. */
    private List<Bar> head;
    private int warmUpNext;
    private long lastOpenMillis = Long.MIN_VALUE;
    private volatile long liveBars;
    private volatile boolean stopped;
    private volatile boolean connected;
    private volatile String connection = "not connected yet";
    private volatile long droppedBars;
    private volatile long lagMillis = -1;
    /** Where order events go (a live session's venue inbox); null drops them (paper). */
    private volatile Consumer<OrderEvent> orderEvents;
    private final Clock clock;
    /** Run on the engine thread inside {@link #next()} after a {@link #wake()}; set by the live session. */
    private volatile Runnable pump = () -> { };

    /**
     * Creates the source.
     *
     * @param instrument        the session's instrument
     * @param timeframe         its bar length
     * @param warmUpBars        closed bars to hand out before the streamed ones, &ge; 0
     * @param history           where they come from (called once, on the adapter's thread that delivers the first
     *                          streamed bar); may be null when {@code warmUpBars} is 0
     * @param capacity          how many streamed bars may wait for the engine, &ge; 1
     * @param stopAfterLiveBars end after this many streamed bars, &ge; 1, or {@code Long.MAX_VALUE} for never
     * @throws IllegalArgumentException when {@code warmUpBars} is negative, {@code capacity} or
     *                                  {@code stopAfterLiveBars} below 1, or {@code history} null with a warm-up
     */
    public ExchangeBarSource(InstrumentId instrument, Timeframe timeframe, int warmUpBars, History history,
                             int capacity, long stopAfterLiveBars) {
        this(instrument, timeframe, warmUpBars, history, capacity, stopAfterLiveBars, Clock.systemUTC());
    }

    /**
     * Creates the source with the clock its event lag is read on.
     *
     * @param instrument        the session's instrument
     * @param timeframe         its bar length
     * @param warmUpBars        closed bars to hand out before the streamed ones, &ge; 0
     * @param history           where they come from; may be null when {@code warmUpBars} is 0
     * @param capacity          how many streamed bars may wait for the engine, &ge; 1
     * @param stopAfterLiveBars end after this many streamed bars, &ge; 1, or {@code Long.MAX_VALUE} for never
     * @param clock             the local clock ({@link #eventLagMillis()} is its time when the engine takes a bar
     *                          minus the bar's close time); the system UTC clock in a live session
     * @throws IllegalArgumentException as {@link #ExchangeBarSource(InstrumentId, Timeframe, int, History, int,
     *                                  long)}
     */
    public ExchangeBarSource(InstrumentId instrument, Timeframe timeframe, int warmUpBars, History history,
                             int capacity, long stopAfterLiveBars, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (stopAfterLiveBars < 1) {
            throw new IllegalArgumentException("stopAfterBars must be >= 1, got " + stopAfterLiveBars);
        }
        if (warmUpBars < 0 || warmUpBars > 0 && history == null) {
            throw new IllegalArgumentException("warmupBars must be >= 0 and come with a history, got " + warmUpBars);
        }
        this.warmUpBars = warmUpBars;
        this.history = history;
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for END when full
        this.stopAfterLiveBars = stopAfterLiveBars;
    }

    /**
     * The next bar: the warm-up bars first (fetched when the first streamed bar arrived), then the streamed bars.
     *
     * @return the bar, or null once stopped or after {@code stopAfterLiveBars} streamed bars
     * @throws IllegalStateException when the history served fewer warm-up bars than asked, bars of another
     *                               instrument or timeframe, or bars not before the first streamed one (a gap
     *                               between them is kept, as a backtest keeps gaps in its data), or failed
     */
    @Override
    public Bar next() {
        List<Bar> w = head;
        if (w == null) {
            Bar first = take(); // the adapter's thread set warmUp (or warmUpProblem) before it queued this bar
            if (first == null) {
                return null;
            }
            if (warmUpProblem != null) {
                throw warmUpProblem;
            }
            w = new ArrayList<>(warmUp);
            w.add(first); // handed out after the warm-up bars
            head = w;
        }
        if (warmUpNext < w.size()) {
            Bar b = w.get(warmUpNext);
            w.set(warmUpNext++, null); // handed out: not kept
            return warmUpNext == w.size() ? handOut(b) : warmUpBar(b);
        }
        if (liveBars >= stopAfterLiveBars) {
            return null;
        }
        Bar b = take();
        return b == null ? null : handOut(b);
    }

    private Bar warmUpBar(Bar b) {
        lastOpenMillis = b.openTimeMillis();
        return b;
    }

    /** The next streamed bar not handed out before, waiting for it; null once stopped. */
    private Bar take() {
        while (!stopped) {
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
            if (b == WAKE) {
                pump.run();
                continue;
            }
            if (b.openTimeMillis() > lastOpenMillis) {
                return b;
            } // else sent again after a reconnect: skipped
        }
        return null;
    }

    private Bar handOut(Bar b) {
        lastOpenMillis = b.openTimeMillis();
        liveBars++;
        lagMillis = clock.millis() - b.closeTimeMillis(); // how late the engine takes it
        return b;
    }

    private List<Bar> checked(List<Bar> bars, long end) {
        if (bars.size() < warmUpBars) {
            throw new IllegalStateException("warm-up: the exchange serves only " + bars.size() + " of the "
                    + warmUpBars + " closed " + timeframe.label() + " bars of " + instrument + " before "
                    + java.time.Instant.ofEpochMilli(end));
        }
        List<Bar> last = new ArrayList<>(bars.subList(bars.size() - warmUpBars, bars.size()));
        for (Bar b : last) {
            if (!b.instrument().equals(instrument) || !b.timeframe().equals(timeframe)) {
                throw new IllegalStateException("warm-up bar " + b + " is not a " + timeframe.label() + " bar of "
                        + instrument);
            }
        }
        long lastOpen = last.get(last.size() - 1).openTimeMillis();
        if (lastOpen >= end) {
            throw new IllegalStateException("warm-up: the history's last bar opens at "
                    + java.time.Instant.ofEpochMilli(lastOpen) + ", not before the first streamed bar ("
                    + java.time.Instant.ofEpochMilli(end) + ")");
        }
        return last;
    }

    /** On the adapter's thread, before the first streamed bar is queued: the warm-up bars before it. */
    private void fetchWarmUp(Bar first) {
        try {
            List<Bar> w = warmUpBars == 0 ? new ArrayList<>()
                    : checked(history.barsBefore(first.openTimeMillis(), warmUpBars), first.openTimeMillis());
            warmUpFetched = w.size();
            warmUp = w;
        } catch (RuntimeException e) {
            warmUpProblem = e instanceof IllegalStateException ? e
                    : new IllegalStateException("warm-up: the exchange failed: " + e.getMessage(), e);
        }
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
        synchronized (this) {
            if (!firstSeen) {
                firstSeen = true;
                fetchWarmUp(bar);
            }
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

    /**
     * Forwards the adapter's order events (a live session's venue takes them) instead of ignoring them. Call before
     * the adapter connects.
     *
     * @param sink receives each event on the adapter's thread; it must be thread-safe and must not block
     */
    public void forwardOrderEvents(Consumer<OrderEvent> sink) {
        this.orderEvents = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Sets what the engine thread runs when woken while it waits for a bar (a live session delivers its venue's
     * events to the strategies). Engine thread or before the session runs.
     *
     * @param pump the action, run on the engine thread inside {@link #next()}
     */
    public void pump(Runnable pump) {
        this.pump = Objects.requireNonNull(pump, "pump");
    }

    /**
     * Wakes the engine thread if it waits for a bar, to run the {@linkplain #pump pump}; if it is busy, the pump
     * runs when it next waits. Any thread; never blocks (when the queue is full, bars are waiting and the engine
     * thread will be in {@link #next()} soon anyway).
     */
    public void wake() {
        queue.offer(WAKE);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        Consumer<OrderEvent> sink = orderEvents;
        if (sink != null) {
            sink.accept(event);
        }
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
     * The warm-up bars handed out or to be handed out, known once the first streamed bar has arrived.
     *
     * @return how many; 0 before the first streamed bar
     */
    public int warmUpBarsFetched() {
        return warmUpFetched;
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
     * The event lag of the last streamed bar: the wall-clock time when the engine took it minus the bar's close
     * time (the exchange's clock), so it includes the exchange's delay in sending it, the network and the queue.
     *
     * @return milliseconds (negative when the local clock is behind the exchange's), or -1 before the first
     */
    public long eventLagMillis() {
        return lagMillis;
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
