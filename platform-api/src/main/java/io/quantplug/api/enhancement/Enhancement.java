package io.quantplug.api.enhancement;

/**
 * An enhancement instance: a {@link SignalEnhancer} or a {@link PositionSizer}. Called on the engine thread only.
 */
public sealed interface Enhancement permits SignalEnhancer, PositionSizer {
}
