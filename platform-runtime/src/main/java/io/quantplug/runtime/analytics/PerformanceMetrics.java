package io.quantplug.runtime.analytics;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Performance of a session. Ratios are fractions (0.05 = 5 %); annualised figures use {@code P} periods per year,
 * {@code P = 365 days / bar length} (crypto markets trade every day). Formulas and sources are on
 * {@link MetricsCalculator}. A ratio whose denominator is zero is {@code NaN} (written as JSON {@code null}).
 * Serializable, so that a distributed study (the Spark job) can send a trial's metrics from its executors.
 *
 * @param startEquity            initial capital, account currency
 * @param endEquity              final equity after closing every position, account currency
 * @param netProfit              {@code endEquity - startEquity}
 * @param totalFees              fees paid, account currency
 * @param totalReturn            {@code endEquity / startEquity - 1}
 * @param cagr                   compound annual growth rate
 * @param annualizedVolatility   standard deviation of per-bar returns times {@code sqrt(P)}
 * @param sharpe                 annualised Sharpe ratio, risk-free rate 0
 * @param sortino                annualised Sortino ratio, target return 0
 * @param maxDrawdown            largest fall from a running equity high, as a fraction of that high
 * @param maxDrawdownDuration    from the high before the deepest trough to the recovery of that high (or the end)
 * @param calmar                 {@code cagr / maxDrawdown}
 * @param winRate                share of round trips with {@code pnl > 0}
 * @param profitFactor           gross profit of winners over gross loss of losers
 * @param averageTrade           mean net P&amp;L per round trip, account currency; null when there are no trades
 * @param averageTradeReturn     mean of {@link RoundTrip#returnOnEntry()}
 * @param exposure               share of bars that closed with a position open
 * @param tradeCount             number of closed round trips
 */
public record PerformanceMetrics(BigDecimal startEquity, BigDecimal endEquity, BigDecimal netProfit,
                                 BigDecimal totalFees, double totalReturn, double cagr, double annualizedVolatility,
                                 double sharpe, double sortino, double maxDrawdown, Duration maxDrawdownDuration,
                                 double calmar, double winRate, double profitFactor, BigDecimal averageTrade,
                                 double averageTradeReturn, double exposure, int tradeCount)
        implements Serializable {
}
