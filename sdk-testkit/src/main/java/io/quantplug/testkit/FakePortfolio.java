package io.quantplug.testkit;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link PortfolioView} whose cash, equity and positions the test sets, with exact decimals, for unit tests of a
 * risk rule, sizer, enhancer or strategy without the runtime's accounting.
 *
 * <p>Nothing is derived from fills or prices: the test states the account the plugin should see. Two figures follow
 * others until the test sets them: {@link #cash()} equals {@link #equity()} (a flat account) until
 * {@link #cash(String)} is called, and {@link #realizedPnl()} is the sum of the positions' realised P&amp;L until
 * {@link #realizedPnl(String)} is called. A fresh portfolio is an empty {@code USDT} account: equity, cash and fees
 * zero, no positions.
 *
 * <pre>{@code
 * FakePortfolio account = new FakePortfolio().equity("10000").withPosition(btc, "0.5", "20000");
 * }</pre>
 *
 * <p>Mutable on purpose and not thread-safe: build it in the test thread and hand it to the plugin there. Test use
 * only.
 */
public final class FakePortfolio implements PortfolioView {

    private final Map<InstrumentId, FakePosition> positions = new LinkedHashMap<>();
    private String currency = "USDT";
    private BigDecimal equity = BigDecimal.ZERO;
    private BigDecimal cash;
    private BigDecimal realizedPnl;
    private BigDecimal totalFees = BigDecimal.ZERO;

    /** An empty {@code USDT} account: everything zero, no positions. */
    public FakePortfolio() {
    }

    /**
     * Sets the account currency.
     *
     * @param code the currency code, e.g. {@code USDT}; not null
     * @return this portfolio
     */
    public FakePortfolio currency(String code) {
        currency = Objects.requireNonNull(code, "code");
        return this;
    }

    /**
     * Sets the equity; the cash follows it unless {@link #cash(String)} was called.
     *
     * @param value exact decimal text in the account currency, e.g. {@code "10000"}
     * @return this portfolio
     * @throws NumberFormatException when the text is not a decimal
     */
    public FakePortfolio equity(String value) {
        equity = new BigDecimal(value);
        return this;
    }

    /**
     * Sets the cash apart from the equity (e.g. cash spent on an open spot position); from now on a change of the
     * equity leaves it alone.
     *
     * @param value exact decimal text in the account currency
     * @return this portfolio
     * @throws NumberFormatException when the text is not a decimal
     */
    public FakePortfolio cash(String value) {
        cash = new BigDecimal(value);
        return this;
    }

    /**
     * Sets the account's realised P&amp;L, replacing the sum of the positions' figures.
     *
     * @param value exact decimal text in the account currency
     * @return this portfolio
     * @throws NumberFormatException when the text is not a decimal
     */
    public FakePortfolio realizedPnl(String value) {
        realizedPnl = new BigDecimal(value);
        return this;
    }

    /**
     * Sets the fees paid.
     *
     * @param value exact decimal text in the account currency, &ge; 0 in a real account
     * @return this portfolio
     * @throws NumberFormatException when the text is not a decimal
     */
    public FakePortfolio totalFees(String value) {
        totalFees = new BigDecimal(value);
        return this;
    }

    /**
     * Sets the position in an instrument to a signed quantity with a zero entry price and no P&amp;L (replacing any
     * earlier one); {@code "0"} makes it flat.
     *
     * @param instrument the instrument
     * @param quantity   signed base quantity as exact decimal text
     * @return this portfolio
     * @throws NumberFormatException when the text is not a decimal
     */
    public FakePortfolio withPosition(InstrumentId instrument, String quantity) {
        return withPosition(instrument, quantity, "0");
    }

    /**
     * Sets the position in an instrument to a signed quantity at an average entry price, with no P&amp;L.
     *
     * @param instrument        the instrument
     * @param quantity          signed base quantity as exact decimal text
     * @param averageEntryPrice quote per base as exact decimal text
     * @return this portfolio
     * @throws NumberFormatException when a text is not a decimal
     */
    public FakePortfolio withPosition(InstrumentId instrument, String quantity, String averageEntryPrice) {
        return withPosition(FakePosition.of(instrument, quantity, averageEntryPrice));
    }

    /**
     * Sets a position with every figure given, replacing the earlier one in its instrument.
     *
     * @param position the position
     * @return this portfolio
     */
    public FakePortfolio withPosition(FakePosition position) {
        positions.put(position.instrument(), position);
        return this;
    }

    /**
     * Sets the realised P&amp;L of an instrument, keeping its quantity and entry price (flat when none was set).
     *
     * @param instrument the instrument
     * @param value      exact decimal text in the account currency
     * @return this portfolio
     * @throws NumberFormatException when the text is not a decimal
     */
    public FakePortfolio withRealizedPnl(InstrumentId instrument, String value) {
        return withPosition(position(instrument).withRealizedPnl(new BigDecimal(value)));
    }

    /** {@inheritDoc} */
    @Override
    public String currency() {
        return currency;
    }

    /**
     * {@inheritDoc}
     *
     * @return the cash set, or the equity when none was
     */
    @Override
    public BigDecimal cash() {
        return cash != null ? cash : equity;
    }

    /** {@inheritDoc} */
    @Override
    public BigDecimal equity() {
        return equity;
    }

    /**
     * {@inheritDoc}
     *
     * @return the figure set, or the sum of the positions' realised P&amp;L when none was
     */
    @Override
    public BigDecimal realizedPnl() {
        if (realizedPnl != null) {
            return realizedPnl;
        }
        return positions.values().stream().map(FakePosition::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {@inheritDoc} */
    @Override
    public BigDecimal totalFees() {
        return totalFees;
    }

    /**
     * {@inheritDoc}
     *
     * @return the position set for the instrument, or a flat one with every figure zero
     */
    @Override
    public FakePosition position(InstrumentId instrument) {
        FakePosition p = positions.get(instrument);
        return p != null ? p : FakePosition.flat(instrument);
    }

    /**
     * {@inheritDoc}
     *
     * @return the positions set with a non-zero quantity, in the order they were first set; a copy
     */
    @Override
    public List<PositionView> openPositions() {
        List<PositionView> open = new ArrayList<>();
        for (FakePosition p : positions.values()) {
            if (p.quantity().signum() != 0) {
                open.add(p);
            }
        }
        return open;
    }
}
