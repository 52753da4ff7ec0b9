package io.quantplug.plugins.pairs;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The pair's two legs: sizes an entry dollar-neutral in the hedge ratio, sends the legs as market orders, keeps what
 * this instance's own fills hold of each instrument, and closes exactly that.
 *
 * <h2>Sizing</h2>
 * With {@code E} the account's equity at the decision ({@link io.quantplug.api.portfolio.PortfolioView#equity()}),
 * {@code G = allocation × E} the gross notional of the pair, and {@code β > 0} the hedge ratio: the notional of y is
 * {@code N_y = G / (1 + β)} and that of x is {@code N_x = β × N_y}, so {@code N_y + N_x = G}. The spread is in log
 * prices, {@code d(log y - β log x) = dy/y - β dx/x}, so long {@code N_y} of y and short {@code β N_y} of x earns
 * {@code N_y} times the change of the spread: with log prices the hedge ratio is a ratio of market values, not of
 * quantities (Chan, E.P. (2013), <i>Algorithmic Trading: Winning Strategies and Their Rationale</i>, Wiley,
 * ch. 3). Each
 * quantity is {@code N / close} at the decision bar's close, rounded down to the instrument's lot size; a leg that
 * rounds to zero is not ordered. In {@link PairsMode#LONG_ONLY} only the long leg is ordered, with the size it has
 * in the pair.
 *
 * <p>Mutable, engine thread only.
 */
final class PairLegs {

    private final StrategyContext context;
    private final Instrument y;
    private final Instrument x;
    private BigDecimal heldY = BigDecimal.ZERO;
    private BigDecimal heldX = BigDecimal.ZERO;

    PairLegs(StrategyContext context, Instrument y, Instrument x) {
        this.context = context;
        this.y = y;
        this.x = x;
    }

    /**
     * Orders the legs of a new position.
     *
     * @param position   LONG_SPREAD (buy y, sell x) or SHORT_SPREAD (sell y, buy x)
     * @param mode       whether the short leg is ordered too
     * @param allocation the pair's gross notional as a share of equity
     * @param hedgeRatio {@code β > 0}
     * @param closeY     y's close at the decision
     * @param closeX     x's close at the decision
     */
    void open(SpreadPosition position, PairsMode mode, BigDecimal allocation, double hedgeRatio, double closeY,
              double closeX) {
        BigDecimal gross = allocation.multiply(context.portfolio().equity(), MathContext.DECIMAL64);
        BigDecimal beta = BigDecimal.valueOf(hedgeRatio);
        BigDecimal notionalY = gross.divide(BigDecimal.ONE.add(beta), MathContext.DECIMAL64);
        BigDecimal notionalX = notionalY.multiply(beta, MathContext.DECIMAL64);
        Side sideY = position == SpreadPosition.LONG_SPREAD ? Side.BUY : Side.SELL;
        if (mode == PairsMode.LONG_SHORT || sideY == Side.BUY) {
            send(y, sideY, quantity(y, notionalY, closeY));
        }
        if (mode == PairsMode.LONG_SHORT || sideY == Side.SELL) {
            send(x, sideY == Side.BUY ? Side.SELL : Side.BUY, quantity(x, notionalX, closeX));
        }
    }

    /** Orders what closes every quantity this instance's fills hold. */
    void close() {
        send(y, heldY.signum() > 0 ? Side.SELL : Side.BUY, heldY.abs());
        send(x, heldX.signum() > 0 ? Side.SELL : Side.BUY, heldX.abs());
    }

    private static BigDecimal quantity(Instrument instrument, BigDecimal notional, double close) {
        return instrument.roundQuantityDown(notional.divide(BigDecimal.valueOf(close), MathContext.DECIMAL64));
    }

    private void send(Instrument instrument, Side side, BigDecimal quantity) {
        if (quantity.signum() > 0) {
            context.submit(new MarketOrder(context.nextClientOrderId(), instrument.id(), side,
                    OrderSize.base(quantity)));
        }
    }

    /**
     * Books a fill of this instance's order.
     *
     * @param fill the fill
     */
    void onFill(Fill fill) {
        BigDecimal signed = fill.side() == Side.BUY ? fill.quantity() : fill.quantity().negate();
        if (fill.instrument().equals(y.id())) {
            heldY = heldY.add(signed);
        } else if (fill.instrument().equals(x.id())) {
            heldX = heldX.add(signed);
        }
    }

    /** @return y's quantity held by this instance's fills, base units, negative when short */
    BigDecimal heldY() {
        return heldY;
    }

    /** @return x's quantity held by this instance's fills, base units, negative when short */
    BigDecimal heldX() {
        return heldX;
    }

    void writeTo(Map<String, String> out) {
        out.put("held.y", heldY.toPlainString());
        out.put("held.x", heldX.toPlainString());
    }

    /** @throws IllegalArgumentException when a value is missing or malformed; nothing is changed then */
    void readFrom(Map<String, String> in) {
        BigDecimal hy = SnapshotState.decimal(in, "held.y");
        BigDecimal hx = SnapshotState.decimal(in, "held.x");
        heldY = hy;
        heldX = hx;
    }
}
