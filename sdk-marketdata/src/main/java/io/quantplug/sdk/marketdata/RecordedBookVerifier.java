package io.quantplug.sdk.marketdata;

import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;

import java.util.List;

/**
 * Rebuilds the local order book of a Binance recording with the SDK's {@link DepthSequencer} (Binance's documented
 * snapshot-and-diff procedure) and checks it against every recorded {@code bookTicker} whose update id the book
 * reaches exactly ({@link BookTickerMatcher}).
 *
 * <ul>
 *   <li>The id rule is told from the first depth event: futures events carry {@code pu}
 *       ({@link SequenceRule#FUTURES}), spot events do not ({@link SequenceRule#SPOT}).</li>
 *   <li>Depth events before the first snapshot are buffered, as a live client does while it fetches one; the
 *       snapshot line may come after the events that bridge it.</li>
 *   <li>A recording without a snapshot (a continuation file such as {@code spot_btcusdt_20240809.gz}) cannot be
 *       verified on its own: no book is built, nothing is checked and every depth event is counted as
 *       {@link Result#unsynced()}. Give it after the file that holds the snapshot, as one recording.</li>
 *   <li>A gap in the diff stream clears the book ({@link Result#resyncs()} counts them); it is checked again after
 *       the next snapshot in the recording, if any.</li>
 * </ul>
 *
 * <p>One symbol per recording: a second one is refused. Memory does not grow with the recording: the reader streams
 * and the sequencer buffers at most {@code maxBuffered} events. Not thread-safe.
 */
public final class RecordedBookVerifier {

    private final int maxBuffered;

    /**
     * A verifier.
     *
     * @param maxBuffered depth events buffered while awaiting a snapshot, at least 1 (10,000 covers the shared
     *                    recordings, whose snapshot comes after at most a few dozen events)
     * @throws IllegalArgumentException if {@code maxBuffered < 1}
     */
    public RecordedBookVerifier(int maxBuffered) {
        if (maxBuffered < 1) {
            throw new IllegalArgumentException("maxBuffered must be >= 1, got " + maxBuffered);
        }
        this.maxBuffered = maxBuffered;
    }

    /**
     * What a verification found.
     *
     * @param symbol          the recording's symbol, null if it had no depth event
     * @param rule            the id rule told from the depth events, null if there was none
     * @param events          events read (trades, depth events, bookTickers, snapshots)
     * @param depthUpdates    depth events read
     * @param bookTickers     bookTickers read
     * @param snapshots       depth snapshots read
     * @param checks          bookTickers compared with the book
     * @param mismatches      compared bookTickers that disagreed
     * @param resyncs         gaps in the diff stream, each needing a new snapshot
     * @param unsynced        depth events after which the book was not in sync: before a snapshot was bridged (all of
     *                        them in a recording without a snapshot), or after a gap until the next snapshot
     * @param firstMismatches the first few disagreements, described
     */
    public record Result(String symbol, SequenceRule rule, long events, long depthUpdates, long bookTickers,
                         long snapshots, long checks, long mismatches, long resyncs, long unsynced,
                         List<String> firstMismatches) {

        /**
         * Copies the mismatch list.
         *
         * @param symbol          the symbol
         * @param rule            the rule
         * @param events          events read
         * @param depthUpdates    depth events read
         * @param bookTickers     bookTickers read
         * @param snapshots       snapshots read
         * @param checks          bookTickers compared
         * @param mismatches      disagreements
         * @param resyncs         gaps
         * @param unsynced        depth events after which the book was not in sync
         * @param firstMismatches the first disagreements
         */
        public Result {
            firstMismatches = List.copyOf(firstMismatches);
        }
    }

    /**
     * Reads a recording to its end and verifies its book.
     *
     * @param reader the recording, positioned at its start; read to the end but not closed
     * @return the counts
     * @throws MarketDataFileException if a line is malformed, or a second symbol appears
     */
    public Result verify(BinanceRecordingReader reader) {
        String symbol = null;
        DepthSequencer sequencer = null;
        BookTickerMatcher matcher = null;
        DepthSnapshot pending = null;
        long events = 0;
        long depth = 0;
        long tickers = 0;
        long snapshots = 0;
        long unsynced = 0;
        while (reader.next()) {
            events++;
            MarketStreamDecoder m = reader.message();
            switch (reader.kind()) {
                case DEPTH_SNAPSHOT -> {
                    snapshots++;
                    if (sequencer == null) {
                        pending = reader.snapshot();
                    } else {
                        sequencer.onSnapshot(reader.snapshot());
                        matcher.afterBookChange();
                    }
                }
                case DEPTH_UPDATE -> {
                    depth++;
                    symbol = sameSymbol(reader, symbol, m.symbol());
                    DepthUpdate d = m.depthUpdate();
                    if (sequencer == null) {
                        SequenceRule rule = d.previousFinalUpdateId() >= 0 ? SequenceRule.FUTURES : SequenceRule.SPOT;
                        sequencer = new DepthSequencer(rule, new OrderBook(), maxBuffered);
                        matcher = new BookTickerMatcher(sequencer, maxBuffered);
                        if (pending != null) {
                            sequencer.onSnapshot(pending);
                            pending = null;
                        }
                    }
                    sequencer.accept(d);
                    if (sequencer.state() != DepthSequencer.State.IN_SYNC) {
                        unsynced++;
                    }
                    matcher.afterBookChange();
                }
                case BOOK_TICKER -> {
                    tickers++;
                    if (m.symbol() != null) {
                        symbol = sameSymbol(reader, symbol, m.symbol());
                    }
                    if (matcher != null) {
                        matcher.onTicker(m.updateId(), m.bestBidPrice(), m.bestBidQuantity(), m.bestAskPrice(),
                                m.bestAskQuantity());
                    }
                }
                default -> symbol = sameSymbol(reader, symbol, m.symbol());
            }
        }
        return new Result(symbol, sequencer == null ? null : sequencer.rule(), events, depth, tickers, snapshots,
                matcher == null ? 0 : matcher.compared(), matcher == null ? 0 : matcher.mismatches(),
                sequencer == null ? 0 : sequencer.gaps(), unsynced,
                matcher == null ? List.of() : matcher.firstMismatches());
    }

    private static String sameSymbol(BinanceRecordingReader reader, String symbol, String seen) {
        if (symbol == null || symbol.equals(seen)) {
            return seen;
        }
        throw new MarketDataFileException(reader.file(), reader.line(), "symbol " + seen
                + " in a recording of " + symbol + ": one symbol per recording");
    }
}
