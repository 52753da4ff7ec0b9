package io.quantplug.api.risk;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.portfolio.PortfolioView;

/** What a risk rule may read. Valid only during the call it is passed to. */
public interface RiskContext {

    /**
     * The session clock's current time.
     *
     * @return UTC epoch milliseconds
     */
    long timeMillis();

    /**
     * The account, read only.
     *
     * @return the portfolio view
     */
    PortfolioView portfolio();

    /**
     * An instrument of the session.
     *
     * @param id the id
     * @return the instrument
     * @throws IllegalArgumentException when the session does not trade it
     */
    Instrument instrument(InstrumentId id);

    /**
     * The last price seen for an instrument.
     *
     * @param id the id
     * @return quote per base, or {@code NaN} before the first bar
     */
    double lastPrice(InstrumentId id);

    /**
     * How many orders are working (accepted, not yet filled or canceled) across the session.
     *
     * @return the count
     */
    int openOrderCount();

    /**
     * Records a risk event of the calling rule: the session stores it with the rule's id and the time, and tells its
     * listeners. Call it from {@code check}, {@code onFill} or {@code onBar}.
     *
     * @param event the event
     * @throws UnsupportedOperationException from this default, in contexts that cannot record events (a session of
     *                                       this runtime always can)
     */
    default void report(RiskEvent event) {
        throw new UnsupportedOperationException("this risk context does not record risk events");
    }

    /**
     * Asks the session to close the account's position in an instrument with a market order at the next
     * opportunity (in a backtest, the next bar's open), whoever opened it. The closing order is the engine's own
     * and is still checked by the risk rules, which should let a pure reduction through. Nothing happens when the
     * account is flat; asking twice before the order fills sends one order.
     *
     * @param instrument the instrument
     * @param reason     why, for the order's record; not blank
     * @throws IllegalArgumentException      when the session does not trade the instrument or the reason is blank
     * @throws UnsupportedOperationException from this default, in contexts that cannot close positions
     */
    default void closePosition(InstrumentId instrument, String reason) {
        throw new UnsupportedOperationException("this risk context cannot close positions");
    }
}
