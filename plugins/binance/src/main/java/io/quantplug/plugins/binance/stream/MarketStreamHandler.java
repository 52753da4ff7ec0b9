package io.quantplug.plugins.binance.stream;

import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MalformedStreamMessageException;
import io.quantplug.sdk.marketdata.binance.BookTicker;
import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSequencer.Outcome;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns decoded Binance market-stream messages into platform events and keeps one local order book per tracked
 * symbol.
 *
 * <ul>
 *   <li>{@code kline}: only a closed kline ({@code x:true}) becomes a {@link Bar}; in-progress updates are
 *       ignored. A kline interval the platform cannot express (Binance's month, {@code 1M}) is skipped.</li>
 *   <li>{@code trade} and {@code aggTrade}: a {@link TradeTick} at the trade time {@code T}; the aggressor is the
 *       seller when the buyer was the maker ({@code m:true}); the id is {@code t} or the aggregate id {@code a}.</li>
 *   <li>{@code bookTicker}: a {@link BookTicker} to the optional consumer; for a symbol without a tracked depth
 *       book, also a one-level {@link OrderBookSnapshot} to the listener.</li>
 *   <li>{@code depthUpdate} of a tracked symbol: through its {@link DepthSequencer} into its {@link OrderBook};
 *       each applied event is reported as an {@link OrderBookSnapshot} of at most {@code topLevels} levels a side
 *       (none when {@code topLevels} is 0). Depth of untracked symbols is ignored.</li>
 * </ul>
 *
 * <p>Failure cases: a message that cannot be decoded, or whose values the platform refuses (a zero price), is
 * skipped and counted ({@link #skipped()}); if it was a depth event, the next one reveals the gap. A gap, a book
 * awaiting its first snapshot, or a snapshot older than the stream makes the handler ask the
 * {@link DepthSnapshotSource} for a snapshot (no more often than every {@code snapshotRetryNanos} while one is
 * outstanding or after one failed); the book is empty and nothing is reported for it until the snapshot has been
 * bridged. After a reconnect, {@link #resyncAll()} restarts every book, since events were lost while down.
 *
 * <p>Threading: {@link #onMessage} and {@link #resyncAll} run on the stream thread (the WebSocket listener's
 * callbacks, which the JDK calls one at a time). Snapshots complete on any thread and are installed by the stream
 * thread before the next depth event of their symbol. Listener calls happen on the stream thread.
 */
public final class MarketStreamHandler implements StreamHandler {

    private static final System.Logger LOG = System.getLogger(MarketStreamHandler.class.getName());

    private final MarketStreamDecoder decoder;
    private final String venue;
    private final SequenceRule rule;
    private final DepthSnapshotSource snapshots;
    private final ExchangeListener listener;
    private final Consumer<BookTicker> bookTickers;
    private final LongSupplier nanoClock;
    private final int topLevels;
    private final int maxBuffered;
    private final long snapshotRetryNanos;
    private final Map<String, LocalBook> books = new HashMap<>();
    private final Map<String, InstrumentId> instruments = new HashMap<>();
    private final Map<String, Timeframe> timeframes = new HashMap<>();
    private long skipped;

    /**
     * A handler.
     *
     * @param decoder            the decoder it owns (one per stream thread), not null
     * @param venue              the venue part of instrument ids, e.g. {@code BINANCE}
     * @param rule               {@link SequenceRule#SPOT} for spot, {@link SequenceRule#FUTURES} for USD&#9416;-M
     * @param snapshots          where depth snapshots come from, not null
     * @param listener           where bars, trades and books go, not null
     * @param bookTickers        receives every {@code bookTicker}, or null
     * @param nanoClock          monotonic nanoseconds (e.g. {@code System::nanoTime}), injected for tests
     * @param topLevels          levels a side per reported book, 0 to report none (0..5000)
     * @param maxBuffered        depth events kept per symbol while awaiting a snapshot, at least 1
     * @param snapshotRetryNanos minimum time between two snapshot requests of one symbol, at least 0
     * @throws IllegalArgumentException if a number is out of range
     */
    public MarketStreamHandler(MarketStreamDecoder decoder, String venue, SequenceRule rule,
                               DepthSnapshotSource snapshots, ExchangeListener listener,
                               Consumer<BookTicker> bookTickers, LongSupplier nanoClock, int topLevels,
                               int maxBuffered, long snapshotRetryNanos) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.bookTickers = bookTickers;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        if (topLevels < 0 || topLevels > 5000) {
            throw new IllegalArgumentException("topLevels must be in 0..5000, got " + topLevels);
        }
        if (maxBuffered < 1) {
            throw new IllegalArgumentException("maxBuffered must be >= 1, got " + maxBuffered);
        }
        if (snapshotRetryNanos < 0) {
            throw new IllegalArgumentException("snapshotRetryNanos must be >= 0, got " + snapshotRetryNanos);
        }
        this.topLevels = topLevels;
        this.maxBuffered = maxBuffered;
        this.snapshotRetryNanos = snapshotRetryNanos;
    }

    /**
     * Keeps a local book for a symbol's diff-depth stream. Call before its depth events arrive.
     *
     * @param symbol the symbol as Binance writes it in payloads, e.g. {@code BTCUSDT}
     */
    public void track(String symbol) {
        books.computeIfAbsent(symbol, s -> new LocalBook(s, instrument(s), rule, maxBuffered, topLevels));
    }

    /**
     * Handles one stream message (stream thread).
     *
     * @param text the message text
     */
    @Override
    public void onMessage(String text) {
        MarketMessageKind kind;
        try {
            kind = decoder.decode(text);
        } catch (MalformedStreamMessageException e) {
            skip(e.getMessage());
            return;
        }
        try {
            switch (kind) {
                case DEPTH_UPDATE -> onDepth();
                case TRADE, AGG_TRADE -> listener.onTrade(new TradeTick(instrument(decoder.symbol()),
                        decoder.tradeTimeMillis(), decoder.price(), decoder.quantity(),
                        decoder.buyerMaker() ? Side.SELL : Side.BUY, Long.toString(decoder.tradeId())));
                case BOOK_TICKER -> onBookTicker();
                case KLINE -> onKline();
                default -> { }
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            skip(kind + " refused: " + e.getMessage());
        }
    }

    /**
     * Restarts every book (after a reconnect): clears it and buffers new events; the first event of each then
     * asks for a fresh snapshot (Binance's order: open the stream and buffer, then fetch the snapshot).
     */
    public void resyncAll() {
        for (LocalBook b : books.values()) {
            b.sequencer.reset();
            b.arrived.set(null);
            b.outstanding = false;
        }
    }

    /** A connection came up: every book is resynced ({@link #resyncAll()}). */
    @Override
    public void onConnected() {
        resyncAll();
    }

    private void onDepth() {
        LocalBook b = books.get(decoder.symbol());
        if (b == null) {
            return;
        }
        DepthSnapshot snapshot = b.arrived.getAndSet(null);
        if (snapshot != null) {
            b.outstanding = false;
            if (b.sequencer.onSnapshot(snapshot) == DepthSequencer.State.AWAITING_SNAPSHOT) {
                LOG.log(System.Logger.Level.INFO, "{0}: snapshot {1} does not chain to the stream; fetching another",
                        b.symbol, snapshot.lastUpdateId());
            }
        }
        Outcome outcome = b.sequencer.accept(decoder.depthUpdate());
        if (outcome == Outcome.APPLIED) {
            publish(b, decoder.eventTimeMillis());
        } else if (outcome == Outcome.GAP) {
            LOG.log(System.Logger.Level.WARNING, "{0}: gap in the depth stream at {1}; resyncing from a snapshot",
                    b.symbol, decoder.depthUpdate());
        }
        if (b.sequencer.state() == DepthSequencer.State.AWAITING_SNAPSHOT) {
            requestSnapshot(b);
        }
    }

    private void requestSnapshot(LocalBook b) {
        long now = nanoClock.getAsLong();
        if (b.outstanding && now - b.requestedAtNanos < snapshotRetryNanos) {
            return;
        }
        b.outstanding = true;
        b.requestedAtNanos = now;
        snapshots.fetch(b.symbol).whenComplete((s, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, b.symbol + ": depth snapshot request failed; will retry",
                        failure);
            } else {
                b.arrived.set(s);
            }
        });
    }

    private void publish(LocalBook b, long timeMillis) {
        if (topLevels == 0) {
            return;
        }
        b.book.copyTop(b.top);
        List<BookLevel> bids = new ArrayList<>(b.top.bidCount());
        for (int d = 0; d < b.top.bidCount(); d++) {
            bids.add(new BookLevel(b.top.bidPrice(d), b.top.bidQuantity(d)));
        }
        List<BookLevel> asks = new ArrayList<>(b.top.askCount());
        for (int d = 0; d < b.top.askCount(); d++) {
            asks.add(new BookLevel(b.top.askPrice(d), b.top.askQuantity(d)));
        }
        listener.onOrderBook(new OrderBookSnapshot(b.instrument, timeMillis, bids, asks));
    }

    private void onBookTicker() {
        InstrumentId id = instrument(decoder.symbol());
        if (bookTickers != null) {
            bookTickers.accept(new BookTicker(id, decoder.updateId(), decoder.bestBidPrice(),
                    decoder.bestBidQuantity(), decoder.bestAskPrice(), decoder.bestAskQuantity(),
                    decoder.eventTimeMillis()));
        }
        if (!books.containsKey(decoder.symbol())) {
            listener.onOrderBook(new OrderBookSnapshot(id, decoder.eventTimeMillis(),
                    List.of(new BookLevel(decoder.bestBidPrice(), decoder.bestBidQuantity())),
                    List.of(new BookLevel(decoder.bestAskPrice(), decoder.bestAskQuantity()))));
        }
    }

    private void onKline() {
        if (!decoder.klineClosed()) {
            return;
        }
        Timeframe tf = timeframes.computeIfAbsent(decoder.klineInterval(), Timeframe::parse);
        listener.onBar(new Bar(instrument(decoder.symbol()), tf, decoder.klineOpenTimeMillis(), decoder.open(),
                decoder.high(), decoder.low(), decoder.close(), decoder.volume()));
    }

    private InstrumentId instrument(String symbol) {
        return instruments.computeIfAbsent(symbol, s -> InstrumentId.of(s, venue));
    }

    private void skip(String why) {
        skipped++;
        LOG.log(System.Logger.Level.WARNING, why);
    }

    /**
     * The book kept for a symbol, for reading on the stream thread (tests, diagnostics).
     *
     * @param symbol the symbol
     * @return its book, or null if not tracked
     */
    public OrderBook book(String symbol) {
        LocalBook b = books.get(symbol);
        return b == null ? null : b.book;
    }

    /**
     * The sequencer of a symbol's book, for reading on the stream thread (its state, gaps, last update id).
     *
     * @param symbol the symbol
     * @return its sequencer, or null if not tracked
     */
    public DepthSequencer sequencer(String symbol) {
        LocalBook b = books.get(symbol);
        return b == null ? null : b.sequencer;
    }

    /**
     * Messages skipped because they could not be decoded or were refused.
     *
     * @return the count since construction
     */
    public long skipped() {
        return skipped;
    }
}
