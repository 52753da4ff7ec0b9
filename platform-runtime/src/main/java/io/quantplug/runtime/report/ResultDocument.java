package io.quantplug.runtime.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quantplug.api.ApiVersion;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.Rejection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code result.json} contract: what other tools read from a backtest. Times are ISO-8601 UTC strings, money is
 * a JSON number written exactly (plain notation), ratios are fractions, and a metric that is undefined (a zero
 * denominator) is {@code null}.
 *
 * <p>Top level: {@code run} (what ran), {@code metrics}, {@code trades} (closed round trips with {@code entryTime},
 * {@code exitTime}, {@code entryPrice}, {@code exitPrice}, {@code quantity}, {@code side}, {@code pnl} (net of
 * fees), {@code fees}, {@code exitReason}), {@code equity} (an array of {@code [time, equity]} pairs: the start,
 * then every bar close), {@code rejections}, {@code faults} and {@code counts}.
 *
 * @param format     document format version, {@code quantplug-result/1}
 * @param run        what ran
 * @param metrics    performance metrics
 * @param trades     closed round trips, in exit order
 * @param equity     the equity curve
 * @param rejections refused orders
 * @param faults     plugin callbacks that failed
 * @param counts     signal, order and fill counts
 */
@JsonPropertyOrder({"format", "run", "metrics", "trades", "equity", "rejections", "faults", "counts"})
public record ResultDocument(String format, Run run, Metrics metrics, List<Trade> trades, List<EquityPoint> equity,
                             List<RejectionEntry> rejections, List<PluginFault> faults, Counts counts) {

    /** The format identifier written in every document. */
    public static final String FORMAT = "quantplug-result/1";

    /**
     * What ran.
     *
     * @param apiVersion     Quantplug API version of the runtime
     * @param instrument     instrument id, {@code SYMBOL.VENUE}
     * @param timeframe      bar length, e.g. {@code 1m}
     * @param from           open time of the first bar
     * @param to             open time of the last bar
     * @param bars           bars processed
     * @param currency       account currency
     * @param capital        initial capital
     * @param feeBps         fee, bps of notional
     * @param slippageBps    slippage, bps of price
     * @param tickSize       the instrument's tick size
     * @param lotSize        the instrument's lot size
     * @param strategy       strategy id
     * @param enhancers      enhancer references, {@code id:k=v,...}
     * @param sizer          sizer reference, or null
     * @param riskRules      risk rule references
     * @param parameters     resolved parameters by role and id
     */
    @JsonPropertyOrder({"apiVersion", "instrument", "timeframe", "from", "to", "bars", "currency", "capital", "feeBps",
        "slippageBps", "tickSize", "lotSize", "strategy", "enhancers", "sizer", "riskRules", "parameters"})
    public record Run(String apiVersion, String instrument, String timeframe, Instant from, Instant to, long bars,
                      String currency, BigDecimal capital, BigDecimal feeBps, BigDecimal slippageBps,
                      BigDecimal tickSize, BigDecimal lotSize, String strategy, List<String> enhancers, String sizer,
                      List<String> riskRules, Map<String, Map<String, String>> parameters) {
    }

    /**
     * Metrics; see {@link PerformanceMetrics} for each definition.
     *
     * @param startEquity          initial capital
     * @param endEquity            final equity
     * @param netProfit            end minus start equity
     * @param totalFees            fees paid
     * @param totalReturn          fraction
     * @param cagr                 fraction per year
     * @param annualizedVolatility fraction
     * @param sharpe               annualised Sharpe ratio
     * @param sortino              annualised Sortino ratio
     * @param maxDrawdown          fraction of the running high
     * @param maxDrawdownDuration  ISO-8601 duration
     * @param calmar               CAGR over max drawdown
     * @param winRate              fraction of trades with positive P&amp;L
     * @param profitFactor         gross profit over gross loss
     * @param averageTrade         mean net P&amp;L per trade
     * @param averageTradeReturn   mean net return per trade, fraction of entry value
     * @param exposure             fraction of bars in the market
     * @param tradeCount           closed round trips
     */
    @JsonPropertyOrder({"startEquity", "endEquity", "netProfit", "totalFees", "totalReturn", "cagr",
        "annualizedVolatility", "sharpe", "sortino", "maxDrawdown", "maxDrawdownDuration", "calmar", "winRate",
        "profitFactor", "averageTrade", "averageTradeReturn", "exposure", "tradeCount"})
    public record Metrics(BigDecimal startEquity, BigDecimal endEquity, BigDecimal netProfit, BigDecimal totalFees,
                          Double totalReturn, Double cagr, Double annualizedVolatility, Double sharpe, Double sortino,
                          Double maxDrawdown, Duration maxDrawdownDuration, Double calmar, Double winRate,
                          Double profitFactor, BigDecimal averageTrade, Double averageTradeReturn, Double exposure,
                          int tradeCount) {

        static Metrics of(PerformanceMetrics m) {
            return new Metrics(m.startEquity(), m.endEquity(), m.netProfit(), m.totalFees(), n(m.totalReturn()),
                    n(m.cagr()), n(m.annualizedVolatility()), n(m.sharpe()), n(m.sortino()), n(m.maxDrawdown()),
                    m.maxDrawdownDuration(), n(m.calmar()), n(m.winRate()), n(m.profitFactor()), m.averageTrade(),
                    n(m.averageTradeReturn()), n(m.exposure()), m.tradeCount());
        }

        private static Double n(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /**
     * One closed round trip.
     *
     * @param strategy   strategy instance id
     * @param instrument instrument id
     * @param side       {@code LONG} or {@code SHORT}
     * @param entryTime  first entry fill
     * @param exitTime   last exit fill
     * @param entryPrice average entry price
     * @param exitPrice  average exit price
     * @param quantity   base quantity
     * @param grossPnl   P&amp;L before fees
     * @param fees       fees of the trip
     * @param pnl        P&amp;L after fees
     * @param exitReason {@code SIGNAL}, {@code MARKET}, {@code LIMIT}, {@code STOP} or {@code END_OF_DATA}
     */
    @JsonPropertyOrder({"strategy", "instrument", "side", "entryTime", "exitTime", "entryPrice", "exitPrice",
        "quantity", "grossPnl", "fees", "pnl", "exitReason"})
    public record Trade(String strategy, String instrument, String side, Instant entryTime, Instant exitTime,
                        BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal quantity, BigDecimal grossPnl,
                        BigDecimal fees, BigDecimal pnl, String exitReason) {

        static Trade of(RoundTrip t) {
            return new Trade(t.strategy(), t.instrument().toString(), t.side().name(), t.entryTime(), t.exitTime(),
                    t.entryPrice(), t.exitPrice(), t.quantity(), t.grossPnl(), t.fees(), t.pnl(),
                    t.exitReason().name());
        }
    }

    /**
     * One point of the equity curve, written as {@code [time, equity]}.
     *
     * @param time   the time
     * @param equity equity in the account currency
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"time", "equity"})
    public record EquityPoint(Instant time, double equity) {
    }

    /**
     * One refused order.
     *
     * @param time          refusal time
     * @param strategy      owning instance
     * @param clientOrderId the order
     * @param source        {@code RISK_RULE}, {@code VALIDATION}, {@code VENUE} or {@code ENGINE}
     * @param code          machine-readable reason
     * @param message       human-readable reason
     * @param ruleId        the refusing risk rule, or null
     */
    @JsonPropertyOrder({"time", "strategy", "clientOrderId", "source", "code", "message", "ruleId"})
    public record RejectionEntry(Instant time, String strategy, String clientOrderId, String source, String code,
                                 String message, String ruleId) {

        static RejectionEntry of(Rejection r) {
            return new RejectionEntry(Instant.ofEpochMilli(r.timeMillis()), r.strategy(), r.clientOrderId().value(),
                    r.reason().source().name(), r.reason().code(), r.reason().message(), r.reason().ruleId());
        }
    }

    /**
     * Event counts.
     *
     * @param signals signals emitted
     * @param orders  orders that reached the venue
     * @param fills   fills
     */
    public record Counts(long signals, long orders, long fills) {
    }

    /**
     * Builds the document of a backtest.
     *
     * @param r the result
     * @return the document
     */
    public static ResultDocument of(BacktestResult r) {
        BacktestConfig c = r.config();
        Run run = new Run(ApiVersion.CURRENT, c.instrument().id().toString(), r.timeframe().label(),
                Instant.ofEpochMilli(r.firstBarMillis()), Instant.ofEpochMilli(r.lastBarMillis()), r.barCount(),
                c.instrument().quoteAsset(), c.initialCapital(), c.feeBps(), c.slippageBps(),
                c.instrument().tickSize(), c.instrument().lotSize(), c.strategy().id(),
                c.enhancers().stream().map(ExtensionRef::toString).toList(),
                c.sizer() == null ? null : c.sizer().toString(),
                c.riskRules().stream().map(ExtensionRef::toString).toList(), r.parameters());
        List<EquityPoint> equity = new ArrayList<>();
        EquityCurve curve = r.equity();
        for (int i = 0; i < curve.size(); i++) {
            equity.add(new EquityPoint(Instant.ofEpochMilli(curve.timeMillis(i)), curve.equity(i)));
        }
        return new ResultDocument(FORMAT, run, Metrics.of(r.metrics()), r.trades().stream().map(Trade::of).toList(),
                equity, r.rejections().stream().map(RejectionEntry::of).toList(), r.faults(),
                new Counts(r.signalCount(), r.orderCount(), r.fillCount()));
    }
}
