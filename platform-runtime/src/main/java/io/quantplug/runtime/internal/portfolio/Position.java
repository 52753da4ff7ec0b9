package io.quantplug.runtime.internal.portfolio;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.portfolio.PositionView;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The position in one instrument, kept as a signed quantity and a signed cost basis (the exact sum of
 * {@code quantity * price} over the open quantity), so realised P&amp;L of a full close is exact. Owned by the
 * engine thread.
 */
final class Position implements PositionView {

    /** Precision of derived averages and of the cost removed by a partial close: 34 significant digits. */
    static final MathContext AVERAGE = MathContext.DECIMAL128;

    private final InstrumentId instrument;
    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal costBasis = BigDecimal.ZERO;
    private BigDecimal realizedPnl = BigDecimal.ZERO;
    private double quantityAsDouble;
    private double lastPrice = Double.NaN;

    Position(InstrumentId instrument) {
        this.instrument = instrument;
    }

    /**
     * Books a signed quantity change at a price and returns the P&amp;L it realises.
     *
     * @param delta    signed quantity, base units (positive buys)
     * @param price    fill price
     * @param notional {@code |delta| * price}, already computed by the caller
     * @return realised P&amp;L before fees, zero when the change only adds to the position
     */
    BigDecimal apply(BigDecimal delta, BigDecimal price, BigDecimal notional) {
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal remaining = delta;
        if (quantity.signum() == 0 || quantity.signum() == delta.signum()) {
            // Opening or adding: the cost basis grows by the signed notional.
            quantity = quantity.add(delta);
            costBasis = costBasis.add(delta.signum() > 0 ? notional : notional.negate());
            quantityAsDouble = quantity.doubleValue();
            return realized;
        }
        if (delta.negate().compareTo(quantity) == 0) {
            // Closing exactly the whole position (the common exit): P&L = exit value - cost basis, signed.
            realized = quantity.signum() > 0 ? notional.subtract(costBasis) : costBasis.negate().subtract(notional);
            quantity = BigDecimal.ZERO;
            costBasis = BigDecimal.ZERO;
            realizedPnl = realizedPnl.add(realized);
            quantityAsDouble = 0.0;
            return realized;
        }
        // Reducing (and possibly flipping): the closed part realises P&L against its share of the cost basis.
        BigDecimal closing = delta.abs().min(quantity.abs());
        BigDecimal removedCost = closing.compareTo(quantity.abs()) == 0
                ? costBasis
                : costBasis.multiply(closing).divide(quantity.abs(), AVERAGE);
        // Value of the closed quantity at the exit price, with the position's sign.
        BigDecimal exitValue = closing.compareTo(delta.abs()) == 0 ? notional : closing.multiply(price);
        realized = quantity.signum() > 0 ? exitValue.subtract(removedCost) : removedCost.negate().subtract(exitValue);
        costBasis = costBasis.subtract(removedCost);
        BigDecimal signedClosing = quantity.signum() > 0 ? closing.negate() : closing;
        quantity = quantity.add(signedClosing);
        remaining = delta.subtract(signedClosing);
        if (quantity.signum() == 0) {
            costBasis = BigDecimal.ZERO;
        }
        if (remaining.signum() != 0) {
            quantity = quantity.add(remaining);
            costBasis = costBasis.add(remaining.multiply(price));
        }
        if (realized.signum() != 0) {
            realizedPnl = realizedPnl.add(realized);
        }
        quantityAsDouble = quantity.doubleValue();
        return realized;
    }

    void mark(double price) {
        lastPrice = price;
    }

    double quantityAsDouble() {
        return quantityAsDouble;
    }

    double lastPrice() {
        return lastPrice;
    }

    /**
     * The exact market value of the position at the last price.
     *
     * @return signed value in the account currency; zero when flat or never marked
     */
    BigDecimal marketValue() {
        if (quantity.signum() == 0 || Double.isNaN(lastPrice)) {
            return BigDecimal.ZERO;
        }
        return quantity.multiply(BigDecimal.valueOf(lastPrice));
    }

    @Override
    public InstrumentId instrument() {
        return instrument;
    }

    @Override
    public BigDecimal quantity() {
        return quantity;
    }

    BigDecimal costBasis() {
        return costBasis;
    }

    @Override
    public BigDecimal averageEntryPrice() {
        return quantity.signum() == 0 ? BigDecimal.ZERO
                : costBasis.divide(quantity, AVERAGE).stripTrailingZeros();
    }

    @Override
    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    @Override
    public BigDecimal unrealizedPnl() {
        return quantity.signum() == 0 || Double.isNaN(lastPrice) ? BigDecimal.ZERO : marketValue().subtract(costBasis);
    }

    @Override
    public String toString() {
        return instrument + " " + quantity.toPlainString() + " @ " + averageEntryPrice().toPlainString();
    }
}
