package io.quantplug.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of a study on standard error: trials done of the total, the best objective so far and its
 * parameters, and the estimated time left ({@code elapsed / done * (total - done)}). Like {@link ProgressBar} it
 * shows only once the study has run {@link ProgressBar#DELAY_NANOS}, so short studies stay quiet. Called on one
 * thread. Uses the wall clock, which is fine at the command line's edge.
 */
final class StudyProgress {

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private boolean shown;
    private boolean ended;

    StudyProgress(PrintWriter err) {
        this(err, System::nanoTime);
    }

    StudyProgress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /**
     * Reports a finished trial.
     *
     * @param done      trials finished, &ge; 1
     * @param total     trials in the study
     * @param objective the objective's name
     * @param best      the best objective value so far ({@code NaN} when none is defined yet)
     * @param bestSet   the parameters of the best trial so far, as text
     */
    void onTrial(int done, int total, String objective, double best, String bestSet) {
        long elapsed = nanoTime.getAsLong() - startNanos;
        if (!shown && elapsed < ProgressBar.DELAY_NANOS && done < total) {
            return;
        }
        if (!shown && done == total) {
            return; // finished before the delay: nothing to show
        }
        shown = true;
        long etaSeconds = Math.round(elapsed / 1e9 / done * (total - done));
        err.printf(Locale.ROOT, "\r%,d/%,d trials, best %s %s (%s), ETA %d:%02d   ", done, total, objective,
                Double.isNaN(best) ? "-" : String.format(Locale.ROOT, "%.4f", best), bestSet, etaSeconds / 60,
                etaSeconds % 60);
        if (done >= total) {
            err.println();
            ended = true;
        }
        err.flush();
    }

    /** Ends a line left unfinished by a failure, so the error message starts on a line of its own. */
    void interrupted() {
        if (shown && !ended) {
            err.println();
            err.flush();
        }
    }
}
