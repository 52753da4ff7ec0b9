package io.quantplug.testkit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The headline figures of a {@link BacktestRun}, as {@code quantplug backtest} prints them. Ratios are fractions
 * (0.05 = 5 %); money is exact, in the instrument's quote asset. The formulas are the runtime's metrics calculator's
 * (total return {@code endEquity / startEquity - 1}; maximum drawdown the largest fall from a running equity high as
 * a fraction of that high; Sharpe ratio annualised with {@code 365 days / bar length} periods a year and a risk-free
 * rate of 0, after Sharpe 1994, "The Sharpe Ratio", Journal of Portfolio Management 21(1)); a ratio whose denominator
 * is zero is {@code NaN}.
 *
 * @param tradeCount  number of closed round trips
 * @param winRate     share of round trips with a net profit above 0; {@code NaN} without trades
 * @param totalReturn {@code endEquity / startEquity - 1}
 * @param startEquity starting capital
 * @param endEquity   final equity, after the engine closed any open position
 * @param totalFees   fees paid
 * @param maxDrawdown largest fall from a running equity high, as a fraction of that high, &ge; 0
 * @param sharpe      annualised Sharpe ratio, risk-free rate 0
 */
public record RunSummary(int tradeCount, double winRate, double totalReturn, BigDecimal startEquity,
                         BigDecimal endEquity, BigDecimal totalFees, double maxDrawdown, double sharpe) {

    /**
     * Checks that no money component is null.
     *
     * @param tradeCount  number of closed round trips
     * @param winRate     share of round trips with a net profit above 0
     * @param totalReturn {@code endEquity / startEquity - 1}
     * @param startEquity starting capital
     * @param endEquity   final equity
     * @param totalFees   fees paid
     * @param maxDrawdown largest fall from a running equity high, as a fraction of that high
     * @param sharpe      annualised Sharpe ratio, risk-free rate 0
     * @throws NullPointerException when a money component is null
     */
    public RunSummary {
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(endEquity, "endEquity");
        Objects.requireNonNull(totalFees, "totalFees");
    }
}
