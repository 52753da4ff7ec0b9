package io.quantplug.runtime.internal.portfolio;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-currency account: cash, one position per instrument, realised P&amp;L and fees, all exact decimals.
 *
 * <p>Accounting: a buy of {@code q} at {@code p} with fee {@code f} (charged in the account currency) takes
 * {@code q*p + f} from cash; a sell returns {@code q*p - f}. Realised P&amp;L is booked when a fill reduces a
 * position, as exit value minus the removed share of the cost basis; fees are kept apart. Equity is cash plus the
 * positions' value at the last marked prices. Owned by the engine thread; not thread-safe.
 */
public final class Portfolio implements PortfolioView {

    private final String currency;
    private final BigDecimal initialCash;
    private final Map<InstrumentId, Position> positions = new LinkedHashMap<>();
    private final List<Position> positionList = new ArrayList<>();
    private BigDecimal cash;
    private double cashAsDouble;
    private BigDecimal realizedPnl = BigDecimal.ZERO;
    private BigDecimal totalFees = BigDecimal.ZERO;
    private BigDecimal totalFunding = BigDecimal.ZERO;
    private int openCount;
    private long openings;
    private InstrumentId lastId;
    private Position lastPosition;
    /** The perpetuals traded on margin, with their leverage; empty for a cash-only (spot) account. */
    private final Map<InstrumentId, BigDecimal> margined = new LinkedHashMap<>();

    /**
     * Opens the account.
     *
     * @param currency    account currency, e.g. {@code USDT}
     * @param initialCash starting cash, &ge; 0
     * @throws IllegalArgumentException when the cash is negative
     */
    public Portfolio(String currency, BigDecimal initialCash) {
        this.currency = Objects.requireNonNull(currency, "currency");
        if (initialCash.signum() < 0) {
            throw new IllegalArgumentException("initial cash must be >= 0, got " + initialCash.toPlainString());
        }
        this.initialCash = initialCash;
        this.cash = initialCash;
        this.cashAsDouble = initialCash.doubleValue();
    }

    /**
     * Books a fill whose fee is in the account currency.
     *
     * @param fill the fill
     * @return the P&amp;L it realised, before fees
     * @throws IllegalArgumentException when the fee is charged in another asset
     */
    public BigDecimal apply(Fill fill) {
        if (!fill.feeAsset().equals(currency)) {
            throw new IllegalArgumentException("fee asset " + fill.feeAsset() + " is not the account currency "
                    + currency);
        }
        Position p = positionFor(fill.instrument());
        BigDecimal delta = fill.side().sign() > 0 ? fill.quantity() : fill.quantity().negate();
        boolean wasOpen = p.quantityAsDouble() != 0.0;
        BigDecimal notional = fill.notional();
        int signBefore = p.quantity().signum();
        BigDecimal realized = p.apply(delta, fill.price(), notional);
        openCount += (p.quantityAsDouble() != 0.0 ? 1 : 0) - (wasOpen ? 1 : 0);
        if (p.quantity().signum() != 0 && p.quantity().signum() != signBefore) {
            openings++;
        }
        cash = fill.side().sign() > 0 ? cash.subtract(notional) : cash.add(notional);
        if (fill.fee().signum() != 0) {
            cash = cash.subtract(fill.fee());
            totalFees = totalFees.add(fill.fee());
        }
        cashAsDouble = cash.doubleValue();
        if (realized.signum() != 0) {
            realizedPnl = realizedPnl.add(realized);
        }
        return realized;
    }

    /**
     * Declares an instrument a perpetual traded on margin at a leverage, so that {@link #spendableCash()} leaves its
     * position's cash flows and margin out.
     *
     * @param instrument the perpetual
     * @param leverage   its leverage, &ge; 1
     */
    public void tradeOnMargin(InstrumentId instrument, int leverage) {
        margined.put(instrument, BigDecimal.valueOf(leverage));
    }

    /**
     * The cash a spot buy may spend: {@link #cash()} without what the margined perpetuals put into or took out of it
     * (under cash accounting a short's proceeds raise the cash), less their initial margin ({@code |cost basis| /
     * leverage}) and their unrealised losses. Equal to the cash on an account without perpetuals.
     *
     * @return account currency, possibly negative
     */
    public BigDecimal spendableCash() {
        if (margined.isEmpty()) {
            return cash;
        }
        BigDecimal spendable = cash;
        for (Map.Entry<InstrumentId, BigDecimal> m : margined.entrySet()) {
            Position p = positions.get(m.getKey());
            if (p == null || p.quantity().signum() == 0) {
                continue;
            }
            spendable = spendable.add(p.costBasis())
                    .subtract(p.costBasis().abs().divide(m.getValue(), MathContext.DECIMAL64));
            BigDecimal unrealized = p.unrealizedPnl();
            if (unrealized.signum() < 0) {
                spendable = spendable.add(unrealized);
            }
        }
        return spendable;
    }

