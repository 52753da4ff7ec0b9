package io.quantplug.api.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A tradable instrument and the rules an order must satisfy on its venue.
 *
 * <p>Prices are in the quote asset per unit of the base asset; quantities are in base-asset units. The field
 * names follow Binance's exchange filters ({@code PRICE_FILTER.tickSize}, {@code LOT_SIZE.stepSize},
 * {@code NOTIONAL.minNotional}).
 *
 * @param id          the instrument id
 * @param baseAsset   asset bought and sold, e.g. {@code BTC}
 * @param quoteAsset  asset prices and balances are in, e.g. {@code USDT}
 * @param tickSize    smallest price increment, &gt; 0
 * @param lotSize     smallest quantity increment (Binance {@code stepSize}), &gt; 0
 * @param minQuantity smallest order quantity, &ge; 0
 * @param minNotional smallest order value (price &times; quantity, quote asset), &ge; 0
 * @param kind        contract kind
 */
public record Instrument(InstrumentId id, String baseAsset, String quoteAsset, BigDecimal tickSize,
                         BigDecimal lotSize, BigDecimal minQuantity, BigDecimal minNotional, InstrumentKind kind) {

    /**
     * Validates the rules.
     *
     * @param id the instrument id
     * @param baseAsset asset bought and sold, e.g. {@code BTC}
     * @param quoteAsset asset prices and balances are in, e.g. {@code USDT}
     * @param tickSize smallest price increment, &gt; 0
     * @param lotSize smallest quantity increment (Binance {@code stepSize}), &gt; 0
     * @param minQuantity smallest order quantity, &ge; 0
     * @param minNotional smallest order value (price &times; quantity, quote asset), &ge; 0
     * @param kind contract kind
     * @throws IllegalArgumentException when a size is not positive or a minimum is negative
     * 
     */
    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(kind, "kind");
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException(id + ": tick size must be > 0, got " + tickSize);
        }
        if (lotSize.signum() <= 0) {
            throw new IllegalArgumentException(id + ": lot size must be > 0, got " + lotSize);
        }
        if (minQuantity.signum() < 0 || minNotional.signum() < 0) {
            throw new IllegalArgumentException(id + ": minimum quantity and notional must be >= 0");
        }
        tickSize = tickSize.stripTrailingZeros();
        lotSize = lotSize.stripTrailingZeros();
    }

    /**
     * A spot instrument whose minimum quantity is one lot.
     *
     * @param id          the id
     * @param baseAsset   base asset
     * @param quoteAsset  quote asset
     * @param tickSize    price increment
     * @param lotSize     quantity increment
     * @param minNotional minimum order value in the quote asset
     * @return the instrument
     */
    public static Instrument spot(InstrumentId id, String baseAsset, String quoteAsset, BigDecimal tickSize,
                                  BigDecimal lotSize, BigDecimal minNotional) {
        return new Instrument(id, baseAsset, quoteAsset, tickSize, lotSize, lotSize, minNotional,
                InstrumentKind.SPOT);
    }

    /**
     * Rounds a price to a multiple of the tick size.
     *
     * @param price the price, quote per base
     * @param mode  how to round ({@link RoundingMode#DOWN} for a buy limit, {@link RoundingMode#UP} for a sell
     *              limit, {@link RoundingMode#HALF_UP} for the nearest tick)
     * @return a multiple of {@link #tickSize()}
     */
    public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
        return roundToStep(price, tickSize, mode);
    }

    /**
     * Converts a market-data price to an exact price on the tick grid, rounding to the nearest tick.
     *
     * @param price a finite price from a bar or trade
     * @return the nearest multiple of the tick size
     * @throws NumberFormatException when the price is not finite
     */
    public BigDecimal toTickPrice(double price) {
        int scale = tickSize.scale();
        if (tickSize.unscaledValue().equals(java.math.BigInteger.ONE) && scale >= 0 && scale < POWERS_OF_TEN.length) {
            // Market data usually sits on the tick grid already. If price * 10^scale rounds to an integer n whose
            // decimal n / 10^scale converts back to exactly this double, and the double's ulp is far below the
            // tick, then that decimal is the shortest representation of the double (what BigDecimal.valueOf
            // gives) and already a multiple of the tick: no string conversion needed.
            double scaled = price * POWERS_OF_TEN[scale];
            if (Math.abs(scaled) < 0x1p52) {
                long n = Math.round(scaled);
                if (n / POWERS_OF_TEN[scale] == price && Math.ulp(price) * 1e3 < 1.0 / POWERS_OF_TEN[scale]) {
                    return BigDecimal.valueOf(n, scale);
                }
            }
        }
        return roundPrice(BigDecimal.valueOf(price), RoundingMode.HALF_UP);
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};

    /**
     * Rounds a quantity down to a multiple of the lot size (never buys or sells more than asked).
     *
     * @param quantity the quantity in base units
     * @return the largest multiple of {@link #lotSize()} not above {@code quantity} in absolute value
     */
    public BigDecimal roundQuantityDown(BigDecimal quantity) {
        return roundToStep(quantity, lotSize, RoundingMode.DOWN);
    }

    private static BigDecimal roundToStep(BigDecimal value, BigDecimal step, RoundingMode mode) {
        if (step.unscaledValue().equals(java.math.BigInteger.ONE)) {
            // A power of ten (0.01, 1, ...): rounding to its scale is the same, without a division.
            BigDecimal rounded = value.setScale(step.scale(), mode);
            return step.scale() >= 0 ? rounded : rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        BigDecimal steps = value.divide(step, 0, mode);
        return steps.multiply(step).setScale(Math.max(step.scale(), 0), RoundingMode.UNNECESSARY);
    }
}
