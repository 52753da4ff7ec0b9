package io.quantplug.sdk.indicator;

import io.quantplug.api.market.Bar;

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

    /** Refuses OHLCV values that do not form a valid bar, with the reason {@link Bar#check} gives. */
    static void requireBar(double open, double high, double low, double close, double volume) {
        String problem = Bar.check(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException("indicator bar: " + problem);
        }
    }

    /** Refuses a look-back below {@code min}, naming the indicator and the parameter. */
    static int requireAtLeast(String indicator, String parameter, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(indicator + " " + parameter + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}
