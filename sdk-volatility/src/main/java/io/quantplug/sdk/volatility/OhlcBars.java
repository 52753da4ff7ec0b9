package io.quantplug.sdk.volatility;

import io.quantplug.api.market.Bar;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable series of OHLC bars, oldest first, checked once so the estimators can trust it: every price finite and
 * &gt; 0, and {@code low <= min(open, close)}, {@code max(open, close) <= high} on every bar.
 *
 * <p>Prices are in any one quote unit (only ratios of prices enter the estimators). The arrays given are copied, and
 * every accessor that returns an array returns a copy, so an instance is immutable and thread-safe.
 */
public final class OhlcBars {

    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;

    private OhlcBars(double[] open, double[] high, double[] low, double[] close) {
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
    }

    /**
     * A series from four parallel arrays, index 0 the oldest bar.
     *
     * @param open  open prices, not null
     * @param high  high prices, not null, same length
     * @param low   low prices, not null, same length
     * @param close close prices, not null, same length
     * @return the validated series (the arrays are copied)
     * @throws NullPointerException     when an array is null
     * @throws IllegalArgumentException when the arrays are empty or differ in length, a price is not finite and
     *                                  &gt; 0 (the message names the array and the index, e.g. {@code low[3]}), or
     *                                  a bar's low/high does not bound its open and close (names the index)
     */
    public static OhlcBars of(double[] open, double[] high, double[] low, double[] close) {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        int n = open.length;
        if (n == 0) {
            throw new IllegalArgumentException("open, high, low and close must not be empty");
        }
        if (high.length != n || low.length != n || close.length != n) {
            throw new IllegalArgumentException("open, high, low and close must have the same length, got "
                    + n + ", " + high.length + ", " + low.length + ", " + close.length);
        }
        for (int i = 0; i < n; i++) {
            requirePrice("open", i, open[i]);
            requirePrice("high", i, high[i]);
            requirePrice("low", i, low[i]);
            requirePrice("close", i, close[i]);
            if (low[i] > Math.min(open[i], close[i]) || high[i] < Math.max(open[i], close[i])) {
                throw new IllegalArgumentException("bar " + i + ": low <= open, close <= high does not hold (open "
                        + open[i] + ", high " + high[i] + ", low " + low[i] + ", close " + close[i] + ")");
            }
        }
        return new OhlcBars(open.clone(), high.clone(), low.clone(), close.clone());
    }

    /**
     * A series from platform bars, oldest first.
     *
     * @param bars the bars in strictly increasing {@link Bar#openTimeMillis()} order, not null, not empty, no null
     *             element (each {@link Bar} has validated its own prices)
     * @return the series
     * @throws NullPointerException     when the list or an element is null
     * @throws IllegalArgumentException when the list is empty or the open times do not increase (names the index)
     */
    public static OhlcBars of(List<Bar> bars) {
        Objects.requireNonNull(bars, "bars");
        int n = bars.size();
        if (n == 0) {
            throw new IllegalArgumentException("bars must not be empty");
        }
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        long previousOpenTime = Long.MIN_VALUE;
        int i = 0;
        for (Bar bar : bars) {
            if (bar == null) {
                throw new NullPointerException("bars[" + i + "]");
            }
            if (i > 0 && bar.openTimeMillis() <= previousOpenTime) {
                throw new IllegalArgumentException("bars[" + i + "] opens at " + bar.openTime()
                        + ", not after bars[" + (i - 1) + "]: bars must be oldest first without duplicates");
            }
            previousOpenTime = bar.openTimeMillis();
            o[i] = bar.open();
            h[i] = bar.high();
            l[i] = bar.low();
            c[i] = bar.close();
            i++;
        }
        return new OhlcBars(o, h, l, c);
    }

    /**
     * Throws unless the series holds at least {@code minimum} bars.
     *
     * @param minimum   the fewest bars accepted
     * @param estimator the estimator's name, for the message
     * @throws IllegalArgumentException when there are fewer bars
     */
    void requireAtLeast(int minimum, String estimator) {
        if (size() < minimum) {
            throw new IllegalArgumentException(estimator + " needs at least " + minimum + " bars, got " + size()
                    + " (parameter bars)");
        }
    }

    private static void requirePrice(String name, int index, double price) {
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException(name + "[" + index + "] must be finite and > 0, got " + price);
        }
    }

    /**
     * The number of bars.
     *
     * @return &ge; 1
     */
    public int size() {
        return close.length;
    }

    /**
     * The open price of a bar.
     *
     * @param i bar index, 0 the oldest
     * @return the open price
     * @throws ArrayIndexOutOfBoundsException when {@code i} is outside {@code [0, size())}
     */
    public double open(int i) {
        return open[i];
    }

    /**
     * The high price of a bar.
     *
     * @param i bar index, 0 the oldest
     * @return the high price
     * @throws ArrayIndexOutOfBoundsException when {@code i} is outside {@code [0, size())}
     */
    public double high(int i) {
        return high[i];
    }

    /**
     * The low price of a bar.
     *
     * @param i bar index, 0 the oldest
     * @return the low price
     * @throws ArrayIndexOutOfBoundsException when {@code i} is outside {@code [0, size())}
     */
    public double low(int i) {
        return low[i];
    }

    /**
     * The close price of a bar.
     *
     * @param i bar index, 0 the oldest
     * @return the close price
     * @throws ArrayIndexOutOfBoundsException when {@code i} is outside {@code [0, size())}
     */
    public double close(int i) {
        return close[i];
    }

    /**
     * A copy of the close prices.
     *
     * @return the closes, oldest first
     */
    public double[] closes() {
        return close.clone();
    }

    /**
     * The last {@code count} bars as a new series (copied), e.g. to estimate over a trailing window.
     *
     * @param count how many of the newest bars, {@code 1 <= count <= size()}
     * @return the trailing window
     * @throws IllegalArgumentException when {@code count} is out of range
     */
    public OhlcBars last(int count) {
        if (count < 1 || count > size()) {
            throw new IllegalArgumentException("count must be in [1, " + size() + "], got " + count);
        }
        int from = size() - count;
        return new OhlcBars(Arrays.copyOfRange(open, from, size()),
                Arrays.copyOfRange(high, from, size()),
                Arrays.copyOfRange(low, from, size()),
                Arrays.copyOfRange(close, from, size()));
    }
}
