package io.quantplug.sdk.indicator;

/**
 * A streaming indicator over a series of {@code double} inputs (usually bar closes). Not thread-safe.
 */
public interface Indicator {

    /**
     * Feeds the next input and returns the new value.
     *
     * @param input the next value of the series, finite
     * @return the indicator value after this input, or {@code NaN} while warming up
     * @throws IllegalArgumentException when the input is not finite
     */
    double update(double input);

    /**
     * The value after the latest input.
     *
     * @return the value, or {@code NaN} while warming up
     */
    double value();

    /**
     * How many inputs are needed before {@link #value()} is defined.
     *
     * @return the warm-up length in inputs
     */
    int warmUpPeriod();

    /**
     * Whether at least {@link #warmUpPeriod()} inputs were fed.
     *
     * @return true once the value is defined
     */
    boolean isReady();

    /**
     * How many inputs were fed so far.
     *
     * @return the input count
     */
    long count();
}
