package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Where one grid's levels lie: the lattice {@code P_j = centre + j x spacing}, {@code -levels <= j <= levels}, with
 * buys below the centre and sells above it (the centre itself is left free, as the last traded level of an exchange
 * grid bot is).
 *
 * <p>{@link #plan} computes it, in exact decimals rounded to the instrument:
 * <pre>
 *   C        = last close rounded to the nearest tick                       ({@link Instrument#toTickPrice})
 *   S_floor  = C x minSpacingBps / 10^4
 *   S_vol    = spacingMultiple x sigma x C
 *   S        = max(S_floor, S_vol) rounded UP to the tick, at least one tick
 *   n        = min(levels, floor(C x maxRangePercent / 100 / S))
 * </pre>
 * {@code sigma} is the composite per-bar standard deviation of log returns ({@link CompositeVolatility}), so
 * {@code sigma x C} is the price move of one standard deviation to first order ({@code e^x - 1 ~ x} for the small
 * per-bar sigma of intraday bars). Rounding the spacing up keeps it at or above both floors and puts every level on
 * the tick grid; the depth {@code n} shrinks as volatility widens the spacing, since the outermost level may lie at
 * most {@code maxRangePercent} from the centre, and is 0 when not even one spacing fits (the strategy then stands
 * aside). {@code maxRangePercent <= 50} keeps every buy level above {@code C / 2 > 0}.
 *
 * @param centre  {@code C}, quote per base, on the tick grid, &gt; 0
 * @param spacing {@code S}, quote per base, a positive multiple of the tick size
 * @param levels  {@code n}, levels per side, &ge; 0
 */
record GridLayout(BigDecimal centre, BigDecimal spacing, int levels) {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Checks the layout.
     *
     * @param centre  the centre, &gt; 0
     * @param spacing the spacing, &gt; 0
     * @param levels  levels per side, &ge; 0
     * @throws IllegalArgumentException when a value is out of range
     */
    GridLayout {
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(spacing, "spacing");
        if (centre.signum() <= 0 || spacing.signum() <= 0 || levels < 0) {
            throw new IllegalArgumentException("grid needs centre > 0, spacing > 0 and levels >= 0, got centre "
                    + centre.toPlainString() + ", spacing " + spacing.toPlainString() + ", levels " + levels);
        }
    }

    /**
     * Lays out a grid by the formulas of the class comment.
     *
     * @param instrument the instrument, for its tick size
     * @param settings   spacing multiple, minimum spacing, levels and maximum range
     * @param centre     {@code C}, already on the tick grid, &gt; 0
     * @param sigma      the composite per-bar standard deviation of log returns, finite and &ge; 0
     * @return the layout; {@link #levels()} is 0 when not one spacing fits in the maximum range
     * @throws IllegalArgumentException when {@code sigma} is negative or not finite
     */
    static GridLayout plan(Instrument instrument, GridSettings settings, BigDecimal centre, double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        BigDecimal floor = centre.multiply(settings.minSpacingBps()).divide(TEN_THOUSAND);
        BigDecimal volatility = settings.spacingMultiple().multiply(BigDecimal.valueOf(sigma)).multiply(centre);
        BigDecimal spacing = instrument.roundPrice(floor.max(volatility), RoundingMode.UP)
                .max(instrument.tickSize());
        BigDecimal range = centre.multiply(settings.maxRangePercent()).divide(HUNDRED);
        int fit = range.divide(spacing, 0, RoundingMode.DOWN).min(BigDecimal.valueOf(settings.levels())).intValue();
        return new GridLayout(centre, spacing, fit);
    }

    /**
     * The price of a level.
     *
     * @param j the level, negative below the centre
     * @return {@code centre + j x spacing}, exact
     */
    BigDecimal price(int j) {
        return centre.add(spacing.multiply(BigDecimal.valueOf(j)));
    }

    /**
     * The lowest level, {@code P_-n}.
     *
     * @return quote per base
     */
    BigDecimal lowest() {
        return price(-levels);
    }

    /**
     * The highest level, {@code P_n}.
     *
     * @return quote per base
     */
    BigDecimal highest() {
        return price(levels);
    }

    /**
     * Whether a price lies within the grid, {@code P_-n <= price <= P_n}; outside it the grid is re-centred.
     *
     * @param price quote per base
     * @return true when inside or on the outermost levels
     */
    boolean spans(BigDecimal price) {
        return price.compareTo(lowest()) >= 0 && price.compareTo(highest()) <= 0;
    }

    /**
     * The level of a price on this grid's lattice.
     *
     * @param price quote per base
     * @return {@code j} with {@code price = P_j} and {@code |j| <= levels}, or {@link Integer#MIN_VALUE} when the
     *         price is not one of the grid's levels
     */
    int levelOf(BigDecimal price) {
        BigDecimal[] qr = price.subtract(centre).divideAndRemainder(spacing);
        if (qr[1].signum() != 0) {
            return Integer.MIN_VALUE;
        }
        int j = qr[0].intValue();
        return Math.abs(j) <= levels ? j : Integer.MIN_VALUE;
    }
}
