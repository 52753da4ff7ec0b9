package io.quantplug.sdk.orderflow;

import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;

/**
 * A streaming footprint (bid/ask volume by price, per time bar) with delta, cumulative delta, diagonal imbalances
 * ({@link FootprintBar}) and an absorption verdict on each completed bar.
 *
 * <p>Bars are time buckets {@code [k * barMillis, (k + 1) * barMillis)} of the trades' times (UTC epoch
 * milliseconds); a bucket without trades makes no bar. {@link #update} returns true when a trade opens a new bar:
 * the bar before it is then {@link #lastCompleted()}. Bins as in {@link VolumeProfile}: {@code floor(p / binSize)}.
 *
 * <p>Absorption follows Wyckoff's law of effort versus result (R. D. Wyckoff, <i>The Richard D. Wyckoff Method of
 * Trading and Investing in Stocks</i>, 1931; D. Weis, <i>Trades About to Happen</i>, 2013): heavy volume
 * (effort) with little price progress (result) means passive orders took the aggression. Precisely, a completed bar
 * shows absorption when all of these hold:
 * <ol>
 *   <li>heavy: its volume is at least {@code absorptionVolumeMultiple} times the mean volume of the
 *       {@code absorptionLookback} completed bars before it (no verdict until that many bars completed);</li>
 *   <li>little progress: the bins of its close and its open are at most {@code absorptionMaxProgressBins} apart;</li>
 *   <li>the aggression lost: delta &lt; 0 and close &ge; open ({@link Absorption#BID_ABSORPTION}), or delta &gt; 0
 *       and close &le; open ({@link Absorption#ASK_ABSORPTION}).</li>
 * </ol>
 *
 * <p>{@link #update} allocates nothing: the current and the last completed bar are two reused {@link FootprintBar}s.
 * Not thread-safe: one thread owns an instance.
 */
public final class Footprint {

    private static final String NAME = "Footprint";

    private final double binSize;
    private final long barMillis;
    private final int lookback;
    private final double volumeMultiple;
    private final int maxProgressBins;
    private final double[] recentVolumes;
    private long completedBars;
    private FootprintBar current;
    private FootprintBar completed;
    private double cumulativeDelta;
    private long lastMillis = Long.MIN_VALUE;

    /**
     * Creates an empty footprint.
     *
     * @param binSize                   the price step of a bin, quote per base, finite and &gt; 0
     * @param barMillis                 the bar length, milliseconds, &gt; 0 (e.g. 60,000)
     * @param maxBins                   the widest price span of one bar, in bins, 1..1,000,000
     * @param absorptionLookback        how many completed bars the heavy-volume test averages, 1..1,000
     * @param absorptionVolumeMultiple  how many times that mean volume is heavy, finite and &gt; 0 (e.g. 2.0)
     * @param absorptionMaxProgressBins the most bins between open and close that still count as little progress,
     *                                  0..1,000
     * @throws IllegalArgumentException when a parameter is outside its range (the message names it)
     */
    public Footprint(double binSize, long barMillis, int maxBins, int absorptionLookback,
                     double absorptionVolumeMultiple, int absorptionMaxProgressBins) {
        this.binSize = Checks.positive(NAME, "binSize", binSize);
        this.barMillis = Checks.positive(NAME, "barMillis", barMillis);
        Checks.intInRange(NAME, "maxBins", maxBins, 1, 1_000_000);
        this.lookback = Checks.intInRange(NAME, "absorptionLookback", absorptionLookback, 1, 1_000);
        this.volumeMultiple = Checks.positive(NAME, "absorptionVolumeMultiple", absorptionVolumeMultiple);
        this.maxProgressBins = Checks.intInRange(NAME, "absorptionMaxProgressBins", absorptionMaxProgressBins,
                0, 1_000);
        this.recentVolumes = new double[absorptionLookback];
        this.current = new FootprintBar(binSize, maxBins);
        this.completed = new FootprintBar(binSize, maxBins);
    }

