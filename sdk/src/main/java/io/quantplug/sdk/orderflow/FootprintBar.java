package io.quantplug.sdk.orderflow;

/**
 * One bar of a {@link Footprint}: for each price bin, the volume sold at the bid and bought at the ask, with the
 * bar's delta and diagonal imbalances. A read-only view owned by its footprint, which reuses it for a later bar
 * (read it before the footprint's next update that starts a bar, or copy what you need).
 *
 * <p>Aggressor convention: a trade whose taker bought ({@code TradeTick.aggressor() == BUY}) lifted the offer and
 * counts as <b>ask</b> volume; a taker sell hit the bid and counts as <b>bid</b> volume. Delta is ask minus bid
 * volume. Prices are quote per base (a bin is addressed by any price inside it), volumes base units.
 *
 * <p>Diagonal imbalance, as footprint charts compare it (e.g. Sierra Chart's Numbers Bars, NinjaTrader's
 * Volumetric Bars): buying is imbalanced at price {@code p} when the ask volume at {@code p} is at least
 * {@code ratio} times the bid volume one bin lower ({@code p - binSize}); selling is imbalanced at {@code p} when the
 * bid volume at {@code p} is at least {@code ratio} times the ask volume one bin higher. A zero opposite cell against
 * a non-zero one is an infinite ratio.
 */
public final class FootprintBar {

    private final double binSize;
    private final PriceBins bins;
    private long startMillis;
    private long trades;
    private double open = Double.NaN;
    private double high = Double.NaN;
    private double low = Double.NaN;
    private double close = Double.NaN;
    private double bidVolume;
    private double askVolume;
    private double cumulativeDelta;
    private Absorption absorption = Absorption.NONE;

    FootprintBar(double binSize, int maxBins) {
        this.binSize = binSize;
        this.bins = new PriceBins("Footprint", maxBins);
    }

    void start(long barStartMillis) {
        bins.clear();
        startMillis = barStartMillis;
        trades = 0;
        open = Double.NaN;
        high = Double.NaN;
        low = Double.NaN;
        close = Double.NaN;
        bidVolume = 0.0;
        askVolume = 0.0;
        absorption = Absorption.NONE;
    }

    void add(double price, double quantity, boolean buyerAggressor, double cumulativeDeltaAfter) {
        bins.add(PriceBins.binOf(price, binSize), buyerAggressor ? 0.0 : quantity, buyerAggressor ? quantity : 0.0);
        if (trades == 0) {
            open = price;
            high = price;
            low = price;
        } else {
            high = Math.max(high, price);
            low = Math.min(low, price);
        }
        close = price;
        if (buyerAggressor) {
            askVolume += quantity;
        } else {
            bidVolume += quantity;
        }
        cumulativeDelta = cumulativeDeltaAfter;
        trades++;
    }

    void absorption(Absorption value) {
        absorption = value;
    }

    /**
     * The bar's start.
     *
     * @return UTC epoch milliseconds, a multiple of the footprint's bar length
     */
    public long startMillis() {
        return startMillis;
    }

    /**
     * How many trades the bar holds.
     *
     * @return 0 before the first trade
     */
    public long tradeCount() {
        return trades;
    }

    /**
     * The first trade's price.
     *
     * @return quote per base, NaN before the first trade
     */
    public double open() {
        return open;
    }

    /**
     * The highest trade price.
     *
     * @return quote per base, NaN before the first trade
     */
    public double high() {
        return high;
    }

    /**
     * The lowest trade price.
     *
     * @return quote per base, NaN before the first trade
     */
    public double low() {
        return low;
    }

    /**
     * The last trade's price.
     *
     * @return quote per base, NaN before the first trade
     */
    public double close() {
        return close;
    }

    /**
     * The volume sold at the bid in the bin holding {@code price}.
     *
     * @param price any price
     * @return base units, 0 when none
     */
    public double bidVolume(double price) {
        return bins.first(PriceBins.binOf(price, binSize));
    }

