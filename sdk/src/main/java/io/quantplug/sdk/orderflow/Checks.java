package io.quantplug.sdk.orderflow;

/** Argument checks shared by the order-flow classes: each refusal names the class, the parameter and its range. */
final class Checks {

    private Checks() {
    }

    static int intInRange(String owner, String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(owner + " " + parameter + " must be in " + min + ".." + max
                    + ", got " + value);
        }
        return value;
    }

    static long positive(String owner, String parameter, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(owner + " " + parameter + " must be > 0, got " + value);
        }
        return value;
    }

    static double positive(String owner, String parameter, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(owner + " " + parameter + " must be finite and > 0, got " + value);
        }
        return value;
    }

    static double fraction(String owner, String parameter, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(owner + " " + parameter + " must be in (0, 1], got " + value);
        }
        return value;
    }

    /** Refuses a trade whose price or quantity is not finite and positive (out of line: hot paths stay small). */
    static void trade(String owner, double price, double quantity) {
        if (!(price > 0) || !(quantity > 0) || !Double.isFinite(price + quantity)) {
            throw new IllegalArgumentException(owner + " trade price and quantity must be finite and > 0, got "
                    + price + " x " + quantity);
        }
    }

    static void notEarlier(String owner, long timeMillis, long lastMillis) {
        if (timeMillis < lastMillis) {
            throw new IllegalArgumentException(owner + " times must not decrease: " + timeMillis + " after "
                    + lastMillis);
        }
    }
}
