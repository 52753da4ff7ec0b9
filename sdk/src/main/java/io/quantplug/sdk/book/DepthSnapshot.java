package io.quantplug.sdk.book;

import java.util.Objects;

/**
 * A full depth snapshot of one instrument, as a venue's REST depth endpoint returns it (Binance:
 * {@code GET /api/v3/depth}, {@code /fapi/v1/depth}, {@code /dapi/v1/depth}): every level up to the requested
 * limit and the update id the snapshot is current to.
 *
 * <p>The arrays are owned by the snapshot once constructed (not copied, for speed with 5,000-level snapshots):
 * callers must not change them afterwards. Bids and asks may come in any order.
 *
 * @param lastUpdateId  the update id the snapshot reflects ({@code lastUpdateId})
 * @param bidPrices     bid prices
 * @param bidQuantities bid quantities, same length as {@code bidPrices}
 * @param askPrices     ask prices
 * @param askQuantities ask quantities, same length as {@code askPrices}
 */
public record DepthSnapshot(long lastUpdateId, double[] bidPrices, double[] bidQuantities, double[] askPrices,
                            double[] askQuantities) {

    /**
     * Checks that no array is null and that prices and quantities pair up.
     *
     * @param lastUpdateId  the update id the snapshot reflects
     * @param bidPrices     bid prices
     * @param bidQuantities bid quantities
     * @param askPrices     ask prices
     * @param askQuantities ask quantities
     * @throws IllegalArgumentException if a side's two arrays differ in length
     */
    public DepthSnapshot {
        Objects.requireNonNull(bidPrices, "bidPrices");
        Objects.requireNonNull(bidQuantities, "bidQuantities");
        Objects.requireNonNull(askPrices, "askPrices");
        Objects.requireNonNull(askQuantities, "askQuantities");
        if (bidPrices.length != bidQuantities.length || askPrices.length != askQuantities.length) {
            throw new IllegalArgumentException("snapshot " + lastUpdateId + ": bid prices/quantities "
                    + bidPrices.length + "/" + bidQuantities.length + " and ask prices/quantities "
                    + askPrices.length + "/" + askQuantities.length + " must pair up");
        }
    }

    /**
     * Bid levels.
     *
     * @return the count
     */
    public int bidCount() {
        return bidPrices.length;
    }

    /**
     * Ask levels.
     *
     * @return the count
     */
    public int askCount() {
        return askPrices.length;
    }
}