    /**
     * Books a perpetual's funding payment: the amount goes to (or, negative, comes out of) the cash.
     *
     * @param amount received (positive) or paid (negative), account currency
     */
    public void applyFunding(BigDecimal amount) {
        cash = cash.add(amount);
        cashAsDouble = cash.doubleValue();
        totalFunding = totalFunding.add(amount);
    }

    /**
     * The funding received minus paid so far.
     *
     * @return account currency, 0 without perpetuals
     */
    public BigDecimal totalFunding() {
        return totalFunding;
    }

    /**
     * How many times a position was opened from flat or flipped to the other side: a position's identity for what
     * accrues while it is open (its funding, in isolated margin).
     *
     * @return &ge; 0, increasing
     */
    public long openings() {
        return openings;
    }

    /**
     * Marks a position to a market price.
     *
     * @param instrument the instrument
     * @param price      the latest price, quote per base
     */
    public void mark(InstrumentId instrument, double price) {
        Position p = instrument == lastId ? lastPosition : positionFor(instrument);
        p.mark(price);
    }

    /**
     * Equity in {@code double} for the per-bar equity curve: cash plus quantity times last price, without the cost
     * of exact decimal arithmetic on every bar. Exact figures come from {@link #equity()}.
     *
     * @return equity estimate in the account currency
     */
    public double equityEstimate() {
        return openCount == 0 ? cashAsDouble : cashPlusPositions();
    }

    private double cashPlusPositions() {
        double e = cashAsDouble;
        for (int i = 0, n = positionList.size(); i < n; i++) {
            Position p = positionList.get(i);
            double q = p.quantityAsDouble();
            if (q != 0.0) {
                e += q * p.lastPrice();
            }
        }
        return e;
    }

    /**
     * Whether any position is open.
     *
     * @return true when some quantity is not zero
     */
    public boolean hasOpenPosition() {
        return openCount > 0;
    }

    /**
     * The last price a position was marked at.
     *
     * @param instrument the instrument
     * @return quote per base, or NaN before the first mark
     */
    public double lastPrice(InstrumentId instrument) {
        Position p = instrument == lastId ? lastPosition : positions.get(instrument);
        return p == null ? Double.NaN : p.lastPrice();
    }

    /**
     * The cash the account started with.
     *
     * @return initial cash in the account currency
     */
    public BigDecimal initialCash() {
        return initialCash;
    }

    private Position positionFor(InstrumentId instrument) {
        if (instrument == lastId) {
            return lastPosition;
        }
        Position p = positions.get(instrument);
        if (p == null) {
            p = open(instrument);
        }
        lastId = instrument;
        lastPosition = p;
        return p;
    }

    /** The first fill or mark of an instrument: a method of its own, kept off the per-bar path's compiled code. */
    private Position open(InstrumentId instrument) {
        Position p = new Position(instrument);
        positions.put(instrument, p);
        positionList.add(p);
        return p;
    }

    @Override
    public String currency() {
        return currency;
    }

    @Override
    public BigDecimal cash() {
        return cash;
    }

    @Override
    public BigDecimal equity() {
        BigDecimal e = cash;
        for (Position p : positionList) {
            e = e.add(p.marketValue());
        }
        return e;
    }

    @Override
    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    @Override
    public BigDecimal totalFees() {
        return totalFees;
    }

    /**
     * What an instrument's open quantity cost.
     *
     * @param instrument the instrument
     * @return the cost basis in the account currency, signed like the quantity; 0 when flat
     */
    public BigDecimal costBasis(InstrumentId instrument) {
        Position p = instrument == lastId ? lastPosition : positions.get(instrument);
        return p == null ? BigDecimal.ZERO : p.costBasis();
    }

    @Override
    public PositionView position(InstrumentId instrument) {
        Position p = instrument == lastId ? lastPosition : positions.get(instrument);
        return p != null ? p : new Position(instrument);
    }

    @Override
    public List<PositionView> openPositions() {
        List<PositionView> open = new ArrayList<>();
        for (Position p : positionList) {
            if (p.quantity().signum() != 0) {
                open.add(p);
            }
        }
        return open;
    }
}
