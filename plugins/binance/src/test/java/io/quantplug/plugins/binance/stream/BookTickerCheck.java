package io.quantplug.plugins.binance.stream;

import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.OrderBook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compares recorded {@code bookTicker}s with a local book at the moment the book's last applied update id equals
 * the ticker's {@code u}: the ticker may arrive before or after the depth event with that id, so tickers ahead of
 * the book wait until the book reaches (or passes) their id. Called on the stream thread; counts readable anywhere.
 */
final class BookTickerCheck {

    private final DepthSequencer sequencer;
    private final TreeMap<Long, BookTicker> waiting = new TreeMap<>();
    final List<Long> tickerIds = new ArrayList<>();
    final Set<Long> appliedIds = new HashSet<>();
    final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong compared = new AtomicLong();

    BookTickerCheck(DepthSequencer sequencer) {
        this.sequencer = sequencer;
    }

    void onTicker(BookTicker t) {
        tickerIds.add(t.updateId());
        if (inSync() && t.updateId() == sequencer.lastUpdateId()) {
            compare(t);
        } else if (!inSync() || t.updateId() > sequencer.lastUpdateId()) {
            waiting.put(t.updateId(), t);
        }
    }

    /** After each message: compare a waiting ticker at the book's id, forget those the book has passed. */
    void afterMessage() {
        if (!inSync()) {
            return;
        }
        long id = sequencer.lastUpdateId();
        appliedIds.add(id);
        BookTicker t = waiting.remove(id);
        if (t != null) {
            compare(t);
        }
        waiting.headMap(id).clear();
    }

    private boolean inSync() {
        return sequencer.state() == DepthSequencer.State.IN_SYNC;
    }

    private void compare(BookTicker t) {
        compared.incrementAndGet();
        OrderBook b = sequencer.book();
        if (b.bestBidPrice() != t.bidPrice() || b.bestBidQuantity() != t.bidQuantity()
                || b.bestAskPrice() != t.askPrice() || b.bestAskQuantity() != t.askQuantity()) {
            mismatches.add("u=" + t.updateId() + " ticker " + t + " book " + b.bestBidPrice() + "/"
                    + b.bestBidQuantity() + " " + b.bestAskPrice() + "/" + b.bestAskQuantity());
        }
    }
}
