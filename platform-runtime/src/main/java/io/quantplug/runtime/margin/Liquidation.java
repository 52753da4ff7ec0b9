package io.quantplug.runtime.margin;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;

/**
 * A forced close of a perpetual position whose margin balance fell to its maintenance margin.
 *
 * @param timeMillis        when, epoch milliseconds UTC (the open of the bar that reached the price)
 * @param instrument        the perpetual
 * @param position          the signed position closed, base units
 * @param entryPrice        its average entry price, USDT
 * @param liquidationPrice  the liquidation price ({@link LiquidationPrice}), USDT, on the tick grid
 * @param fillPrice         the price the position was closed at: the liquidation price, or the bar's open when the
 *                          bar opened beyond it
 * @param walletBalance     the wallet balance the price was computed from (the position's own in isolated mode)
 * @param maintenanceMargin the maintenance margin at the liquidation price, USDT
 * @param mode              the margin mode
 */
public record Liquidation(long timeMillis, InstrumentId instrument, BigDecimal position, BigDecimal entryPrice,
                          BigDecimal liquidationPrice, BigDecimal fillPrice, BigDecimal walletBalance,
                          BigDecimal maintenanceMargin, MarginMode mode) {
}
