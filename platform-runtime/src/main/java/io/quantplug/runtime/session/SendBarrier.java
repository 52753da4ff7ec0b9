package io.quantplug.runtime.session;

import java.time.Duration;

/**
 * Holds a live order back until it is written durably: the journal-before-send rule. The engine thread takes a
 * {@linkplain #mark() mark} after the session's listener has recorded a batch of orders; the venue's I/O thread
 * {@linkplain #await waits} for that mark before it hands the orders to the exchange. An application backs it with
 * its store's journal ({@code Journal.appendedSequence()} and {@code Journal.awaitDurable}).
 */
public interface SendBarrier {

    /** No barrier: orders go out at once (a session without a store). */
    SendBarrier NONE = new SendBarrier() {
        @Override
        public long mark() {
            return 0;
        }

        @Override
        public boolean await(long mark, Duration timeout) {
            return true;
        }
    };

    /**
     * The position of what has been recorded so far. Engine thread.
     *
     * @return a mark to wait for, e.g. the journal's last appended sequence number
     */
    long mark();

    /**
     * Waits until everything up to a mark is durable. Called on the venue's I/O thread.
     *
     * @param mark    a mark from {@link #mark()}
     * @param timeout how long to wait at most
     * @return true when durable; false on time-out or when the store failed (the order is then not sent)
     * @throws InterruptedException when interrupted
     */
    boolean await(long mark, Duration timeout) throws InterruptedException;
}
