package io.quantplug.api.enhancement;

import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;

import java.util.Optional;

/**
 * Scores, filters or annotates signals before they are sized. Enhancers run in the order they were configured.
 */
public non-sealed interface SignalEnhancer extends Enhancement {

    /**
     * Sees every completed bar of the session's instruments, before strategies do, so it can keep indicators of
     * its own.
     *
     * @param bar the completed bar
     */
    default void onBar(Bar bar) {
    }

    /**
     * Refines one signal.
     *
     * @param signal  the signal as it stands
     * @param context the portfolio and market state
     * @return the signal to pass on (possibly with new strength, confidence or scores), or empty to drop it
     */
    Optional<Signal> enhance(Signal signal, EnhancementContext context);
}