    /**
     * The volume bought at the ask in the bin holding {@code price}.
     *
     * @param price any price
     * @return base units, 0 when none
     */
    public double askVolume(double price) {
        return bins.second(PriceBins.binOf(price, binSize));
    }

    /**
     * The bar's volume sold at the bid, all bins.
     *
     * @return base units
     */
    public double bidVolume() {
        return bidVolume;
    }

    /**
     * The bar's volume bought at the ask, all bins.
     *
     * @return base units
     */
    public double askVolume() {
        return askVolume;
    }

    /**
     * The bar's total volume.
     *
     * @return base units
     */
    public double volume() {
        return bidVolume + askVolume;
    }

    /**
     * The bar's delta: ask volume minus bid volume.
     *
     * @return base units, positive when buyers were the more aggressive
     */
    public double delta() {
        return askVolume - bidVolume;
    }

    /**
     * The footprint's cumulative delta after this bar's last trade (the sum of the deltas of every bar so far).
     *
     * @return base units
     */
    public double cumulativeDelta() {
        return cumulativeDelta;
    }

    /**
     * The row price of the lowest bin that traded.
     *
     * @return quote per base (a bin's lower edge), NaN before the first trade
     */
    public double lowestRow() {
        return trades == 0 ? Double.NaN : bins.low() * binSize;
    }

    /**
     * The row price of the highest bin that traded.
     *
     * @return quote per base (a bin's lower edge), NaN before the first trade
     */
    public double highestRow() {
        return trades == 0 ? Double.NaN : bins.high() * binSize;
    }

    /**
     * The buying imbalance ratio at {@code price}: ask volume there over bid volume one bin lower.
     *
     * @param price any price
     * @return the ratio, +Infinity when only the ask cell traded, NaN when neither did
     */
    public double buyImbalanceRatio(double price) {
        long bin = PriceBins.binOf(price, binSize);
        return ratio(bins.second(bin), bins.first(bin - 1));
    }

    /**
     * The selling imbalance ratio at {@code price}: bid volume there over ask volume one bin higher.
     *
     * @param price any price
     * @return the ratio, +Infinity when only the bid cell traded, NaN when neither did
     */
    public double sellImbalanceRatio(double price) {
        long bin = PriceBins.binOf(price, binSize);
        return ratio(bins.first(bin), bins.second(bin + 1));
    }

    /**
     * How many bins show a buying imbalance of at least {@code ratio}, counting only bins whose diagonal cell (one bin
     * lower) lies within the bar's traded range, so the bar's lowest bin never counts against an empty outside cell.
     *
     * @param ratio the threshold, e.g. 3.0 for 3:1
     * @return the count, 0 for a bar without trades
     */
    public int buyImbalanceCount(double ratio) {
        int count = 0;
        if (trades > 0) {
            for (long bin = bins.low() + 1; bin <= bins.high(); bin++) {
                if (bins.second(bin) > 0 && ratio(bins.second(bin), bins.first(bin - 1)) >= ratio) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * How many bins show a selling imbalance of at least {@code ratio}, counting only bins whose diagonal cell (one
     * bin higher) lies within the bar's traded range.
     *
     * @param ratio the threshold, e.g. 3.0 for 3:1
     * @return the count, 0 for a bar without trades
     */
    public int sellImbalanceCount(double ratio) {
        int count = 0;
        if (trades > 0) {
            for (long bin = bins.low(); bin < bins.high(); bin++) {
                if (bins.first(bin) > 0 && ratio(bins.first(bin), bins.second(bin + 1)) >= ratio) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Whether this bar, once completed, showed absorption ({@link Footprint} defines the test).
     *
     * @return the verdict; {@link Absorption#NONE} for the bar still forming
     */
    public Absorption absorption() {
        return absorption;
    }

    private static double ratio(double numerator, double denominator) {
        if (denominator > 0) {
            return numerator / denominator;
        }
        return numerator > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
}
