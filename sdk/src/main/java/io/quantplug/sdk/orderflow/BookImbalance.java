package io.quantplug.sdk.orderflow;

import io.quantplug.api.market.OrderBookView;

/**
 * The top-N order book imbalance {@code (B - A) / (B + A)}, where {@code B} is the resting quantity summed over the
 * best {@code depth} bid levels and {@code A} over the best {@code depth} ask levels: +1 when only bids rest, -1 when
 * only asks do. With {@code depth = 1} it is the volume imbalance at the best quotes of Á. Cartea, S. Jaimungal and
 * J. Penalva, <i>Algorithmic and High-Frequency Trading</i> (2015), which predicts the sign of the next mid-price
 * move; deeper levels sum the same way.
 *
 * <p>A side with fewer levels than {@code depth} contributes the levels it has. Allocates nothing; not thread-safe
 * (it keeps the last sums).
 */
public final class BookImbalance {

    /** The deepest {@code depth} accepted. */
    public static final int MAX_DEPTH = 1_000;

    private final int depth;
    private double bidQuantity;
    private double askQuantity;

    /**
     * Creates the measure.
     *
     * @param depth how many levels per side to sum, 1..{@value #MAX_DEPTH}
     * @throws IllegalArgumentException when {@code depth} is outside 1..{@value #MAX_DEPTH}
     */
    public BookImbalance(int depth) {
        this.depth = Checks.intInRange("BookImbalance", "depth", depth, 1, MAX_DEPTH);
    }

    /**
     * Computes the imbalance of a book.
     *
     * @param book the book, read during the call only
     * @return the imbalance in [-1, 1], NaN when both sides are empty
     */
    public double compute(OrderBookView book) {
        double b = 0.0;
        for (int i = 0, n = Math.min(depth, book.bidLevels()); i < n; i++) {
            b += book.bidQuantity(i);
        }
        double a = 0.0;
        for (int i = 0, n = Math.min(depth, book.askLevels()); i < n; i++) {
            a += book.askQuantity(i);
        }
        bidQuantity = b;
        askQuantity = a;
        double total = b + a;
        return total > 0 ? (b - a) / total : Double.NaN;
    }

    /**
     * The bid quantity summed by the last {@link #compute}.
     *
     * @return base units
     */
    public double bidQuantity() {
        return bidQuantity;
    }

    /**
     * The ask quantity summed by the last {@link #compute}.
     *
     * @return base units
     */
    public double askQuantity() {
        return askQuantity;
    }

    /**
     * How many levels per side are summed.
     *
     * @return 1..{@value #MAX_DEPTH}
     */
    public int depth() {
        return depth;
    }
}
