package io.quantplug.sdk.bar;

/**
 * Time bars from trades: each trade goes to the bar whose interval {@code [k * length, (k + 1) * length)} of UTC
 * epoch milliseconds holds its time (so one-minute bars open on the minute); a bar's open is its first trade's
 * price, its high and low the extremes, its close the last trade's price and its volume the sum of the quantities.
 * An interval without a trade makes no bar. A bar is handed to the sink when a trade of a later interval arrives,
 * or on {@link #flush()}.
 *
 * <p>Trades must come in time order across intervals (within one interval their order only decides open and
 * close, as the exchange's order does). Prices in quote currency per base unit, quantities in base units, times in
 * UTC epoch milliseconds. Not thread-safe: one thread feeds it.
 */
public final class TimeBarAggregator {

    /** Where finished bars go. */
    @FunctionalInterface
    public interface Sink {

        /**
         * A finished bar.
         *
         * @param openTimeMillis the bar's interval start, UTC epoch milliseconds
         * @param open           first trade price
         * @param high           highest trade price
         * @param low            lowest trade price
         * @param close          last trade price
         * @param volume         sum of the trades' quantities, base units
         */
        void bar(long openTimeMillis, double open, double high, double low, double close, double volume);
    }

    private final long lengthMillis;
    private final Sink sink;
    private long openTime = Long.MIN_VALUE;
    private long lastInterval = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private long trades;

    /**
     * Creates the aggregator.
     *
     * @param lengthMillis the bar length in milliseconds, &ge; 1 (e.g. 1,000 for one-second bars)
     * @param sink         where finished bars go
     * @throws IllegalArgumentException when {@code lengthMillis < 1}
     */
    public TimeBarAggregator(long lengthMillis, Sink sink) {
        if (lengthMillis < 1) {
            throw new IllegalArgumentException("bar length must be >= 1 ms, got " + lengthMillis);
        }
        if (sink == null) {
            throw new IllegalArgumentException("sink must not be null");
        }
        this.lengthMillis = lengthMillis;
        this.sink = sink;
    }

    /**
     * Adds a trade.
     *
     * @param timeMillis the trade's time, UTC epoch milliseconds
     * @param price      its price, &gt; 0
     * @param quantity   its quantity, &gt; 0
     * @throws IllegalArgumentException when the price or quantity is not finite and positive, or the trade belongs
     *                                  to an interval before the last trade's (the message gives both times)
     */
    public void trade(long timeMillis, double price, double quantity) {
        if (!(price > 0) || !(quantity > 0) || !Double.isFinite(price + quantity)) {
            throw new IllegalArgumentException("trade price and quantity must be finite and > 0, got " + price
                    + " x " + quantity);
        }
        add(timeMillis, price, quantity);
    }

    /**
     * Adds a price observed without traded volume, such as the mid price of an order-book snapshot, for bars of
     * quotes where no trade is known (their volume stays 0). It counts in {@link #openTrades()} like a trade.
     *
     * @param timeMillis the observation's time, UTC epoch milliseconds
     * @param price      the price, &gt; 0
     * @throws IllegalArgumentException when the price is not finite and positive, or the observation belongs to an
     *                                  interval before the last one's
     */
    public void price(long timeMillis, double price) {
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, got " + price);
        }
        add(timeMillis, price, 0);
    }

    private void add(long timeMillis, double price, double quantity) {
        long interval = Math.floorDiv(timeMillis, lengthMillis) * lengthMillis;
        if (interval < lastInterval) {
            throw new IllegalArgumentException("trade at " + timeMillis + " ms is before the bar at " + lastInterval
                    + " ms: trades must come in time order");
        }
        lastInterval = interval;
        if (interval != openTime) {
            flush();
            openTime = interval;
            open = price;
            high = price;
            low = price;
            volume = 0;
        } else {
            high = Math.max(high, price);
            low = Math.min(low, price);
        }
        close = price;
        volume += quantity;
        trades++;
    }

    /** Hands the open bar, if any, to the sink; the next trade starts a new bar. */
    public void flush() {
        if (trades > 0 && openTime != Long.MIN_VALUE) {
            sink.bar(openTime, open, high, low, close, volume);
            openTime = Long.MIN_VALUE;
            trades = 0;
        }
    }

    /**
     * How many trades the open bar holds.
     *
     * @return 0 when no bar is open
     */
    public long openTrades() {
        return trades;
    }
}
