package io.quantplug.app;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.session.TickSink;
import io.quantplug.runtime.session.TickSource;
import io.quantplug.sdk.bar.ActivityBarAggregator;
import io.quantplug.sdk.bar.TimeBarAggregator;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.LiveBookView;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;

import java.nio.file.Path;
import java.util.ArrayList;
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
 *       every diff applied, after a snapshot that brings it in sync, and after a gap (emptied until the next
 *       snapshot). Diffs before the first snapshot wait in the sequencer's buffer; a recording without a snapshot
 *       has no book, only trades.</li>
 *   <li><b>Time order</b> is the exchange's: a trade at its {@code T}, a diff at its transaction time {@code T}
 *       (futures) or event time {@code E} (spot, whose diffs are batches stamped at their end), a snapshot at the
 *       stamp of the diff before it. The streams arrive interleaved a little out of that order (a spot diff
 *       stamped at its batch's end comes before trades of the batch), so a diff waits until an event stamped at or
 *       after it arrives, and the trades recorded after it but stamped before it go first (a diff waits until a
 *       trade stamped at or after it comes, or a diff stamped a second later). What still comes stamped before the
 *       event replayed last is replayed at that event's time ({@link Summary#reordered()}).</li>
 *   <li><b>Book snapshot files</b> (a Tardis {@code book_snapshot_N} CSV, {@link MarketEvents#snapshotTimeMillis()}):
 *       each row replaces the whole book at its exchange time and the session gets it; with no trades, the time
 *       bars are made of the book's mid price after each row (volume 0), and volume or dollar bars are refused.</li>
 *   <li><b>Bars</b> are made of the trades: time bars of a length ({@link TimeBarAggregator}), each handed over at
 *       its close, before the first event at or after it; or volume or dollar bars ({@link ActivityBarAggregator}),
 *       each handed over right after the trade that completed it, stamped with that trade's time. The trades after
 *       the last volume or dollar bar, short of its threshold, make no bar.</li>
 * </ul>
 *
 * <p>Longer than most classes here: the time order of trades, diffs, snapshots and the bars they close is one state
 * machine over one cursor, and splitting it would scatter those rules across classes that share every field.
 *
 * <p>One symbol per recording; the instrument the events are given as is the caller's (it may rename the symbol).
 * Streams: memory holds the book, one bar and the few diffs waiting, not the recording. Not thread-safe, apart
 * from {@link #stop()}; close it after the run.
 */
public final class RecordingTicks implements TickSource, AutoCloseable {

    /** At most this many diffs wait for a snapshot (the shared recordings need a few dozen). */
    private static final int MAX_BUFFERED = 10_000;
    /**
     * How long, in exchange time, a diff waits for trades stamped before it: until a diff stamped this much later
     * comes (Binance sends a spot trade up to about 200 ms after its trade time in a burst, after diffs stamped
     * later; see {@code spot_btcusdt_20240808.gz} near line 22,400).
     */
    private static final long MAX_WAIT_MILLIS = 1_000;
    /** The largest difference of receive and trade time told apart, ms, either way (the clocks may differ). */
    private static final int MAX_LAG_MILLIS = 60_000;
    /** The instrument bars are made as while only scanning a recording ({@link #scan}). */
    private static final InstrumentId SCANNED = InstrumentId.of("RECORDING", "SCAN");

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

    /**
     * The bars of a recording and what they were made of.
     *
     * @param series    the time bars, oldest first (an interval with no trade has no bar); null for volume or
     *                  dollar bars, whose open times may repeat, which a series does not allow
     * @param symbol    the recording's symbol as the exchange names it
     * @param tradeKind {@link MarketMessageKind#TRADE} or {@link MarketMessageKind#AGG_TRADE}; null for a file of book
     *                  snapshots, which has no trades (its time bars are of the mid price)
     * @param trades    how many of those messages went into the bars
     * @param bookUpdates how many book states a replay hands over: 0 for a recording without a snapshot
     * @param medianFeedLatencyMillis the median over the trades of the recorder's receive time minus the trade time,
     *                  less the least of these: the median delay beyond the fastest trade's, in which the offset
     *                  between the recorder's and the exchange's clocks cancels out; ms, 0 to 60,000
     * @param activityBars the volume or dollar bars, oldest first, of the instrument {@code RECORDING@SCAN}; empty
     *                  for time bars
     * @param timeframe the time bars' length; for volume or dollar bars the nominal length, the mean time per bar
     *                  (first open to last close over the bar count, at least 1 ms)
     */
    public record Scan(BarSeries series, String symbol, MarketMessageKind tradeKind, long trades, long bookUpdates,
                       long medianFeedLatencyMillis, List<Bar> activityBars, Timeframe timeframe) {

        /**
         * How many bars the replay hands over.
         *
         * @return the count
         */
        public int barCount() {
            return series != null ? series.size() : activityBars.size();
        }

        /**
         * The bars as the given instrument's.
         *
         * @param id the instrument
         * @return the bars, oldest first; time bars are made as read
         */
        public List<Bar> bars(InstrumentId id) {
            if (series != null) {
                return series.asBars(id);
            }
            List<Bar> bars = new ArrayList<>(activityBars.size());
            for (Bar b : activityBars) {
                bars.add(new Bar(id, timeframe, b.openTimeMillis(), b.open(), b.high(), b.low(), b.close(),
                        b.volume(), b.closeTimeMillis()));
            }
            return bars;
        }
    }

    private final MarketEvents events;
    private final InstrumentId instrument;
    private final long barMillis;
    private final Timeframe timeframe;
    /** The time bars' maker; null for volume or dollar bars. */
    private final TimeBarAggregator aggregator;
    /** The volume or dollar bars' maker; null for time bars. */
    private final ActivityBarAggregator activity;
    private final OrderBook book = new OrderBook();
    private final LiveBookView view;
    private final WaitingDepth waiting = new WaitingDepth();
    private DepthSequencer sequencer;
    private DepthSnapshot earlySnapshot;
    /** Whether the data's snapshots are whole books on their own (a book snapshot CSV): bars of the mid price. */
    private boolean standalone;
    private final BarSpec spec;
    private MarketMessageKind tradeKind;
    private String symbol;
    private Bar readyBar;
    /** Whether the cursor holds a trade read but not yet handed over. */
    private boolean tradeHeld;
    private boolean dataEnded;
    private volatile boolean stopped;
    private long lastMillis = Long.MIN_VALUE;
    private long lastDepthStamp = Long.MIN_VALUE;
    private long lastTradeStamp = Long.MIN_VALUE;
    private long barCloseMillis = Long.MAX_VALUE;
    private long trades;
    private long depthUpdates;
    private long bookUpdates;
    private long reordered;
    private long bars;
    /** Trades by receive time minus trade time, ms, from -{@link #MAX_LAG_MILLIS} to +{@link #MAX_LAG_MILLIS}. */
    private final long[] lagCounts = new long[2 * MAX_LAG_MILLIS + 1];

    /**
     * Opens a recording for replay: from its compact copy in a cache folder, made on the first replay (the JSON is
     * parsed once), or from the JSON itself.
     *
     * @param file       the recording, plain or gzip ({@code <local receive time ns> <raw JSON>} per line)
     * @param cache      the folder of compact copies, e.g. {@code ~/.quantplug/cache/ticks}; null to read the JSON
     * @param instrument the instrument its events are given as
     * @param bar        the length of the bars made of the trades
     * @return the replay, to close after the run
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when the recording cannot be read or is malformed
     *                                                             (file and line)
     */
    public static RecordingTicks open(Path file, Path cache, InstrumentId instrument, Timeframe bar) {
        return open(file, cache, instrument, BarSpec.time(bar), bar);
    }

    /**
     * Opens a recording for replay with bars of any kind.
     *
     * @param file       the recording or trades CSV
     * @param cache      the folder of compact copies, or null to read the file itself
     * @param instrument the instrument its events are given as
     * @param bars       how bars are made of the trades
     * @param timeframe  the bars' timeframe: the time bars' length, or for volume and dollar bars their nominal
     *                   length ({@link Scan#timeframe()})
     * @return the replay, to close after the run
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when the file cannot be read or is malformed
     */
    public static RecordingTicks open(Path file, Path cache, InstrumentId instrument, BarSpec bars,
                                      Timeframe timeframe) {
        MarketEvents events = cache == null ? TickFileCache.json(file) : new TickFileCache(cache).open(file);
        return new RecordingTicks(events, instrument, bars, timeframe);
    }

    /**
     * Reads a recording's bars only, as a replay of it makes them (through the same cache).
     *
     * @param file  the recording
     * @param cache the folder of compact copies, or null to read the JSON
     * @param bar   the bar length
     * @return the bars and what they were made of
     * @throws UserInputException when the recording has no trades
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when it is malformed (file and line)
     */
    public static Scan scan(Path file, Path cache, Timeframe bar) {
        return scan(file, cache, BarSpec.time(bar));
    }

    /**
     * Reads a recording's bars of any kind only, as a replay of it makes them (through the same cache).
     *
     * @param file  the recording or trades CSV
     * @param cache the folder of compact copies, or null to read the file itself
     * @param spec  how bars are made of the trades
     * @return the bars and what they were made of
     * @throws UserInputException when the recording has no trades, or its trades do not fill one volume or dollar
     *                            bar
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when it is malformed (file and line)
     */
    public static Scan scan(Path file, Path cache, BarSpec spec) {
        BarColumns columns = new BarColumns();
        List<Bar> activityBars = new ArrayList<>();
        Timeframe scanned = spec.activity() ? new Timeframe(1) : spec.length();
        try (RecordingTicks ticks = open(file, cache, SCANNED, spec, scanned)) {
            for (Bar b = ticks.next(); b != null; b = ticks.next()) {
                if (spec.activity()) {
                    activityBars.add(b);
                } else {
                    columns.add(b.openTimeMillis(), b.open(), b.high(), b.low(), b.close(), b.volume());
                }
            }
            if (ticks.trades == 0 && !ticks.events.bookOnly()) {
                throw new UserInputException(file + ": the recording has no trade or aggTrade messages to make"
                        + " bars of");
            }
            if (ticks.events.bookOnly() && ticks.bars == 0) {
                throw new UserInputException(file + ": the file has no trades, and its book never had both bids and"
                        + " asks to make bars of the mid price of (" + ticks.bookUpdates + " book updates)");
            }
            if (!spec.activity()) {
                return new Scan(columns.toSeries(spec.length()), ticks.symbol, ticks.tradeKind, ticks.trades,
                        ticks.bookUpdates, ticks.medianFeedLatency(), List.of(), spec.length());
            }
            if (activityBars.isEmpty()) {
                throw new UserInputException("--bar " + spec.label() + ": the " + ticks.trades + " trades of "
                        + file.getFileName() + " do not fill one bar; give a smaller threshold");
            }
            long span = activityBars.get(activityBars.size() - 1).closeTimeMillis()
                    - activityBars.get(0).openTimeMillis();
            Timeframe nominal = new Timeframe(Math.max(1, span / activityBars.size()));
            return new Scan(null, ticks.symbol, ticks.tradeKind, ticks.trades, ticks.bookUpdates,
                    ticks.medianFeedLatency(), List.copyOf(activityBars), nominal);
        }
    }

    /**
     * A replay of events.
     *
     * @param events     the recording's events, closed with the replay
     * @param instrument the instrument its events are given as
     * @param bar        the length of the bars made of the trades
     */
    RecordingTicks(MarketEvents events, InstrumentId instrument, Timeframe bar) {
        this(events, instrument, BarSpec.time(bar), bar);
    }

    /**
     * A replay of events with bars of any kind.
     *
     * @param events     the recording's events, closed with the replay
     * @param instrument the instrument its events are given as
     * @param bars       how bars are made of the trades
     * @param timeframe  the time bars' length, or the volume or dollar bars' nominal length
     */
    RecordingTicks(MarketEvents events, InstrumentId instrument, BarSpec bars, Timeframe timeframe) {
        this.events = Objects.requireNonNull(events, "events");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.spec = bars;
        if (bars.activity()) {
            this.barMillis = 0;
            this.aggregator = null;
            this.activity = new ActivityBarAggregator(bars.measure(), bars.threshold(), this::activityBarDone);
        } else {
            this.barMillis = bars.length().millis();
            this.aggregator = new TimeBarAggregator(barMillis, this::barDone);
            this.activity = null;
        }
        this.view = new LiveBookView(instrument, book, Integer.MAX_VALUE);
    }

    @Override
    public long startMillis() {
        while (!tradeHeld && waiting.isEmpty()) {
            if (!read()) {
                return -1;
            }
        }
        return tradeHeld && (waiting.isEmpty() || tradeTime() < waiting.headStamp()) ? tradeTime()
                : waiting.headStamp();
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
            if (tradeHeld) {
                if (!waiting.isEmpty() && waiting.headStamp() <= tradeTime()) {
                    handOverDepth(sink); // stamped no later than the trade: it goes first
                } else if (beforeBarClose(tradeTime())) {
                    tradeHeld = false;
                    trade(sink);
                }
            } else if (events.bookOnly() && !waiting.isEmpty()) {
                handOverDepth(sink); // no trade to wait for
            } else if (!waiting.isEmpty() && lastDepthStamp != Long.MIN_VALUE
                    && waiting.headStamp() < lastDepthStamp - MAX_WAIT_MILLIS) {
                handOverDepth(sink); // diffs a second later came: a trade still to come goes after it
            } else if (dataEnded) {
                if (!waiting.isEmpty()) {
                    handOverDepth(sink);
                } else if (aggregator != null && aggregator.openTrades() > 0) {
                    aggregator.flush(); // the last time bar; trades short of a volume or dollar bar make none
                } else {
                    return null;
                }
            } else if (!read()) {
                dataEnded = true;
            }
        }
    }

    /**
     * Reads the next event: a trade is held for handing over, a diff or snapshot joins the waiting ones.
     *
     * @return false at the end of the data
     */
    private boolean read() {
        while (events.next()) {
            MarketMessageKind kind = events.kind();
            if (events.bookOnly() && activity != null) {
                throw new UserInputException("--bar " + spec.label() + ": " + events.where() + " is an order-book"
                        + " event; a file of the book only has no trades to fill volume or dollar bars (give a bar"
                        + " length, e.g. --bar 1s: bars of the mid price)");
            }
            if (kind == MarketMessageKind.TRADE || kind == MarketMessageKind.AGG_TRADE) {
                if (tradeKind == null) {
                    tradeKind = kind;
                }
                if (kind == tradeKind) {
                    sameSymbol(events.symbol());
                    tradeHeld = true;
                    return true;
                }
            } else if (kind == MarketMessageKind.DEPTH_UPDATE) {
                sameSymbol(events.symbol());
                depthUpdates++;
                long stamp = events.tradeTimeMillis() > 0 ? events.tradeTimeMillis() : events.eventTimeMillis();
                lastDepthStamp = Math.max(lastDepthStamp, stamp);
                waiting.addUpdate(events.depthUpdate(), stamp);
                return true;
            }
            if (kind == MarketMessageKind.DEPTH_SNAPSHOT && events.snapshotTimeMillis() > 0) {
                sameSymbol(events.symbol());
                standalone = true;
                waiting.addSnapshot(events.snapshot(), events.snapshotTimeMillis());
                return true;
            } else if (kind == MarketMessageKind.DEPTH_SNAPSHOT) {
                long stamp = lastDepthStamp != Long.MIN_VALUE ? lastDepthStamp : events.localTimeNanos() / 1_000_000;
                waiting.addSnapshot(events.snapshot(), stamp);
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an event at a time may be handed over now: false when the open bar closes at or before it, in which
     * case the bar is made ready first.
     */
    private boolean beforeBarClose(long stamped) {
        long t = Math.max(stamped, lastMillis);
        if (t >= barCloseMillis && aggregator.openTrades() > 0) {
            aggregator.flush();
            barCloseMillis = Long.MAX_VALUE;
            return false;
        }
        return true;
    }

    /** The replay time of an event stamped at a time, counting it when it came out of order. */
    private long replayTime(long stamped) {
        if (stamped < lastMillis) {
            reordered++;
            return lastMillis;
        }
        lastMillis = stamped;
        return stamped;
    }

    private long tradeTime() {
        return events.tradeTimeMillis();
    }

    private void trade(TickSink sink) {
        long stamped = tradeTime();
        if (stamped < lastTradeStamp) {
            throw new UserInputException(events.where() + ": trade at " + stamped + " ms is before the trade before"
                    + " it, at " + lastTradeStamp + " ms: trades must come in time order");
        }
        lastTradeStamp = stamped;
        long lag = events.localTimeNanos() / 1_000_000 - stamped;
        lagCounts[(int) (Math.max(-MAX_LAG_MILLIS, Math.min(MAX_LAG_MILLIS, lag)) + MAX_LAG_MILLIS)]++;
        long t = replayTime(stamped);
        double price = events.price();
        double quantity = events.quantity();
        try {
            if (aggregator != null) {
                aggregator.trade(t, price, quantity);
                barCloseMillis = Math.floorDiv(t, barMillis) * barMillis + barMillis;
            } else {
                activity.trade(t, price, quantity); // a bar it completes goes after the trade
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(events.where() + ": " + e.getMessage());
        }
        trades++;
        sink.onTrade(new TradeTick(instrument, t, price, quantity, events.buyerMaker() ? Side.SELL : Side.BUY,
                Long.toString(events.tradeId())));
    }

    /** Hands the first waiting diff or snapshot to the sequencer, and the book to the session when it changed. */
    private void handOverDepth(TickSink sink) {
        if (!beforeBarClose(waiting.headStamp())) {
            return;
        }
        long t = replayTime(waiting.headStamp());
        boolean changed;
        if (waiting.headIsSnapshot()) {
            DepthSnapshot s = waiting.headSnapshot();
            if (standalone) {
                book.load(s); // the whole book as of the row
                changed = true;
            } else if (sequencer == null) {
                earlySnapshot = s; // the diffs that follow tell the id rule
                changed = false;
            } else {
                changed = sequencer.onSnapshot(s) == DepthSequencer.State.IN_SYNC;
            }
        } else {
            if (sequencer == null) {
                SequenceRule rule = waiting.headUpdate().previousFinalUpdateId() >= 0 ? SequenceRule.FUTURES
                        : SequenceRule.SPOT;
                sequencer = new DepthSequencer(rule, book, MAX_BUFFERED);
                if (earlySnapshot != null) {
                    sequencer.onSnapshot(earlySnapshot);
                    earlySnapshot = null;
                }
            }
            DepthSequencer.Outcome outcome = sequencer.accept(waiting.headUpdate());
            changed = outcome == DepthSequencer.Outcome.APPLIED || outcome == DepthSequencer.Outcome.GAP;
        }
        waiting.removeHead();
        if (changed && events.bookOnly()) {
            midPrice(t);
        }
        if (changed) {
            view.at(t);
            bookUpdates++;
            sink.onOrderBook(view);
        }
    }

    /** Adds the book's mid price to the open time bar (a file of book snapshots has no trades to make bars of). */
    private void midPrice(long t) {
        if (book.bidLevels() > 0 && book.askLevels() > 0) {
            aggregator.price(t, (book.bestBidPrice() + book.bestAskPrice()) / 2);
            barCloseMillis = Math.floorDiv(t, barMillis) * barMillis + barMillis;
        }
    }

    /** The (lower) median of the trades' receive lag less the least lag, ms; 0 without trades. */
    private long medianFeedLatency() {
        long half = (trades + 1) / 2;
        long seen = 0;
        int least = -1;
        for (int i = 0; i < lagCounts.length; i++) {
            if (lagCounts[i] > 0 && least < 0) {
                least = i;
            }
            seen += lagCounts[i];
            if (seen >= half && seen > 0) {
                return i - least;
            }
        }
        return 0;
    }

    private void sameSymbol(String seen) {
        if (seen == null) {
            return;
        }
        if (symbol == null) {
            symbol = seen;
        } else if (!symbol.equals(seen)) {
            throw new UserInputException(events.where() + ": an event of " + seen + " in a recording of " + symbol
                    + "; give a recording of one symbol");
        }
    }

    private void barDone(long openTimeMillis, double open, double high, double low, double close, double volume) {
        readyBar = new Bar(instrument, timeframe, openTimeMillis, open, high, low, close, volume);
    }

    private void activityBarDone(long openTimeMillis, long closeTimeMillis, double open, double high, double low,
                                 double close, double volume) {
        readyBar = new Bar(instrument, timeframe, openTimeMillis, open, high, low, close, volume, closeTimeMillis);
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
        events.close();
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
}
