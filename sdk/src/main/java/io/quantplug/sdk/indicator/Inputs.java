package io.quantplug.sdk.indicator;

final class Inputs {

    private Inputs() {
    }

    static void requireFinite(double input) {
        if (!Double.isFinite(input)) {
            throw new IllegalArgumentException("indicator input must be finite, got " + input);
        }
    }
}
