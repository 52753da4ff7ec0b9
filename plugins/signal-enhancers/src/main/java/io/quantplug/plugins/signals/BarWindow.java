package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent bars of one series in a ring buffer, with the look-back statistics the factors need: highest high,
 * lowest low and rate of change over the newest {@code n} bars.
 *
 * <p>Definitions follow ta4j's {@code HighestValueIndicator}, {@code LowestValueIndicator} (the newest {@code n}
 * values, the current one included) and {@code ROCIndicator} ({@code 100 (C_t - C_{t-n}) / C_{t-n}}), against which
 * they are tested. The scans cost O(n); they run per signal, not per bar. Not thread-safe: the engine thread.
 */
final class BarWindow {

    private final Bar[] bars;
    private long count;

    /**
     * Creates an empty window.
     *
     * @param capacity the most bars kept, &ge; 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    BarWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be >= 1, got " + capacity);
        }
        this.bars = new Bar[capacity];
    }

    /**
     * Appends the newest bar, evicting the oldest when full.
     *
     * @param bar the bar, not null
     */
    void add(Bar bar) {
        bars[(int) (count % bars.length)] = bar;
        count++;
    }

    /**
     * How many bars the window holds.
     *
     * @return at most the capacity
     */
    int size() {
        return (int) Math.min(count, bars.length);
    }

    /**
     * How many bars were added in total, evicted ones included.
     *
     * @return the count
     */
    long added() {
        return count;
    }

    /**
     * A bar by age.
     *
     * @param barsAgo 0 for the newest, up to {@code size() - 1}
     * @return the bar
     * @throws IndexOutOfBoundsException when {@code barsAgo} is outside {@code 0 .. size() - 1}
     */
    Bar get(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= size()) {
            throw new IndexOutOfBoundsException("barsAgo " + barsAgo + " outside 0.." + (size() - 1));
        }
        return bars[(int) ((count - 1 - barsAgo) % bars.length)];
    }

    /**
     * The highest high of the newest {@code n} bars, the newest included.
     *
     * @param n bars, 1 .. size()
     * @return the highest high
     */
    double highestHigh(int n) {
        double h = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            h = Math.max(h, get(i).high());
        }
        return h;
    }

    /**
     * The lowest low of the newest {@code n} bars, the newest included.
     *
     * @param n bars, 1 .. size()
     * @return the lowest low
     */
    double lowestLow(int n) {
        double l = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            l = Math.min(l, get(i).low());
        }
        return l;
    }

    /**
     * The rate of change of the close over {@code n} bars, in percent: {@code 100 (C_t - C_{t-n}) / C_{t-n}}.
     *
     * @param n bars back, 1 .. size() - 1
     * @return percent, positive when the close rose
     */
    double rateOfChangePercent(int n) {
        double then = get(n).close();
        return 100.0 * (get(0).close() - then) / then;
    }

    /**
     * The bars held, oldest first.
     *
     * @return a new list
     */
    List<Bar> oldestFirst() {
        List<Bar> out = new ArrayList<>(size());
        for (int i = size() - 1; i >= 0; i--) {
            out.add(get(i));
        }
        return out;
    }
}
