package io.quantplug.api.signal;

/** The exposure a signal asks for. */
public enum SignalDirection {
    /** Hold a long position. */
    LONG,
    /** Hold no position. */
    FLAT,
    /** Hold a short position (refused on spot instruments). */
    SHORT
}
