package io.quantplug.runtime.backtest;

import java.util.concurrent.CancellationException;

/**
 * Ends a run early at someone's request, between two bars: thrown by the run's bar list (e.g. a paced replay whose
 * instance a user stopped) or by its progress listener. {@link Backtester} then ends the run as if its data ended
 * at the last bar processed — what is open is closed at that bar's close, exactly as at the end of the data — and
 * reports it as stopped ({@link BacktestResult#stoppedBy()}), with its trades and metrics up to the stop. Any other
 * {@link CancellationException} still aborts the run without a result.
 */
public final class RunStoppedException extends CancellationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates one.
     *
     * @param why who or what stopped the run, e.g. {@code stopped by alice}; shown with the run
     */
    public RunStoppedException(String why) {
        super(why);
    }
}
