package io.quantplug.runtime.backtest;

/** Receives progress of a running backtest, on the engine thread; must return quickly. */
@FunctionalInterface
public interface BacktestProgress {

    /** Ignores progress. */
    BacktestProgress NONE = (done, total) -> { };

    /**
     * Reports progress, every few thousand bars and once at the end.
     *
     * @param barsDone  bars processed so far
     * @param barsTotal bars in the run
     */
    void onProgress(long barsDone, long barsTotal);
}
