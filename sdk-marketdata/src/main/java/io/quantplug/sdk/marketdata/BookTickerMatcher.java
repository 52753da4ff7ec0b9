package io.quantplug.sdk.marketdata;

import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.OrderBook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks a local book against a venue's best bid and offer ({@code bookTicker}) at the exact update id both refer to.
 * A Binance {@code bookTicker} carries the order-book update id {@code u} it reflects, in the same id space as the
 * diff-depth events' {@code u}; the ticker may arrive before or after the depth event with that id. So a ticker is
 * compared when the book's last applied update id equals its {@code u}: at once if the book is there, later if the
 * book has not reached it yet (it waits), never if the book has already passed it or never stops exactly on it
 * (a {@code @depth@100ms} event spans many ids). Compared: best bid price and quantity, best ask price and quantity,
 * exactly (both sides come from the same decimal text).
 *
 * <p>Memory: waiting tickers are forgotten once the book passes them; at most {@code maxWaiting} wait while the book
 * is out of sync (the oldest is dropped first). Not thread-safe: the thread that owns the sequencer calls it.
 */
public final class BookTickerMatcher {

    private static final int MISMATCHES_KEPT = 10;

    private final DepthSequencer sequencer;
    private final int maxWaiting;
    private final TreeMap<Long, double[]> waiting = new TreeMap<>();
    private final List<String> firstMismatches = new ArrayList<>();
    private long compared;
    private long mismatches;

    /**
     * A matcher for one book.
     *
     * @param sequencer  the sequencer keeping the book, not null
     * @param maxWaiting tickers kept while they wait for the book, at least 1
     * @throws IllegalArgumentException if {@code maxWaiting < 1}
     */
    public BookTickerMatcher(DepthSequencer sequencer, int maxWaiting) {
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be >= 1, got " + maxWaiting);
        }
        this.maxWaiting = maxWaiting;
    }

    /**
     * Takes a ticker: compares it now if the book is at its id, keeps it if the book has not reached it.
     *
     * @param updateId    the ticker's order-book update id {@code u}
     * @param bidPrice    best bid price
     * @param bidQuantity quantity at the best bid
     * @param askPrice    best ask price
     * @param askQuantity quantity at the best ask
     */
    public void onTicker(long updateId, double bidPrice, double bidQuantity, double askPrice, double askQuantity) {
        double[] ticker = {bidPrice, bidQuantity, askPrice, askQuantity};
        if (inSync() && updateId == sequencer.lastUpdateId()) {
            compare(updateId, ticker);
        } else if (!inSync() || updateId > sequencer.lastUpdateId()) {
            waiting.put(updateId, ticker);
            if (waiting.size() > maxWaiting) {
                waiting.pollFirstEntry();
            }
        }
    }

    /** After the book changed (a depth event or a snapshot): compares the ticker waiting at its id, forgets older ones. */
    public void afterBookChange() {
        if (!inSync()) {
            return;
        }
        long id = sequencer.lastUpdateId();
        double[] ticker = waiting.remove(id);
        if (ticker != null) {
            compare(id, ticker);
        }
        waiting.headMap(id).clear();
    }

    private boolean inSync() {
        return sequencer.state() == DepthSequencer.State.IN_SYNC;
    }

    private void compare(long updateId, double[] t) {
        compared++;
        OrderBook b = sequencer.book();
        if (b.bestBidPrice() != t[0] || b.bestBidQuantity() != t[1] || b.bestAskPrice() != t[2]
                || b.bestAskQuantity() != t[3]) {
            mismatches++;
            if (firstMismatches.size() < MISMATCHES_KEPT) {
                firstMismatches.add("u=" + updateId + ": bookTicker " + t[1] + " @ " + t[0] + " / " + t[3] + " @ "
                        + t[2] + ", book " + b.bestBidQuantity() + " @ " + b.bestBidPrice() + " / "
                        + b.bestAskQuantity() + " @ " + b.bestAskPrice());
            }
        }
    }

    /**
     * Tickers compared with the book.
     *
     * @return the count
     */
    public long compared() {
        return compared;
    }

    /**
     * Compared tickers that disagreed with the book.
     *
     * @return the count
     */
    public long mismatches() {
        return mismatches;
    }

    /**
     * The first few disagreements ({@code u=ID: bookTicker BIDQTY @ BID / ASKQTY @ ASK, book ...}).
     *
     * @return at most 10 descriptions, oldest first
     */
    public List<String> firstMismatches() {
        return List.copyOf(firstMismatches);
    }
}
