package io.quantplug.testkit;

import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;

import java.util.List;
import java.util.Objects;

/**
 * A {@link SizingContext} (and so an {@link io.quantplug.api.enhancement.EnhancementContext}) for unit tests of a
 * position sizer or signal enhancer without the engine: an instrument, a history and an account the test sets.
 *
 * <p>The reference price is the close of the newest bar in the history (what the engine sizes against) unless
 * {@link #referencePrice(double)} sets one; with an empty history and none set it is {@code NaN}.
 *
 * <pre>{@code
 * FakeSizingContext ctx = new FakeSizingContext(btcusdt, new FakePortfolio().equity("10000"), bars);
 * BigDecimal quantity = sizer.size(signal, ctx);
 * }</pre>
 *
 * <p>Mutable on purpose and not thread-safe; test use only.
 */
public final class FakeSizingContext implements SizingContext {

    private final Instrument instrument;
    private final FakePortfolio portfolio;
    private final BarHistory history;
    private Double referencePrice;

    /**
     * A context over a history of bars given oldest first, kept in a {@link FakeBarHistory} of the default
     * capacity.
     *
     * @param instrument  the instrument of the signal; not null
     * @param portfolio   the account; not null
     * @param oldestFirst the completed bars, oldest first
     */
    public FakeSizingContext(Instrument instrument, FakePortfolio portfolio, List<Bar> oldestFirst) {
        this(instrument, portfolio, new FakeBarHistory(oldestFirst));
    }

    /**
     * A context over any history.
     *
     * @param instrument the instrument of the signal; not null
     * @param portfolio  the account; not null
     * @param history    the history; not null
     */
    public FakeSizingContext(Instrument instrument, FakePortfolio portfolio, BarHistory history) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
        this.history = Objects.requireNonNull(history, "history");
    }

    /**
     * Sets the reference price apart from the history.
     *
     * @param price quote per base
     * @return this context
     */
    public FakeSizingContext referencePrice(double price) {
        referencePrice = price;
        return this;
    }

    /**
     * {@inheritDoc}
     *
     * @return the price set, else the newest close in the history, else {@code NaN}
     */
    @Override
    public double referencePrice() {
        if (referencePrice != null) {
            return referencePrice;
        }
        return history.size() == 0 ? Double.NaN : history.get(0).close();
    }

    /** {@inheritDoc} */
    @Override
    public Instrument instrument() {
        return instrument;
    }

    /** {@inheritDoc} */
    @Override
    public BarHistory history() {
        return history;
    }

    /** {@inheritDoc} */
    @Override
    public FakePortfolio portfolio() {
        return portfolio;
    }
}
