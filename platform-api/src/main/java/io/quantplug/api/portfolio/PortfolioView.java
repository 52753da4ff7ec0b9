package io.quantplug.api.portfolio;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.List;

/**
 * A read-only view of the account. Values are exact decimals in {@link #currency()}; unrealised figures are
 * marked at the last price the engine has seen. Owned by the engine thread: read it only from a plugin callback.
 */
public interface PortfolioView {

    /**
     * The account currency, e.g. {@code USDT}.
     *
     * @return the currency code
     */
    String currency();

    /**
     * Cash available, after fees.
     *
     * @return cash in the account currency
     */
    BigDecimal cash();

    /**
     * Cash plus the marked value of every position.
     *
     * @return equity in the account currency
     */
    BigDecimal equity();

    /**
     * Profit and loss realised by closing positions, before fees.
     *
     * @return realised P&amp;L in the account currency
     */
    BigDecimal realizedPnl();

    /**
     * Fees paid since the session started.
     *
     * @return total fees in the account currency, &ge; 0
     */
    BigDecimal totalFees();

    /**
     * The position in one instrument.
     *
     * @param instrument the instrument
     * @return the position, never null; flat (quantity zero) when there is none
     */
    PositionView position(InstrumentId instrument);

    /**
     * Every position whose quantity is not zero.
     *
     * @return the open positions, a snapshot
     */
    List<PositionView> openPositions();
}
