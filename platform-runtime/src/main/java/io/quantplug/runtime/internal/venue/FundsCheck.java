package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.runtime.internal.portfolio.Portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money side of a simulated fill: the quantity a quote-sized order buys or sells at the fill price, the quantity
 * the cash pays for, and whether the account can pay for (or, on spot, deliver) a fill. Reads the portfolio at the
 * moment of the fill. Engine thread only.
 */
final class FundsCheck {

    private final FeeModel fees;
    private final Portfolio portfolio;

    FundsCheck(FeeModel fees, Portfolio portfolio) {
        this.fees = fees;
        this.portfolio = portfolio;
    }

    /**
     * The base quantity to fill: as ordered, or for a quote amount {@code N} at price {@code p} with fee rate
     * {@code f}: a buy spends at most {@code N} including the fee, {@code floor_lot(N / (p * (1 + f)))}; a sell
     * sells what is worth {@code N} before its fee (which comes out of the proceeds), {@code floor_lot(N / p)}, as
     * Binance's {@code quoteOrderQty} does.
     */
    BigDecimal quantityAt(Order order, FillPrice fp, Instrument instrument) {
        if (order.size() instanceof OrderSize.Base b) {
            return b.quantity();
        }
        BigDecimal notional = ((OrderSize.Quote) order.size()).notional();
        return affordable(notional, fp, instrument, order.side() == Side.BUY);
    }

    /** {@code floor_lot(amount / (p * (1 + f)))} with the fee factor, or {@code floor_lot(amount / p)} without. */
    BigDecimal affordable(BigDecimal amount, FillPrice fp, Instrument instrument, boolean withFee) {
        BigDecimal rate = fees.rate(fp.liquidity());
        BigDecimal perUnit = withFee && rate.signum() != 0 ? fp.price().multiply(BigDecimal.ONE.add(rate))
                : fp.price();
        // One division straight to the lot's scale (floor), then down to a multiple of the lot.
        int lotScale = Math.max(instrument.lotSize().scale(), 0);
        return instrument.roundQuantityDown(amount.divide(perUnit, lotScale, RoundingMode.DOWN));
    }

    /**
     * Caps a quote-sized buy to what the cash pays for, fee included: at most {@code floor_lot(cash / (p (1+f)))},
     * then down by a lot while the fee's rounding to 1e-8 still tips the cost over the cash (at most a step or two).
     *
     * @return the affordable quantity, possibly zero
     */
    BigDecimal capToCash(BigDecimal qty, FillPrice fp, Instrument instrument) {
        BigDecimal cash = portfolio.spendableCash();
        // Jump to what the cash pays for, then settle the fee's rounding (a step or two at most).
        BigDecimal q = cash.signum() > 0 ? qty.min(affordable(cash, fp, instrument, true)) : BigDecimal.ZERO;
        while (q.signum() > 0 && cost(q, fp).compareTo(cash) > 0) {
            q = q.subtract(instrument.lotSize());
        }
        return q.max(BigDecimal.ZERO).setScale(Math.max(instrument.lotSize().scale(), 0), RoundingMode.DOWN);
    }

    private BigDecimal cost(BigDecimal qty, FillPrice fp) {
        BigDecimal notional = qty.multiply(fp.price());
        return notional.add(fees.fee(notional, fp.liquidity()));
    }

    RejectReason problem(Order order, BigDecimal qty, FillPrice fp, BigDecimal cost, Instrument instrument) {
        return problem(order, qty, fp.price(), cost, instrument, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * Whether the account can pay for a buy or deliver a spot sell, counting fills it has not booked yet (a venue
     * with response latency): {@code cashInFlight} is added to the cash and {@code positionInFlight} to the
     * position.
     *
     * @return null when it can, else {@code INSUFFICIENT_FUNDS} / {@code INSUFFICIENT_BALANCE} (source VENUE)
     */
    RejectReason problem(Order order, BigDecimal qty, BigDecimal price, BigDecimal cost, Instrument instrument,
                         BigDecimal cashInFlight, BigDecimal positionInFlight) {
        if (order.side() == Side.BUY) {
            BigDecimal cash = portfolio.spendableCash().add(cashInFlight);
            if (cost.compareTo(cash) > 0) {
                return new RejectReason(RejectSource.VENUE, "INSUFFICIENT_FUNDS", "buy of " + qty.toPlainString()
                        + " at " + price.toPlainString() + " costs " + cost.toPlainString()
                        + " with fee, cash is " + cash.toPlainString(), null);
            }
        } else if (!instrument.kind().allowsShort()) {
            BigDecimal held = portfolio.position(order.instrument()).quantity().add(positionInFlight);
            if (qty.compareTo(held) > 0) {
                return new RejectReason(RejectSource.VENUE, "INSUFFICIENT_BALANCE", "sell of " + qty.toPlainString()
                        + " " + instrument.baseAsset() + " but the spot balance is " + held.toPlainString(), null);
            }
        }
        return null;
    }

    /**
     * Cash set aside for a working buy: the amount of a quote-sized order, else the base quantity times the limit,
     * stop or reference price plus the taker fee; nothing for a sell.
     *
     * @param order          the order
     * @param baseQuantity   what remains of it in base units (ignored for a quote-sized order)
     * @param referencePrice the last price when it was accepted
     * @return the reserve in the account currency
     */
    BigDecimal reserved(Order order, BigDecimal baseQuantity, double referencePrice) {
        if (order.side() != Side.BUY) {
            return BigDecimal.ZERO;
        }
        if (order.size() instanceof OrderSize.Quote q) {
            return q.notional();
        }
        BigDecimal price = order instanceof LimitOrder l ? l.limitPrice()
                : order instanceof StopOrder s ? s.stopPrice()
                : BigDecimal.valueOf(referencePrice);
        return baseQuantity.multiply(price).multiply(BigDecimal.ONE.add(fees.rate(Liquidity.TAKER)));
    }
}
