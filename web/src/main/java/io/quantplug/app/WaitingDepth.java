package io.quantplug.app;

import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;


/**
 * The depth diffs and snapshots of a replay that wait for the trades stamped before them, in recorded order (the
 * sequencer needs that order). A FIFO of reusable copies: a diff is copied into a pooled {@link DepthUpdate}, so
 * once the queue has been as long as it gets, queuing allocates nothing. Not thread-safe.
 */
final class WaitingDepth {

    private DepthUpdate[] updates = new DepthUpdate[4];
    private DepthSnapshot[] snapshots = new DepthSnapshot[4];
    private long[] stamps = new long[4];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    long headStamp() {
        return stamps[head];
    }

    boolean headIsSnapshot() {
        return snapshots[head] != null;
    }

    DepthUpdate headUpdate() {
        return updates[head];
    }

    DepthSnapshot headSnapshot() {
        return snapshots[head];
    }

    void removeHead() {
        snapshots[head] = null;
        head = (head + 1) % stamps.length;
        size--;
    }

    /** Queues a copy of a diff (the reader reuses its holder). */
    void addUpdate(DepthUpdate update, long stamp) {
        int slot = slot(stamp);
        DepthUpdate copy = updates[slot];
        if (copy == null) {
            copy = new DepthUpdate();
            updates[slot] = copy;
        }
        copy.reset();
        copy.ids(update.firstUpdateId(), update.finalUpdateId(), update.previousFinalUpdateId());
        copy.eventTimeMillis(update.eventTimeMillis());
        for (int i = 0; i < update.bidCount(); i++) {
            copy.addBid(update.bidPrice(i), update.bidQuantity(i));
        }
        for (int i = 0; i < update.askCount(); i++) {
            copy.addAsk(update.askPrice(i), update.askQuantity(i));
        }
    }

    /** Queues a snapshot (immutable, kept as is). */
    void addSnapshot(DepthSnapshot snapshot, long stamp) {
        int slot = slot(stamp); // first: it may grow the arrays, and `snapshots[slot(...)]` would index the old one
        snapshots[slot] = snapshot;
    }

    private int slot(long stamp) {
        if (size == stamps.length) {
            grow();
        }
        int slot = (head + size) % stamps.length;
        stamps[slot] = stamp;
        size++;
        return slot;
    }

    private void grow() {
        int n = stamps.length;
        DepthUpdate[] u = new DepthUpdate[n * 2];
        DepthSnapshot[] s = new DepthSnapshot[n * 2];
        long[] t = new long[n * 2];
        for (int i = 0; i < n; i++) {
            int from = (head + i) % n;
            u[i] = updates[from];
            s[i] = snapshots[from];
            t[i] = stamps[from];
        }
        updates = u;
        snapshots = s;
        stamps = t;
        head = 0;
    }
}
