package io.quantplug.sdk.indicator;

final class Inputs {

    private Inputs() {
    }

    static void requireFinite(double input) {
        if (!Double.isFinite(input)) {
            throw notFinite(input);
        }
    }

    /** The refusal of a non-finite input, built out of line so the indicators' hot paths stay small. */
    static IllegalArgumentException notFinite(double input) {
        return new IllegalArgumentException("indicator input must be finite, got " + input);
    }
}
