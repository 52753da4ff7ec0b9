package io.quantplug.testkit;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.portfolio.PositionView;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position whose every figure the test sets, for a {@link FakePortfolio}. Immutable; the figures are taken as
 * given (nothing is derived from fills or prices), so a test states exactly what the plugin under test reads.
 *
 * @param instrument        the instrument
 * @param quantity          signed quantity in base units: positive long, negative short, zero flat
 * @param averageEntryPrice quantity-weighted average entry price, quote per base; zero when flat
 * @param realizedPnl       profit and loss realised in this instrument, account currency
 * @param unrealizedPnl     profit and loss of the open quantity at the last price, account currency
 */
public record FakePosition(InstrumentId instrument, BigDecimal quantity, BigDecimal averageEntryPrice,
                           BigDecimal realizedPnl, BigDecimal unrealizedPnl) implements PositionView {

    /**
     * Checks that no component is null.
     *
     * @param instrument        the instrument
     * @param quantity          signed quantity in base units
     * @param averageEntryPrice average entry price, quote per base
     * @param realizedPnl       realised P&amp;L, account currency
     * @param unrealizedPnl     unrealised P&amp;L, account currency
     * @throws NullPointerException when a component is null
     */
    public FakePosition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageEntryPrice, "averageEntryPrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
    }

    /**
     * A flat position: every figure zero.
     *
     * @param instrument the instrument
     * @return the flat position
     */
    public static FakePosition flat(InstrumentId instrument) {
        return new FakePosition(instrument, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * A position of a signed quantity at an average entry price, with no P&amp;L.
     *
     * @param instrument        the instrument
     * @param quantity          signed quantity in base units as exact decimal text, e.g. {@code "-0.5"}
     * @param averageEntryPrice average entry price as exact decimal text, quote per base
     * @return the position
     * @throws NumberFormatException when a text is not a decimal
     */
    public static FakePosition of(InstrumentId instrument, String quantity, String averageEntryPrice) {
        return new FakePosition(instrument, new BigDecimal(quantity), new BigDecimal(averageEntryPrice),
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * This position with another realised P&amp;L.
     *
     * @param value the realised P&amp;L, account currency
     * @return a new position, the other figures unchanged
     */
    public FakePosition withRealizedPnl(BigDecimal value) {
        return new FakePosition(instrument, quantity, averageEntryPrice, value, unrealizedPnl);
    }

    /**
     * This position with another unrealised P&amp;L.
     *
     * @param value the unrealised P&amp;L, account currency
     * @return a new position, the other figures unchanged
     */
    public FakePosition withUnrealizedPnl(BigDecimal value) {
        return new FakePosition(instrument, quantity, averageEntryPrice, realizedPnl, value);
    }
}
