package io.quantplug.testkit;

import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One round trip of a {@link BacktestRun}: from the fill that opened a position to the fill that made it flat again,
 * with the bars both happened on. Prices and money are the engine's exact decimals, in the instrument's quote asset.
 *
 * <pre>{@code
 * ClosedTrade first = run.closedTrades().get(0);
 * assertThat(first.entryBar()).isEqualTo(18);                      // filled at the open of bar 18
 * assertThat(first.entryPrice()).isEqualByComparingTo("29365.56");
 * assertThat(first.exit()).isEqualTo(TradeExit.SIGNAL);
 * }</pre>
 *
 * @param entrySide       {@link Side#BUY} for a long trip, {@link Side#SELL} for a short one
 * @param entryBar        index in {@link BacktestRun#bars()} of the bar the first entry fill happened on (a market
 *                        order fills at that bar's open)
 * @param exitBar         index of the bar the last exit fill happened on; the last bar for {@link TradeExit#END_OF_DATA}
 * @param entryTimeMillis time of the first entry fill, UTC epoch milliseconds
 * @param exitTimeMillis  time of the last exit fill, UTC epoch milliseconds
 * @param entryPrice      quantity-weighted average entry price
 * @param exitPrice       quantity-weighted average exit price
 * @param quantity        quantity entered (equal to the quantity exited), base units
 * @param grossPnl        realised profit and loss before fees
 * @param fees            fees of every fill of the trip
 * @param pnl             {@code grossPnl - fees}
 * @param exit            what closed it
 */
public record ClosedTrade(Side entrySide, int entryBar, int exitBar, long entryTimeMillis, long exitTimeMillis,
                          BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal quantity, BigDecimal grossPnl,
                          BigDecimal fees, BigDecimal pnl, TradeExit exit) {

    /**
     * Checks that no component is null.
     *
     * @param entrySide       {@link Side#BUY} for a long trip, {@link Side#SELL} for a short one
     * @param entryBar        index of the bar of the first entry fill
     * @param exitBar         index of the bar of the last exit fill
     * @param entryTimeMillis time of the first entry fill, UTC epoch milliseconds
     * @param exitTimeMillis  time of the last exit fill, UTC epoch milliseconds
     * @param entryPrice      quantity-weighted average entry price
     * @param exitPrice       quantity-weighted average exit price
     * @param quantity        quantity entered, base units
     * @param grossPnl        realised profit and loss before fees
     * @param fees            fees of every fill of the trip
     * @param pnl             {@code grossPnl - fees}
     * @param exit            what closed it
     * @throws NullPointerException when a component is null
     */
    public ClosedTrade {
        Objects.requireNonNull(entrySide, "entrySide");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(grossPnl, "grossPnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(exit, "exit");
    }

    /**
     * Whether the trip was long (bought first, sold to exit).
     *
     * @return true for a long trip
     */
    public boolean isLong() {
        return entrySide == Side.BUY;
    }
}
