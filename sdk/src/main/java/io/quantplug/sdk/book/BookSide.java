package io.quantplug.sdk.book;

import java.util.Arrays;

/**
 * One side of an L2 book: price levels in primitive arrays, sorted so that the best level is the last element
 * (bids ascending, asks descending). Changes near the top of the book therefore move few elements.
 *
 * <p>Insert and remove are O(log n) to find the level plus O(k) to shift the k levels better than it; a quantity
 * change of an existing level is O(log n). The arrays grow by doubling and never shrink, so a book that has reached
 * its working size allocates nothing more. Not thread-safe.
 */
final class BookSide {

    private final boolean bids;
    private double[] prices;
    private double[] quantities;
    private int size;

    BookSide(boolean bids, int initialCapacity) {
        this.bids = bids;
        this.prices = new double[Math.max(16, initialCapacity)];
        this.quantities = new double[prices.length];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Price at depth {@code d} (0 = best); the caller checks {@code d < size}. */
    double price(int d) {
        return prices[size - 1 - d];
    }

    /** Quantity at depth {@code d} (0 = best); the caller checks {@code d < size}. */
    double quantity(int d) {
        return quantities[size - 1 - d];
    }

    /**
     * Sets the quantity of a level: 0 removes it (a removal of an absent level is ignored), otherwise it is added
     * or replaced.
     */
    void set(double price, double quantity) {
        int i = find(price);
        if (i >= 0) {
            if (quantity == 0.0) {
                System.arraycopy(prices, i + 1, prices, i, size - i - 1);
                System.arraycopy(quantities, i + 1, quantities, i, size - i - 1);
                size--;
            } else {
                quantities[i] = quantity;
            }
        } else if (quantity != 0.0) {
            int at = -i - 1;
            if (size == prices.length) {
                prices = Arrays.copyOf(prices, size * 2);
                quantities = Arrays.copyOf(quantities, size * 2);
            }
            System.arraycopy(prices, at, prices, at + 1, size - at);
            System.arraycopy(quantities, at, quantities, at + 1, size - at);
            prices[at] = price;
            quantities[at] = quantity;
            size++;
        }
    }

    /** Binary search in storage order; bids are stored ascending, asks descending. */
    private int find(double price) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double p = prices[mid];
            boolean before = bids ? p < price : p > price;
            if (before) {
                lo = mid + 1;
            } else if (p == price) {
                return mid;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }
}
