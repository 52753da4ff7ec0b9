package io.quantplug.api.enhancement;

import io.quantplug.api.StateSnapshot;

import java.util.Map;

/**
 * An enhancement instance: a {@link SignalEnhancer} or a {@link PositionSizer}. Called on the engine thread only.
 */
public sealed interface Enhancement permits SignalEnhancer, PositionSizer {

    /**
     * The plugin of this enhancement is being swapped for another version under a running session: returns the state
     * the new version's instance should continue from. Called on the engine thread between two events; no callback
     * follows.
     *
     * @return the state to hand over, or null (the default) when the new instance should start fresh
     */
    default StateSnapshot snapshot() {
        return null;
    }

    /**
     * Continues from the state of the previous version's instance, on a new instance created for a hot swap, before
     * its first event.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned; never null
     * @return true when restored, false (the default) when the snapshot's format is not one this version reads
     */
    default boolean restore(StateSnapshot snapshot) {
        return false;
    }

    /**
     * What this instance currently sees, for people and tools (e.g. {@code quantplug analyze}, the console): a tree
     * of JDK values only (String, Number, Boolean, and List and Map of those), in display order. Called on the engine
     * thread between events, never per bar by the engine, so it may compute (e.g. fit a model).
     *
     * @return the diagnostics; empty (the default) when the enhancement has none
     */
    default Map<String, Object> diagnostics() {
        return Map.of();
    }
}
