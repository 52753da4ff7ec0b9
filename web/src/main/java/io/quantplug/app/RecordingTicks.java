package io.quantplug.app;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.session.TickSink;
import io.quantplug.runtime.session.TickSource;
import io.quantplug.sdk.bar.TimeBarAggregator;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A recorded Binance stream replayed as ticks ({@code quantplug backtest --data RECORDING}): its trades, its order
 * book rebuilt by Binance's snapshot-and-diff rules, and time bars made of its trades, in one time order.
 *
 * <ul>
 *   <li><b>Trades</b>: the {@code trade} messages, at their trade time {@code T}; the aggressor is the seller when
 *       the buyer was the maker ({@code m}). A recording whose first trade message is an {@code aggTrade} replays
 *       its aggregate trades instead (never both: an aggregate repeats the trades it sums).</li>
 *   <li><b>Book</b>: the SDK's {@link DepthSequencer} applies the depth diffs after a snapshot (the id rule told
 *       from the first diff: {@code pu} for futures, {@code U}/{@code u} for spot); the session gets the book after
 *       every diff applied, at the diff's transaction time {@code T} (futures) or event time {@code E} (spot, which has
 *       no {@code T}), after a snapshot that brings it in sync, and after a
 *       gap (emptied until the next snapshot). Diffs before the first snapshot wait in the sequencer's buffer; a
 *       recording without a snapshot has no book, only trades.</li>
 *   <li><b>Bars</b> of the given length are made of the trades ({@link TimeBarAggregator}); each is handed over at
 *       its close, before the first event at or after it.</li>
 *   <li><b>Time</b>: the exchange's stamps, which across two streams may run a few milliseconds out of order. An
 *       event stamped before the one replayed last is replayed at that one's time ({@link Summary#reordered()}
 *       counts them), so the session's clock never goes back; a bar takes such a trade at the time replayed.</li>
 * </ul>
 *
 * <p>Streams the file: memory holds the book and one bar, not the recording. One symbol per recording. Not
 * thread-safe, apart from {@link #stop()}; close it after the run.
 */
public final class RecordingTicks implements TickSource, AutoCloseable {

    /** At most this many diffs wait for a snapshot (the shared recordings need a few dozen). */
    private static final int MAX_BUFFERED = 10_000;

    /**
     * What a replay handed over.
     *
     * @param trades       trades replayed
     * @param depthUpdates depth diffs read
     * @param bookUpdates  book states handed to the session
     * @param resyncs      gaps in the diff stream
     * @param reordered    events stamped before the event replayed before them, replayed at its time
     * @param bars         bars handed over
     */
    public record Summary(long trades, long depthUpdates, long bookUpdates, long resyncs, long reordered, long bars) {
    }

    private final BinanceRecordingReader reader;
    private final InstrumentId instrument;
    private final long barMillis;
    private final Timeframe timeframe;
    private final TimeBarAggregator aggregator;
    private final OrderBook book = new OrderBook();
    private final RecordingBookView view;
    private DepthSequencer sequencer;
    private DepthSnapshot earlySnapshot;
    private MarketMessageKind tradeKind;
    private Bar readyBar;
    /** Whether the reader's current event is read but not yet handed over. */
    private boolean held;
    private boolean ended;
    private volatile boolean stopped;
    private long lastMillis = Long.MIN_VALUE;
    private long barCloseMillis = Long.MAX_VALUE;
    private long trades;
    private long depthUpdates;
    private long bookUpdates;
    private long reordered;
    private long bars;

    /**
     * Opens a recording for replay.
     *
     * @param file       the recording, plain or gzip ({@code <local receive time ns> <raw JSON>} per line)
     * @param instrument the instrument its events are given as; its symbol must be the recording's
     * @param bar        the length of the bars made of the trades
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when the file cannot be opened
     */
    public RecordingTicks(Path file, InstrumentId instrument, Timeframe bar) {
        this.reader = BinanceRecordingReader.open(List.of(file), new JsonFactory());
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.timeframe = Objects.requireNonNull(bar, "bar");
        this.barMillis = bar.millis();
        this.aggregator = new TimeBarAggregator(barMillis, this::barDone);
        this.view = new RecordingBookView(instrument, book);
    }

    @Override
    public long startMillis() {
        if (!held && !readEvent()) {
            return -1;
        }
        held = true;
        return eventTime();
    }

    @Override
    public Bar next(TickSink sink) {
        while (true) {
            if (readyBar != null) {
                Bar b = readyBar;
                readyBar = null;
                bars++;
                return b;
            }
            if (stopped) {
                return null;
            }
            if (!held && !readEvent()) {
                if (ended) {
                    return null;
                }
                ended = true;
                aggregator.flush(); // the last bar, if any
                continue;
            }
            held = true;
            long stamped = eventTime();
            long t = Math.max(stamped, lastMillis);
            if (t >= barCloseMillis && aggregator.openTrades() > 0) {
                aggregator.flush(); // the bar closes before this event, which stays held
                barCloseMillis = Long.MAX_VALUE;
                continue;
            }
            held = false;
            if (stamped < lastMillis) {
                reordered++;
            }
            lastMillis = t;
            handOver(sink, t);
        }
    }

    @Override
    public boolean paced() {
        return false;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        reader.close();
    }

    /**
     * What was handed over so far.
     *
     * @return the counts
     */
    public Summary summary() {
        return new Summary(trades, depthUpdates, bookUpdates, sequencer == null ? 0 : sequencer.gaps(), reordered,
                bars);
    }

    /** Reads up to the next event to replay; false at the end. */
    private boolean readEvent() {
        while (reader.next()) {
            MarketMessageKind kind = reader.kind();
            if (kind == MarketMessageKind.TRADE || kind == MarketMessageKind.AGG_TRADE) {
                if (tradeKind == null) {
                    tradeKind = kind;
                }
                if (kind == tradeKind) {
                    return true;
                }
            } else if (kind == MarketMessageKind.DEPTH_UPDATE || kind == MarketMessageKind.DEPTH_SNAPSHOT) {
                return true;
            }
        }
        return false;
    }

    /** The held event's time as stamped: trade time, diff transaction or event time; a snapshot (unstamped) at the last time. */
    private long eventTime() {
        MarketStreamDecoder m = reader.message();
        return switch (reader.kind()) {
            case TRADE, AGG_TRADE -> m.tradeTimeMillis();
            case DEPTH_UPDATE -> m.tradeTimeMillis() > 0 ? m.tradeTimeMillis() : m.eventTimeMillis();
            default -> lastMillis != Long.MIN_VALUE ? lastMillis : reader.localTimeNanos() / 1_000_000;
        };
    }

    private void handOver(TickSink sink, long t) {
        switch (reader.kind()) {
            case TRADE, AGG_TRADE -> trade(sink, t);
            case DEPTH_UPDATE -> depth(sink, t);
            default -> snapshot(sink, t);
        }
    }

    private void trade(TickSink sink, long t) {
        MarketStreamDecoder m = reader.message();
        sameSymbol(m.symbol());
        double price = m.price();
        double quantity = m.quantity();
        try {
            aggregator.trade(t, price, quantity);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(reader.file() + ":" + reader.line() + ": " + e.getMessage());
        }
        barCloseMillis = Math.floorDiv(t, barMillis) * barMillis + barMillis;
        trades++;
        sink.onTrade(new TradeTick(instrument, t, price, quantity, m.buyerMaker() ? Side.SELL : Side.BUY,
                Long.toString(m.tradeId())));
    }

    private void depth(TickSink sink, long t) {
        MarketStreamDecoder m = reader.message();
        sameSymbol(m.symbol());
        depthUpdates++;
        if (sequencer == null) {
            SequenceRule rule = m.depthUpdate().previousFinalUpdateId() >= 0 ? SequenceRule.FUTURES
                    : SequenceRule.SPOT;
            sequencer = new DepthSequencer(rule, book, MAX_BUFFERED);
            if (earlySnapshot != null) {
                sequencer.onSnapshot(earlySnapshot);
                earlySnapshot = null;
            }
        }
        DepthSequencer.Outcome outcome = sequencer.accept(m.depthUpdate());
        if (outcome == DepthSequencer.Outcome.APPLIED || outcome == DepthSequencer.Outcome.GAP) {
            bookChanged(sink, t);
        }
    }

    private void snapshot(TickSink sink, long t) {
        if (sequencer == null) {
            earlySnapshot = reader.snapshot(); // the diffs that follow tell the id rule
        } else if (sequencer.onSnapshot(reader.snapshot()) == DepthSequencer.State.IN_SYNC) {
            bookChanged(sink, t);
        }
    }

    private void bookChanged(TickSink sink, long t) {
        view.at(t);
        bookUpdates++;
        sink.onOrderBook(view);
    }

    private void sameSymbol(String symbol) {
        if (symbol != null && !symbol.equals(instrument.symbol())) {
            throw new UserInputException(reader.file() + ":" + reader.line() + ": an event of " + symbol
                    + " in a replay of " + instrument.symbol() + "; give a recording of one symbol");
        }
    }

    private void barDone(long openTimeMillis, double open, double high, double low, double close, double volume) {
        readyBar = new Bar(instrument, timeframe, openTimeMillis, open, high, low, close, volume);
    }
}
