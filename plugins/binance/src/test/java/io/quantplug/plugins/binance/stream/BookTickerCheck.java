package io.quantplug.plugins.binance.stream;

import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.marketdata.BookTickerMatcher;
import io.quantplug.sdk.marketdata.binance.BookTicker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds the handler's {@code bookTicker}s to a {@link BookTickerMatcher} over the handler's book, and keeps every
 * ticker id and every id the book was at, so the test can count the tickers that should have been compared.
 * Called on the stream thread; {@link #compared} and {@link #mismatches} are published for other threads.
 */
final class BookTickerCheck {

    private final DepthSequencer sequencer;
    private final BookTickerMatcher matcher;
    final List<Long> tickerIds = new ArrayList<>();
    final Set<Long> appliedIds = new HashSet<>();
    final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong compared = new AtomicLong();

    BookTickerCheck(DepthSequencer sequencer) {
        this.sequencer = sequencer;
        this.matcher = new BookTickerMatcher(sequencer, Integer.MAX_VALUE);
    }

    void onTicker(BookTicker t) {
        tickerIds.add(t.updateId());
        matcher.onTicker(t.updateId(), t.bidPrice(), t.bidQuantity(), t.askPrice(), t.askQuantity());
        publish();
    }

    /** After each depth message: note the book's id, compare a waiting ticker at it. */
    void afterMessage() {
        if (sequencer.state() == DepthSequencer.State.IN_SYNC) {
            appliedIds.add(sequencer.lastUpdateId());
        }
        matcher.afterBookChange();
        publish();
    }

    private void publish() {
        List<String> seen = matcher.firstMismatches();     // the first 10, in order
        if (seen.size() > mismatches.size()) {
            mismatches.addAll(seen.subList(mismatches.size(), seen.size()));
        }
        compared.set(matcher.compared());
    }
}
