package io.quantplug.api.enhancement;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.portfolio.PortfolioView;

/** What an enhancer or sizer may read while handling one signal. Valid only during that call. */
public interface EnhancementContext {

    /**
     * The instrument of the signal.
     *
     * @return the instrument
     */
    Instrument instrument();

    /**
     * Recent completed bars of that instrument, newest first.
     *
     * @return the history
     */
    BarHistory history();

    /**
     * The account, read only.
     *
     * @return the portfolio view
     */
    PortfolioView portfolio();
}
