package io.quantplug.api.enhancement;

/** The pipeline stage an enhancement plugs into. */
public enum EnhancementKind {
    /** Scores, filters or annotates signals: {@link SignalEnhancer}. */
    SIGNAL_ENHANCER,
    /** Turns a signal into an order quantity: {@link PositionSizer}. */
    POSITION_SIZER
}
