package io.quantplug.sdk.orderflow;

import io.quantplug.api.market.OrderBookView;

/**
 * Flags sizes (a trade's quantity, or a resting book level's quantity) at least {@code multiple} times the rolling
 * median of the last {@code period} sizes recorded: "whales", orders far above the typical size. The median rather
 * than the mean, so the whales themselves barely move the yardstick (a robust location estimate; Huber, <i>Robust
 * Statistics</i>, 1981).
 *
 * <p>{@link #observe(double)} tests a trade's size against the window before recording it, so a size is never compared
 * with itself. For resting levels, record a sample of level sizes (e.g. the top levels on each book update, with
 * {@link #record(double)}) and test levels with {@link #firstWhaleBid} and {@link #firstWhaleAsk}. No verdict (false,
 * -1) until the window is full. Allocates nothing; not thread-safe.
 */
public final class WhaleDetector {

    private final RollingMedian median;
    private final double multiple;

    /**
     * Creates a detector.
     *
     * @param period   how many recorded sizes the median is over, 1..100,000
     * @param multiple how many times the median a whale is, finite and &gt; 0 (e.g. 10)
     * @throws IllegalArgumentException when a parameter is outside its range
     */
    public WhaleDetector(int period, double multiple) {
        this.median = new RollingMedian(period);
        this.multiple = Checks.positive("WhaleDetector", "multiple", multiple);
    }

    /**
     * Whether {@code size} is a whale against the sizes recorded so far; records nothing.
     *
     * @param size the size, base units
     * @return true when the window is full and {@code size >= multiple * median}
     */
    public boolean isWhale(double size) {
        return median.isReady() && size >= multiple * median.value();
    }

    /**
     * Records a size into the window.
     *
     * @param size the size, base units, finite
     * @throws IllegalArgumentException when the size is not finite
     */
    public void record(double size) {
        median.update(size);
    }

    /**
     * Tests a size, then records it (for trades).
     *
     * @param size the size, base units, finite
     * @return {@link #isWhale(double)} before recording
     * @throws IllegalArgumentException when the size is not finite
     */
    public boolean observe(double size) {
        boolean whale = isWhale(size);
        record(size);
        return whale;
    }

    /**
     * The best bid level (within the top {@code depth}) whose resting quantity is a whale; records nothing.
     *
     * @param book  the book, read during the call only
     * @param depth how many levels from the best to look at, &ge; 0
     * @return the level index (0 = best), or -1 when none
     */
    public int firstWhaleBid(OrderBookView book, int depth) {
        for (int i = 0, n = Math.min(depth, book.bidLevels()); i < n; i++) {
            if (isWhale(book.bidQuantity(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The best ask level (within the top {@code depth}) whose resting quantity is a whale; records nothing.
     *
     * @param book  the book, read during the call only
     * @param depth how many levels from the best to look at, &ge; 0
     * @return the level index (0 = best), or -1 when none
     */
    public int firstWhaleAsk(OrderBookView book, int depth) {
        for (int i = 0, n = Math.min(depth, book.askLevels()); i < n; i++) {
            if (isWhale(book.askQuantity(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The current median of the window.
     *
     * @return base units, NaN before the first size
     */
    public double median() {
        return median.value();
    }
}
