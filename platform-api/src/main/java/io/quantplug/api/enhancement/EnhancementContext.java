package io.quantplug.api.enhancement;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.portfolio.PortfolioView;

import java.util.List;

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

    /**
     * Every instrument the account trades in this run, the signal's first: one for a single-instrument backtest or
     * session, every book's in a portfolio backtest (in the file's order after the signal's). For sizers that weigh
     * one instrument against the others.
     *
     * @return the instruments, at least one
     * @since 0.2.0
     */
    default List<Instrument> instruments() {
        return List.of(instrument());
    }

    /**
     * The recent completed bars of one of {@link #instruments()}, newest first.
     *
     * @param instrument one of the account's instruments
     * @return its history
     * @throws IllegalArgumentException when the account does not trade it
     * @since 0.2.0
     */
    default BarHistory history(InstrumentId instrument) {
        if (!instrument.equals(instrument().id())) {
            throw new IllegalArgumentException("the account trades " + instrument().id() + " only, not "
                    + instrument);
        }
        return history();
    }
}
