package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.runtime.analytics.RoundTrip;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * The round trips of one strategy entry of a portfolio configuration, over every instrument it traded. Money is
 * exact, in the account currency; the ratios are defined as {@link io.quantplug.runtime.analytics.MetricsCalculator}
 * defines them for a whole account, and are {@code NaN} when their denominator is zero.
 *
 * @param strategy     the entry, {@code id} or {@code id:k=v,...} as configured; for a signal group, its policy and
 *                     members ({@code MAJORITY of a+b})
 * @param instruments  the instruments it was configured on, in book order
 * @param trades       closed round trips
 * @param netPnl       the sum of the trips' P&amp;L after fees
 * @param fees         the sum of the trips' fees
 * @param winRate      share of trips with {@code pnl > 0}
 * @param profitFactor gross profit of the winners over gross loss of the losers
 * @param averageTrade {@code netPnl / trades}; null without trades
 */
public record StrategySummary(String strategy, List<InstrumentId> instruments, int trades, BigDecimal netPnl,
                              BigDecimal fees, double winRate, double profitFactor, BigDecimal averageTrade) {

    /**
     * Copies the list.
     *
     * @param strategy the entry as configured
     * @param instruments the instruments it was configured on
     * @param trades closed round trips
     * @param netPnl the sum of the trips' P&amp;L after fees
     * @param fees the sum of the trips' fees
     * @param winRate share of trips with {@code pnl > 0}
     * @param profitFactor gross profit over gross loss
     * @param averageTrade {@code netPnl / trades}; null without trades
     */
    public StrategySummary {
        Objects.requireNonNull(strategy, "strategy");
        instruments = List.copyOf(instruments);
    }

    /**
     * Sums a strategy entry's round trips.
     *
     * @param strategy    the entry as configured
     * @param instruments the instruments it was configured on
     * @param trips       its closed round trips
     * @return the summary
     */
    public static StrategySummary of(String strategy, List<InstrumentId> instruments, List<RoundTrip> trips) {
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        int wins = 0;
        for (RoundTrip t : trips) {
            net = net.add(t.pnl());
            fees = fees.add(t.fees());
            if (t.pnl().signum() > 0) {
                wins++;
                grossProfit = grossProfit.add(t.pnl());
            } else if (t.pnl().signum() < 0) {
                grossLoss = grossLoss.add(t.pnl().negate());
            }
        }
        int n = trips.size();
        return new StrategySummary(strategy, instruments, n, net, fees, n > 0 ? (double) wins / n : Double.NaN,
                grossLoss.signum() > 0 ? grossProfit.divide(grossLoss, MathContext.DECIMAL64).doubleValue()
                        : Double.NaN,
                n > 0 ? net.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64) : null);
    }
}
