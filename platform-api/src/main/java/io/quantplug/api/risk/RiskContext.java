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
}
