package io.quantplug.sdk.book;

import java.util.Arrays;

/**
 * One side of an L2 book: price levels sorted in primitive-array blocks of at most {@value #BLOCK} levels, best
 * level last (bids ascending, asks descending), so the top of the book is the end of the last block.
 *
 * <p>A level update finds its block by binary search over the blocks' first prices and its slot by binary search
 * inside the block, then shifts at most one block's elements: O(log n + B) for insert, change or removal anywhere
 * in the book (a flat sorted array costs O(n) for a change deep in a book of thousands of levels, which Binance's
 * diffs send all the time). A full block splits in two; an emptied block is removed. Block arrays are recycled
 * through a free list, so a book that has reached its working size allocates nothing more. Reading the level at
 * depth d walks the blocks from the top: O(d / B). Not thread-safe.
 */
final class BookSide {

    static final int BLOCK = 64;

    private final boolean bids;
    private double[][] prices = new double[8][];
    private double[][] quantities = new double[8][];
    private int[] sizes = new int[8];
    private int blocks;
    private int size;
    private double[][] freePrices = new double[8][];
    private double[][] freeQuantities = new double[8][];
    private int free;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return size;
    }

    void clear() {
        while (blocks > 0) {
            blocks--;
            recycle(prices[blocks], quantities[blocks]);
            prices[blocks] = null;
            quantities[blocks] = null;
        }
        size = 0;
    }

    /** Price at depth {@code d} (0 = best); the caller checks {@code d < size}. */
    double price(int d) {
        for (int b = blocks - 1; ; b--) {
            if (d < sizes[b]) {
                return prices[b][sizes[b] - 1 - d];
            }
            d -= sizes[b];
        }
    }

    /** Quantity at depth {@code d} (0 = best); the caller checks {@code d < size}. */
    double quantity(int d) {
        for (int b = blocks - 1; ; b--) {
            if (d < sizes[b]) {
                return quantities[b][sizes[b] - 1 - d];
            }
            d -= sizes[b];
        }
    }

    /** Copies the best {@code n} levels, best first; the caller checks {@code n <= size}. */
    void copyTop(double[] outPrices, double[] outQuantities, int n) {
        int d = 0;
        for (int b = blocks - 1; d < n; b--) {
            double[] p = prices[b];
            double[] q = quantities[b];
            for (int i = sizes[b] - 1; i >= 0 && d < n; i--, d++) {
                outPrices[d] = p[i];
                outQuantities[d] = q[i];
            }
        }
    }

    /**
     * Sets the quantity of a level: 0 removes it (a removal of an absent level is ignored), otherwise it is added
     * or replaced.
     */
    void set(double price, double quantity) {
        if (blocks == 0) {
            if (quantity != 0.0) {
                insertBlock(0);
                prices[0][0] = price;
                quantities[0][0] = quantity;
                sizes[0] = 1;
                size = 1;
            }
            return;
        }
        int b = blockOf(price);
        double[] p = prices[b];
        int i = slot(p, sizes[b], price);
        if (i >= 0) {
            if (quantity != 0.0) {
                quantities[b][i] = quantity;
            } else {
                remove(b, i);
            }
        } else if (quantity != 0.0) {
            insert(b, -i - 1, price, quantity);
        }
    }

    private boolean before(double a, double b) {
        return bids ? a < b : a > b;
    }

    /** The last block whose first price is not after {@code price} (block 0 if none). */
    private int blockOf(double price) {
        int lo = 0;
        int hi = blocks - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (before(price, prices[mid][0])) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    private int slot(double[] p, int n, double price) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double v = p[mid];
            if (v == price) {
                return mid;
            } else if (before(v, price)) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }

    private void insert(int b, int at, double price, double quantity) {
        if (sizes[b] == BLOCK) {
            split(b);
            if (at > BLOCK / 2) {
                b++;
                at -= BLOCK / 2;
            }
        }
        int n = sizes[b];
        System.arraycopy(prices[b], at, prices[b], at + 1, n - at);
        System.arraycopy(quantities[b], at, quantities[b], at + 1, n - at);
        prices[b][at] = price;
        quantities[b][at] = quantity;
        sizes[b] = n + 1;
        size++;
    }

    private void remove(int b, int at) {
        int n = sizes[b] - 1;
        System.arraycopy(prices[b], at + 1, prices[b], at, n - at);
        System.arraycopy(quantities[b], at + 1, quantities[b], at, n - at);
        sizes[b] = n;
        size--;
        if (n == 0) {
            recycle(prices[b], quantities[b]);
            System.arraycopy(prices, b + 1, prices, b, blocks - b - 1);
            System.arraycopy(quantities, b + 1, quantities, b, blocks - b - 1);
            System.arraycopy(sizes, b + 1, sizes, b, blocks - b - 1);
            blocks--;
            prices[blocks] = null;
            quantities[blocks] = null;
        }
    }

    /** Moves the upper half of full block {@code b} into a new block {@code b + 1}. */
    private void split(int b) {
        insertBlock(b + 1);
        int half = BLOCK / 2;
        System.arraycopy(prices[b], half, prices[b + 1], 0, BLOCK - half);
        System.arraycopy(quantities[b], half, quantities[b + 1], 0, BLOCK - half);
        sizes[b] = half;
        sizes[b + 1] = BLOCK - half;
    }

    /** Opens an empty block at index {@code b}. */
    private void insertBlock(int b) {
        if (blocks == prices.length) {
            prices = Arrays.copyOf(prices, blocks * 2);
            quantities = Arrays.copyOf(quantities, blocks * 2);
            sizes = Arrays.copyOf(sizes, blocks * 2);
        }
        System.arraycopy(prices, b, prices, b + 1, blocks - b);
        System.arraycopy(quantities, b, quantities, b + 1, blocks - b);
        System.arraycopy(sizes, b, sizes, b + 1, blocks - b);
        if (free > 0) {
            free--;
            prices[b] = freePrices[free];
            quantities[b] = freeQuantities[free];
            freePrices[free] = null;
            freeQuantities[free] = null;
        } else {
            prices[b] = new double[BLOCK];
            quantities[b] = new double[BLOCK];
        }
        sizes[b] = 0;
        blocks++;
    }

    private void recycle(double[] p, double[] q) {
        if (free == freePrices.length) {
            freePrices = Arrays.copyOf(freePrices, free * 2);
            freeQuantities = Arrays.copyOf(freeQuantities, free * 2);
        }
        freePrices[free] = p;
        freeQuantities[free] = q;
        free++;
    }
}
