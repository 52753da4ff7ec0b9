package io.quantplug.sdk.indicator;

/**
 * Detects when one series crosses another.
 *
 * <p>Series {@code a} crosses <em>up</em> through {@code b} at step {@code t} when {@code a_t > b_t} and, at the
 * latest earlier step where the two differed, {@code a < b}. Steps where they are equal neither cross nor reset
 * the state, so "below, equal, equal, above" is one crossing at the last step. This is the rule of ta4j's
 * {@code CrossIndicator}, which backs its {@code CrossedUpIndicatorRule} and {@code CrossedDownIndicatorRule}.
 * The first step only records the state.
 */
public final class Crossing {

    /** The outcome of one step. */
    public enum Direction {
        /** {@code a} crossed above {@code b}. */
        UP,
        /** {@code a} crossed below {@code b}. */
        DOWN,
        /** No crossing at this step. */
        NONE
    }

    private int lastSign;

    /**
     * Feeds the next pair of values.
     *
     * @param a the first series' value at this step
     * @param b the second series' value at this step
     * @return whether {@code a} crossed {@code b} at this step
     */
    public Direction update(double a, double b) {
        if (a > b) {
            Direction d = lastSign < 0 ? Direction.UP : Direction.NONE;
            lastSign = 1;
            return d;
        }
        if (a < b) {
            Direction d = lastSign > 0 ? Direction.DOWN : Direction.NONE;
            lastSign = -1;
            return d;
        }
        return Direction.NONE;
    }
}