    /**
     * Adds a trade.
     *
     * @param trade the trade, not null; its time not before the last one seen
     * @return true when the trade opened a new bar (the previous one is now {@link #lastCompleted()})
     * @throws IllegalArgumentException when the time goes back
     * @throws IllegalStateException when one bar's prices would span more than {@code maxBins} bins
     */
    public boolean update(TradeTick trade) {
        return update(trade.timeMillis(), trade.price(), trade.quantity(), trade.aggressor());
    }

    /**
     * Adds a trade.
     *
     * @param timeMillis trade time, UTC epoch milliseconds, not before the last time seen
     * @param price      trade price, quote per base, finite and &gt; 0
     * @param quantity   traded quantity, base units, finite and &gt; 0
     * @param aggressor  the taker's side: {@link Side#BUY} counts at the ask, {@link Side#SELL} at the bid
     * @return true when the trade opened a new bar (the previous one is now {@link #lastCompleted()})
     * @throws IllegalArgumentException when the time goes back or the price or quantity is not positive
     * @throws IllegalStateException when one bar's prices would span more than {@code maxBins} bins
     */
    public boolean update(long timeMillis, double price, double quantity, Side aggressor) {
        Checks.trade(NAME, price, quantity);
        Checks.notEarlier(NAME, timeMillis, lastMillis);
        lastMillis = timeMillis;
        long start = Math.floorDiv(timeMillis, barMillis) * barMillis;
        boolean opened = false;
        if (current.tradeCount() == 0) {
            current.start(start);
        } else if (start != current.startMillis()) {
            complete();
            current.start(start);
            opened = true;
        }
        boolean buy = aggressor == Side.BUY;
        cumulativeDelta += buy ? quantity : -quantity;
        current.add(price, quantity, buy, cumulativeDelta);
        return opened;
    }

    private void complete() {
        FootprintBar bar = current;
        bar.absorption(judge(bar));
        recentVolumes[(int) (completedBars % lookback)] = bar.volume();
        completedBars++;
        current = completed;
        completed = bar;
    }

    private Absorption judge(FootprintBar bar) {
        if (completedBars < lookback) {
            return Absorption.NONE;
        }
        double sum = 0.0;
        for (double v : recentVolumes) {
            sum += v;
        }
        boolean heavy = bar.volume() >= volumeMultiple * (sum / lookback);
        long progress = Math.abs(PriceBins.binOf(bar.close(), binSize) - PriceBins.binOf(bar.open(), binSize));
        if (!heavy || progress > maxProgressBins) {
            return Absorption.NONE;
        }
        double delta = bar.delta();
        if (delta < 0 && bar.close() >= bar.open()) {
            return Absorption.BID_ABSORPTION;
        }
        if (delta > 0 && bar.close() <= bar.open()) {
            return Absorption.ASK_ABSORPTION;
        }
        return Absorption.NONE;
    }

    /**
     * The bar being formed.
     *
     * @return the bar, reused; {@link FootprintBar#tradeCount()} is 0 before the first trade
     */
    public FootprintBar current() {
        return current;
    }

    /**
     * The last completed bar, with its {@link FootprintBar#absorption()} verdict.
     *
     * @return the bar, reused; {@link FootprintBar#tradeCount()} is 0 until a bar has completed
     */
    public FootprintBar lastCompleted() {
        return completed;
    }

    /**
     * How many bars have completed.
     *
     * @return 0 or more
     */
    public long completedBars() {
        return completedBars;
    }

    /**
     * The cumulative delta over every trade so far: the sum of ask volume minus bid volume.
     *
     * @return base units
     */
    public double cumulativeDelta() {
        return cumulativeDelta;
    }

    /**
     * The price step of a bin.
     *
     * @return quote per base
     */
    public double binSize() {
        return binSize;
    }
}
