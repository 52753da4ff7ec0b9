package io.quantplug.runtime.backtest;

import io.quantplug.runtime.internal.venue.ExchangeVenue;
import io.quantplug.runtime.session.ExchangeBarSource;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What makes a {@link BacktestRun} a live session: the exchange venue, its I/O thread, the bar source that wakes the
 * engine thread for the venue's events, the client order id prefix and whether the position is closed at the end.
 *
 * @param venue         the exchange venue
 * @param io            its I/O thread, shut down when the run ends
 * @param source        the exchange's bars, whose pump the run sets once the session has started
 * @param orderIdPrefix the session's run tag
 * @param flattenOnStop whether the end closes the open position
 */
record LiveWiring(ExchangeVenue venue, ExecutorService io, ExchangeBarSource source, String orderIdPrefix,
                  boolean flattenOnStop) {

    /** Lets the I/O thread finish what it was given (at most 10 s), then stops it. */
    void close() {
        io.shutdown();
        try {
            if (!io.awaitTermination(10, TimeUnit.SECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.shutdownNow();
        }
    }
}
