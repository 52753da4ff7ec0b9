package io.quantplug.sdk.bar;

/**
 * Volume bars and dollar bars from trades: a bar closes when the traded base volume, or the traded quote notional
 * (price &times; quantity), summed over its trades reaches a threshold, so bars come faster when the market is
 * busy. The definition is López de Prado's (<i>Advances in Financial Machine Learning</i>, Wiley 2018, §2.3.1,
 * "Volume Bars" and "Dollar Bars").
 *
 * <ul>
 *   <li><b>The trade that reaches or crosses the threshold</b> is the bar's last trade, whole: trades are not
 *       split, so a bar holds at least the threshold and at most the threshold plus its last trade's size. What it
 *       holds beyond the threshold is not carried over; the next trade starts a new bar from zero.</li>
 *   <li><b>Times</b>: a bar opens at its first trade's time and closes at its last trade's time (equal when one
 *       trade fills it). It is handed to the sink as soon as that trade is added.</li>
 *   <li><b>Values</b>: open is the first trade's price, high and low the extremes, close the last trade's price,
 *       and volume the sum of the quantities in base units, for dollar bars too.</li>
 *   <li><b>The end</b>: trades after the last bar, short of the threshold, make no bar ({@link #openTrades()}
 *       says how many there are); a partial bar is not a volume or dollar bar.</li>
 * </ul>
 *
 * <p><b>Sums</b>: in {@code double} with Neumaier's compensated summation (A. Neumaier, "Rundungsfehleranalyse
 * einiger Verfahren zur Summation endlicher Summen", ZAMM 54, 1974), so the rounding error does not grow with the
 * number of trades; a sum within a relative {@value #RELATIVE_TOLERANCE} below the threshold counts as reaching it,
 * so that decimal quantities whose exact sum is the threshold (0.132 + ... = 50.000) close the bar although their
 * doubles sum a hair below it. Prices in quote currency per base unit, quantities in
 * base units, times in UTC epoch milliseconds. Not thread-safe: one thread feeds it.
 */
public final class ActivityBarAggregator {

    /** What a bar sums to reach its threshold. */
    public enum Measure {
        /** Traded quantity, base units: volume bars. */
        VOLUME,
        /** Traded notional, price &times; quantity in quote currency: dollar bars. */
        DOLLAR
    }

    /** Where finished bars go. */
    @FunctionalInterface
    public interface Sink {

        /**
         * A finished bar.
         *
         * @param openTimeMillis  its first trade's time, UTC epoch milliseconds
         * @param closeTimeMillis its last trade's time, UTC epoch milliseconds, &ge; the open time
         * @param open            first trade price
         * @param high            highest trade price
         * @param low             lowest trade price
         * @param close           last trade price
         * @param volume          sum of the trades' quantities, base units
         */
        void bar(long openTimeMillis, long closeTimeMillis, double open, double high, double low, double close,
                 double volume);
    }

    /** How far below the threshold, relative to it, a compensated double sum still counts as reaching it. */
    public static final double RELATIVE_TOLERANCE = 1e-12;

    private final Measure measure;
    private final double threshold;
    private final Sink sink;
    private long openTime;
    private long lastTime = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double volume;
    private double volumeError;
    private double sum;
    private double sumError;
    private long trades;

    /**
     * Creates the aggregator.
     *
     * @param measure   what a bar sums: base volume or quote notional
     * @param threshold the sum at which a bar closes, finite and &gt; 0 (base units for volume bars, quote
     *                  currency for dollar bars)
     * @param sink      where finished bars go
     * @throws IllegalArgumentException when the measure or sink is null or the threshold is not finite and
     *                                  positive
     */
    public ActivityBarAggregator(Measure measure, double threshold, Sink sink) {
        if (measure == null || sink == null) {
            throw new IllegalArgumentException("measure and sink must not be null");
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and > 0, got " + threshold);
        }
        this.measure = measure;
        this.threshold = threshold;
        this.sink = sink;
    }

    /**
     * Adds a trade, handing the bar to the sink when the trade completes it.
     *
     * @param timeMillis the trade's time, UTC epoch milliseconds, no earlier than the trade before
     * @param price      its price, &gt; 0
     * @param quantity   its quantity, &gt; 0
     * @return true when this trade closed a bar
     * @throws IllegalArgumentException when the price or quantity is not finite and positive, or the trade is
     *                                  earlier than the one before (the message gives both times)
     */
    public boolean trade(long timeMillis, double price, double quantity) {
        if (!(price > 0) || !(quantity > 0) || !Double.isFinite(price + quantity)) {
            throw new IllegalArgumentException("trade price and quantity must be finite and > 0, got " + price
                    + " x " + quantity);
        }
        if (timeMillis < lastTime) {
            throw new IllegalArgumentException("trade at " + timeMillis + " ms is before the trade before it, at "
                    + lastTime + " ms: trades must come in time order");
        }
        lastTime = timeMillis;
        if (trades == 0) {
            openTime = timeMillis;
            open = price;
            high = price;
            low = price;
            volume = 0;
            volumeError = 0;
            sum = 0;
            sumError = 0;
        } else {
            high = Math.max(high, price);
            low = Math.min(low, price);
        }
        double v = volume + quantity;
        volumeError += compensation(volume, quantity, v);
        volume = v;
        double add = measure == Measure.VOLUME ? quantity : price * quantity;
        double t = sum + add;
        sumError += compensation(sum, add, t);
        sum = t;
        trades++;
        if (sum + sumError < threshold * (1 - RELATIVE_TOLERANCE)) {
            return false;
        }
        trades = 0;
        sink.bar(openTime, timeMillis, open, high, low, price, volume + volumeError);
        return true;
    }

    /** What {@code t = a + b} lost to rounding (Neumaier's step). */
    private static double compensation(double a, double b, double t) {
        return Math.abs(a) >= Math.abs(b) ? (a - t) + b : (b - t) + a;
    }

    /**
     * How many trades the open bar holds, short of the threshold.
     *
     * @return 0 when no bar is open
     */
    public long openTrades() {
        return trades;
    }

    /**
     * What the bars sum.
     *
     * @return the measure
     */
    public Measure measure() {
        return measure;
    }

    /**
     * The sum at which a bar closes.
     *
     * @return base units for volume bars, quote currency for dollar bars
     */
    public double threshold() {
        return threshold;
    }
}
