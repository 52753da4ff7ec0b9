package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.margin.MarginMode;
import io.quantplug.runtime.margin.PerpetualTerms;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The margin side of a perpetual's fills: whether the account can put up the initial margin of the position a fill
 * leaves, and how much notional it can still open.
 *
 * <p>The account keeps cash accounting (a buy takes its notional from the cash, a sell adds it), so its equity at a
 * price {@code p} is {@code cash + position × p}, which equals Binance's margin balance: wallet balance plus
 * unrealised P&amp;L. A fill that opens or adds to a position is refused unless
 * {@code equity − fee ≥ |position after| × p / leverage} (initial margin = notional / leverage; Binance, "Leverage
 * and Margin of USDⓈ-M Futures") and the notional after stays within the leverage's cap
 * ({@link io.quantplug.runtime.margin.LeverageBrackets#maxNotional}). A fill that only reduces a position is always
 * allowed. Engine thread only.
 */
public final class MarginRequirement {

    private final PerpetualTerms terms;
    private final Portfolio portfolio;
    private final FeeModel fees;
    private final BigDecimal leverage;

    /**
     * The requirement of an account trading on these terms.
     *
     * @param terms     leverage, mode, brackets and funding
     * @param portfolio the account
     * @param fees      the venue's fees
     */
    public MarginRequirement(PerpetualTerms terms, Portfolio portfolio, FeeModel fees) {
        this.terms = terms;
        this.portfolio = portfolio;
        this.fees = fees;
        this.leverage = BigDecimal.valueOf(terms.leverage());
    }

    /**
     * The terms.
     *
     * @return leverage, mode, brackets and funding
     */
    public PerpetualTerms terms() {
        return terms;
    }

    /**
     * The account's wallet balance in cross margin: cash plus the positions' cost basis (deposits, realised P&amp;L,
     * fees and funding).
     *
     * @param instrument the perpetual
     * @return USDT
     */
    public BigDecimal walletBalance(InstrumentId instrument) {
        return portfolio.cash().add(portfolio.costBasis(instrument));
    }

    /**
     * The wallet balance the liquidation price of the position is computed from: the account's in cross margin, the
     * position's initial margin ({@code |cost basis| / leverage}) plus the funding it has had in isolated margin.
     *
     * @param instrument        the perpetual
     * @param fundingSinceOpen  the funding booked since the position was opened, USDT
     * @return USDT
     */
    public BigDecimal walletBalance(InstrumentId instrument, BigDecimal fundingSinceOpen) {
        if (terms.mode() == MarginMode.CROSS) {
            return walletBalance(instrument);
        }
        return portfolio.costBasis(instrument).abs().divide(leverage, MathContext.DECIMAL128).add(fundingSinceOpen);
    }

    private BigDecimal equityAt(InstrumentId instrument, BigDecimal price) {
        return portfolio.cash().add(portfolio.position(instrument).quantity().multiply(price));
    }

    /**
     * Whether a fill may happen: null when it only reduces the position or the margin covers it.
     *
     * @return null, or {@code MAX_NOTIONAL_EXCEEDED} / {@code INSUFFICIENT_MARGIN} (source VENUE)
     */
    RejectReason problem(InstrumentId instrument, Side side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
        BigDecimal position = portfolio.position(instrument).quantity();
        BigDecimal after = side == Side.BUY ? position.add(qty) : position.subtract(qty);
        if (after.abs().compareTo(position.abs()) <= 0 && after.signum() * position.signum() >= 0) {
            return null;
        }
        BigDecimal notional = after.abs().multiply(price);
        BigDecimal cap = terms.brackets().maxNotional(terms.leverage());
        if (notional.compareTo(cap) > 0) {
            return new RejectReason(RejectSource.VENUE, "MAX_NOTIONAL_EXCEEDED", "a position of "
                    + notional.toPlainString() + " notional is above " + cap.toPlainString() + ", the most "
                    + terms.leverage() + "x leverage may hold on " + terms.brackets().symbol(), null);
        }
        BigDecimal initialMargin = terms.brackets().initialMargin(notional, terms.leverage());
        BigDecimal equity = equityAt(instrument, price).subtract(fee);
        if (equity.compareTo(initialMargin) < 0) {
            return new RejectReason(RejectSource.VENUE, "INSUFFICIENT_MARGIN", "a position of "
                    + after.toPlainString() + " at " + price.toPlainString() + " needs an initial margin of "
                    + initialMargin.setScale(8, RoundingMode.UP).toPlainString() + " at " + terms.leverage()
                    + "x, the margin balance after the fee is " + equity.toPlainString(), null);
        }
        return null;
    }

    /**
     * The most base quantity a fill on this side may trade at a price while the margin still covers the position it
     * leaves, the taker fee included: the position may reach {@code E × L / ((1 + L f) p)} on that side.
     *
     * @return base units, rounded down to the lot, &ge; 0
     */
    BigDecimal maxQuantity(Instrument instrument, Side side, BigDecimal price) {
        BigDecimal position = portfolio.position(instrument.id()).quantity();
        BigDecimal rate = fees.rate(Liquidity.TAKER);
        BigDecimal reach = equityAt(instrument.id(), price).multiply(leverage)
                .divide(BigDecimal.ONE.add(leverage.multiply(rate)).multiply(price), MathContext.DECIMAL128);
        BigDecimal signedPosition = side == Side.BUY ? position : position.negate();
        BigDecimal room = reach.subtract(signedPosition);
        return room.signum() <= 0 ? BigDecimal.ZERO : instrument.roundQuantityDown(room);
    }

    /**
     * The notional a new entry may have at a price: what the margin balance, less the taker fee of closing the
     * position held, covers at the leverage with the entry's taker fee, {@code (E − |q| p f) × L / (1 + L f)}.
     *
     * @param instrument the perpetual
     * @param price      the reference price
     * @return USDT, possibly &le; 0
     */
    public BigDecimal buyingPower(InstrumentId instrument, BigDecimal price) {
        BigDecimal rate = fees.rate(Liquidity.TAKER);
        BigDecimal closeFee = portfolio.position(instrument).quantity().abs().multiply(price).multiply(rate);
        return equityAt(instrument, price).subtract(closeFee).multiply(leverage)
                .divide(BigDecimal.ONE.add(leverage.multiply(rate)), MathContext.DECIMAL64);
    }
}
