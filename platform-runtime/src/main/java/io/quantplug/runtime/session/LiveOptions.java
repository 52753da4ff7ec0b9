package io.quantplug.runtime.session;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a live session trades on its exchange (see {@code Backtester.openLive}).
 *
 * @param orderIdPrefix what every client order id of the session starts with: a short run tag, unique per session
 *                      on the account, at most 12 characters of {@code A-Z a-z 0-9 . : / _ -}
 * @param flattenOnStop whether the open position is closed with a market order when the session ends (by default
 *                      it stays on the exchange; working orders are canceled either way)
 * @param barrier       holds each order back until it is journaled ({@link SendBarrier#NONE} without a store)
 * @param waitTimeout   how long the I/O thread waits for the journal, and the session's end for its cancels and
 *                      its closing fill, each
 * @param notices       told, on any thread, of what a person should know: a fee not booked, an order the exchange
 *                      reported that the session does not know, a cancel or send that failed
 */
public record LiveOptions(String orderIdPrefix, boolean flattenOnStop, SendBarrier barrier, Duration waitTimeout,
                          Consumer<String> notices) {

    /**
     * Checks the options.
     *
     * @param orderIdPrefix the session's run tag, 1 to 12 characters
     * @param flattenOnStop whether the end closes the open position
     * @param barrier       the journal barrier
     * @param waitTimeout   the longest wait for the journal, cancels and the closing fill
     * @param notices       what a person should know
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the prefix is empty or longer than 12 characters, or the timeout is not
     *                                  positive
     */
    public LiveOptions {
        Objects.requireNonNull(orderIdPrefix, "orderIdPrefix");
        Objects.requireNonNull(barrier, "barrier");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        Objects.requireNonNull(notices, "notices");
        if (orderIdPrefix.isEmpty() || orderIdPrefix.length() > 12) {
            throw new IllegalArgumentException("orderIdPrefix must be 1 to 12 characters, got '" + orderIdPrefix
                    + "'");
        }
        if (waitTimeout.isNegative() || waitTimeout.isZero()) {
            throw new IllegalArgumentException("waitTimeout must be positive, got " + waitTimeout);
        }
    }
}
