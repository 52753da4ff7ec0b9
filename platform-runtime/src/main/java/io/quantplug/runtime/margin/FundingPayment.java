package io.quantplug.runtime.margin;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;

/**
 * One funding settlement of a held perpetual position.
 *
 * <p>{@code amount = −position × markPrice × rate}: with a positive rate a long pays and a short receives (Binance,
 * "Introduction to Binance Futures Funding Rates": funding = position notional at the mark price × funding rate).
 * Exact: no rounding.
 *
 * @param timeMillis the funding time, epoch milliseconds UTC
 * @param instrument the perpetual
 * @param rate       the funding rate, a fraction
 * @param markPrice  the mark price used, USDT
 * @param position   the signed position held at that time, base units (negative: short)
 * @param amount     what the account received (positive) or paid (negative), USDT
 */
public record FundingPayment(long timeMillis, InstrumentId instrument, BigDecimal rate, BigDecimal markPrice,
                             BigDecimal position, BigDecimal amount) {

    /**
     * The payment of a position at a funding time.
     *
     * @param timeMillis the funding time
     * @param instrument the perpetual
     * @param rate       the rate, a fraction
     * @param markPrice  the mark price, USDT
     * @param position   the signed position, base units
     * @return the payment, {@code amount = −position × markPrice × rate}
     */
    public static FundingPayment of(long timeMillis, InstrumentId instrument, BigDecimal rate, BigDecimal markPrice,
                                    BigDecimal position) {
        return new FundingPayment(timeMillis, instrument, rate, markPrice, position,
                position.multiply(markPrice).multiply(rate).negate());
    }
}
