package io.quantplug.runtime.margin;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;

/**
 * A warning that a perpetual position's margin ratio reached {@link #THRESHOLD}: its maintenance margin is that share
 * of its margin balance, and a further move against it liquidates it at a ratio of 1 (Binance's margin call, sent
 * when the margin ratio reaches 80 %).
 *
 * @param timeMillis        the bar's close, epoch milliseconds UTC
 * @param instrument        the perpetual
 * @param position          the signed position, base units
 * @param markPrice         the mark price (the bar's close), USDT
 * @param marginBalance     the margin balance: the account's equity in cross margin, the position's wallet plus its
 *                          unrealised P&amp;L in isolated margin, USDT
 * @param maintenanceMargin the maintenance margin at the mark price, USDT
 * @param marginRatio       {@code maintenanceMargin / marginBalance}
 */
public record MarginCall(long timeMillis, InstrumentId instrument, BigDecimal position, BigDecimal markPrice,
                         BigDecimal marginBalance, BigDecimal maintenanceMargin, BigDecimal marginRatio) {

    /** The margin ratio at which a call is made: 0.8. */
    public static final BigDecimal THRESHOLD = new BigDecimal("0.8");
}
