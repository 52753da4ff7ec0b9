package io.quantplug.testkit;

import io.quantplug.api.signal.Signal;

import java.util.Objects;

/**
 * A signal the strategy emitted during a {@link PluginBacktest}, and what the engine's pipeline did with it.
 *
 * @param timeMillis decision time, UTC epoch milliseconds (the session clock when the strategy emitted it)
 * @param signal     the signal as emitted
 * @param outcome    the pipeline's outcome, e.g. {@code ORDERED} or {@code IGNORED: already long}
 */
public record RecordedSignal(long timeMillis, Signal signal, String outcome) {

    /**
     * Checks that signal and outcome are present.
     *
     * @param timeMillis decision time, UTC epoch milliseconds (the session clock when the strategy emitted it)
     * @param signal the signal as emitted
     * @param outcome the pipeline's outcome, e.g. {@code ORDERED} or {@code IGNORED: already long}
     */
    public RecordedSignal {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(outcome, "outcome");
    }
}
