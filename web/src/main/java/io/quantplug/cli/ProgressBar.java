package io.quantplug.cli;

import io.quantplug.runtime.backtest.BacktestProgress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error, shown only once a run has taken more than {@link #DELAY_NANOS}: short runs stay
 * quiet. Uses the wall clock, which is fine here: this is the command line's edge, not the engine.
 */
final class ProgressBar implements BacktestProgress {

    static final long DELAY_NANOS = 2_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private boolean shown;
    private boolean ended;

    ProgressBar(PrintWriter err) {
        this(err, System::nanoTime);
    }

    ProgressBar(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    @Override
    public void onProgress(long barsDone, long barsTotal) {
        if (!shown && nanoTime.getAsLong() - startNanos < DELAY_NANOS) {
            return;
        }
        shown = true;
        int filled = barsTotal == 0 ? WIDTH : (int) (WIDTH * barsDone / barsTotal);
        err.printf(java.util.Locale.ROOT, "\r[%s%s] %3d%% %,d/%,d bars", "#".repeat(filled), " ".repeat(WIDTH - filled),
                barsTotal == 0 ? 100 : 100 * barsDone / barsTotal, barsDone, barsTotal);
        if (barsDone >= barsTotal) {
            err.println();
            ended = true;
        }
        err.flush();
    }

    /** Ends a bar left unfinished by a failure, so the error message starts on a line of its own. */
    void interrupted() {
        if (shown && !ended) {
            err.println();
            err.flush();
        }
    }
}
