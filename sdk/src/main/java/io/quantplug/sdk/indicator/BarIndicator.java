package io.quantplug.sdk.indicator;

import io.quantplug.api.market.Bar;

/**
 * A streaming indicator over a series of OHLCV bars (for indicators that need more than one price per bar, such as
 * the true range or a volume-weighted price). Not thread-safe: a strategy uses it from its engine-thread callbacks.
 *
 * <p>Prices are in quote currency per base unit and volumes in base units, as in {@link Bar}; bars are fed oldest
 * first.
 */
public interface BarIndicator {

    /**
     * Feeds the next bar's values and returns the new value.
     *
     * @param open   first trade price, finite, &gt; 0
     * @param high   highest trade price, &ge; open, low and close
     * @param low    lowest trade price, &gt; 0, &le; open and close
     * @param close  last trade price, finite, &gt; 0
     * @param volume traded quantity in base units, finite, &ge; 0
     * @return the indicator value after this bar, or {@code NaN} while warming up
     * @throws IllegalArgumentException when the values do not form a valid bar (the rule of {@link Bar#check})
     */
    double update(double open, double high, double low, double close, double volume);

    /**
     * Feeds the next bar and returns the new value.
     *
     * @param bar the next bar, not null
     * @return the indicator value after this bar, or {@code NaN} while warming up
     */
    default double update(Bar bar) {
        return update(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /**
     * The value after the latest bar.
     *
     * @return the value, or {@code NaN} while warming up
     */
    double value();

    /**
     * How many bars are needed before {@link #value()} is defined.
     *
     * @return the warm-up length in bars
     */
    int warmUpPeriod();

    /**
     * Whether at least {@link #warmUpPeriod()} bars were fed.
     *
     * @return true once the value is defined
     */
    boolean isReady();

    /**
     * How many bars were fed so far.
     *
     * @return the bar count
     */
    long count();
}
