package io.quantplug.sdk.indicator;

/**
 * Detects when one series crosses another.
 *
 * <p>Series {@code a} crosses <em>up</em> through {@code b} at step {@code t} when {@code a_t > b_t} and, at the
 * latest earlier step where the two differed, {@code a < b}; <em>down</em> is the mirror image. The first step only
 * records the side.
 *
 * <p><b>Touches.</b> A step where {@code a == b} is a touch, and a touch is not a cross: it returns {@link
 * Direction#NONE} and leaves the last strict side as it was. So "below, equal, equal, above" is one crossing up, at
 * the step that is above; "below, equal, below" and "above, equal, above" are no crossing at all; and a series that
 * has only been equal so far has no side yet, so its first strict step crosses nothing. These are the decisions of
 * ta4j 0.17's {@code CrossedUpIndicatorRule} and {@code CrossedDownIndicatorRule} (through its {@code
 * CrossIndicator}), fed the same values from the same first step; {@code CrossingTest} checks every sequence of
 * five steps against them.
 *
 * <p><b>Exactness.</b> The comparison is a plain {@code double} comparison, so a decision is exact only when the
 * inputs are: two {@link Sma}s of decimal prices are (their values are correctly rounded means, equal when the means
 * are), while an average that accumulates rounding error can turn a touch into a spurious cross.
 *
 * <p>Not thread-safe: one thread feeds it.
 */
public final class Crossing {

    /** The outcome of one step. */
    public enum Direction {
        /** {@code a} crossed above {@code b}. */
        UP,
        /** {@code a} crossed below {@code b}. */
        DOWN,
        /** No crossing at this step: same side as before, a touch, or the first step. */
        NONE
    }

    private int lastSign;

    /**
     * Feeds the next pair of values.
     *
     * @param a the first series' value at this step; {@code NaN} is on neither side, like a touch
     * @param b the second series' value at this step; {@code NaN} is on neither side, like a touch
     * @return whether {@code a} crossed {@code b} at this step, never null
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
