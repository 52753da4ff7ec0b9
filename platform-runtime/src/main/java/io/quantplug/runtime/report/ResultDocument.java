package io.quantplug.runtime.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quantplug.api.ApiVersion;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.strategy.ExecutionReport;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.Execution;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.Rejection;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SignalDecision;
import io.quantplug.runtime.session.SignalVote;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code result.json} contract: what other tools read from a backtest. Times are ISO-8601 UTC strings, money is
 * a JSON number written exactly (plain notation), ratios are fractions, and a metric that is undefined (a zero
 * denominator) is {@code null}.
 *
 * <p>Top level: {@code run} (what ran), {@code metrics}, {@code trades} (closed round trips with {@code entryTime},
 * {@code exitTime}, {@code entryPrice}, {@code exitPrice}, {@code quantity}, {@code side}, {@code pnl} (net of
 * fees), {@code fees}, {@code exitReason}), {@code equity} (an array of {@code [time, equity]} pairs: the start,
 * then every bar close), {@code rejections}, {@code faults}, {@code counts}, {@code riskEvents} (what risk rules
 * reported, with the rule's id) and {@code decisions} (a signal group's decisions with their votes; empty without
 * aggregation). A document written before the last two existed reads with both empty. {@code equitySampling} is
 * there only when the equity was thinned for size: how many points the whole curve has, how many were kept and how
 * (see {@link #withEquityPoints}).
 *
 * <p>A little over the usual file length on purpose: the whole contract, block by block, reads in one place.
 *
 * @param format     document format version, {@code quantplug-result/1}
 * @param run        what ran
 * @param metrics    performance metrics
 * @param trades     closed round trips, in exit order
 * @param equity     the equity curve
 * @param rejections refused orders
 * @param faults     plugin callbacks that failed
 * @param counts     signal, order and fill counts
 * @param riskEvents events risk rules reported, in the order reported
 * @param decisions  the signal group's decisions, in order
 * @param equitySampling how {@code equity} was thinned, or null when it holds every point
 * @param executions what the strategies' execution algorithms reported (TWAP, VWAP, iceberg, ...), with their
 *                   slippage against the arrival price
 * @param perpetual  a perpetual run's leverage, margin mode, funding payments and liquidations; absent otherwise
 */
@JsonPropertyOrder({"format", "run", "metrics", "trades", "equity", "equitySampling", "rejections", "faults",
    "counts", "riskEvents", "decisions", "executions", "perpetual"})
public record ResultDocument(String format, Run run, Metrics metrics, List<Trade> trades, List<EquityPoint> equity,
                             List<RejectionEntry> rejections, List<PluginFault> faults, Counts counts,
                             List<RiskEventEntry> riskEvents, List<DecisionEntry> decisions,
                             @JsonInclude(JsonInclude.Include.NON_NULL) EquitySampling equitySampling,
                             List<ExecutionEntry> executions,
                             @JsonInclude(JsonInclude.Include.NON_NULL) PerpetualSection perpetual) {

    /**
     * Reads a missing list as empty.
     *
     * @param format     document format version
     * @param run        what ran
     * @param metrics    performance metrics, or null for a run that did not complete
     * @param trades     closed round trips
     * @param equity     the equity curve
     * @param rejections refused orders
     * @param faults     plugin callbacks that failed
     * @param counts     signal, order and fill counts
     * @param riskEvents events risk rules reported, or null for none
     * @param decisions  the signal group's decisions, or null for none
     * @param equitySampling how {@code equity} was thinned, or null when it holds every point
     * @param executions the execution algorithms' reports, or null for none
     * @param perpetual  a perpetual run's block, or null
     */
    public ResultDocument {
        riskEvents = riskEvents == null ? List.of() : List.copyOf(riskEvents);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        executions = executions == null ? List.of() : List.copyOf(executions);
    }

    /**
     * A document of a run without margin.
     *
     * @param format     document format version
     * @param run        what ran
     * @param metrics    performance metrics, or null for a run that did not complete
     * @param trades     closed round trips
     * @param equity     the equity curve
     * @param rejections refused orders
     * @param faults     plugin callbacks that failed
     * @param counts     signal, order and fill counts
     * @param riskEvents events risk rules reported, or null for none
     * @param decisions  the signal group's decisions, or null for none
     * @param equitySampling how {@code equity} was thinned, or null when it holds every point
     * @param executions the execution algorithms' reports, or null for none
     */
    public ResultDocument(String format, Run run, Metrics metrics, List<Trade> trades, List<EquityPoint> equity,
                          List<RejectionEntry> rejections, List<PluginFault> faults, Counts counts,
                          List<RiskEventEntry> riskEvents, List<DecisionEntry> decisions,
                          EquitySampling equitySampling, List<ExecutionEntry> executions) {
        this(format, run, metrics, trades, equity, rejections, faults, counts, riskEvents, decisions, equitySampling,
                executions, null);
    }

    /**
     * A document without execution reports.
     *
     * @param format     document format version
     * @param run        what ran
     * @param metrics    performance metrics, or null for a run that did not complete
     * @param trades     closed round trips
     * @param equity     the equity curve
     * @param rejections refused orders
     * @param faults     plugin callbacks that failed
     * @param counts     signal, order and fill counts
     * @param riskEvents events risk rules reported, or null for none
     * @param decisions  the signal group's decisions, or null for none
     * @param equitySampling how {@code equity} was thinned, or null when it holds every point
     */
    public ResultDocument(String format, Run run, Metrics metrics, List<Trade> trades, List<EquityPoint> equity,
                          List<RejectionEntry> rejections, List<PluginFault> faults, Counts counts,
                          List<RiskEventEntry> riskEvents, List<DecisionEntry> decisions,
                          EquitySampling equitySampling) {
        this(format, run, metrics, trades, equity, rejections, faults, counts, riskEvents, decisions, equitySampling,
                List.of());
    }

    /** The format identifier written in every document. */
    public static final String FORMAT = "quantplug-result/1";

    /**
     * The most equity points {@code result.json}, {@code report.html} and the console's first chart carry unless the
     * whole curve is asked for: enough for a chart several screens wide, and a file of a few hundred kilobytes
     * whatever the run's length.
     */
    public static final int DEFAULT_EQUITY_POINTS = 2_000;

    /**
     * This document with its equity thinned to at most {@code maxPoints} points for a chart, by
     * {@link EquityCurve#chartIndices} (Largest-Triangle-Three-Buckets keeping both ends, the highest and lowest
     * equity, and the maximum drawdown's peak and trough), and {@code equitySampling} saying so. The metrics are
     * those of the whole curve and stay as they are. A document already at most that long is returned as it is.
     *
     * @param maxPoints the most points to keep, &ge; 8
     * @return the thinned document, or this one
     * @throws IllegalArgumentException when {@code maxPoints < 8}
     */
    public ResultDocument withEquityPoints(int maxPoints) {
        EquitySampled s = EquitySampled.of(equity, maxPoints, equitySampling);
        return s == null ? this : new ResultDocument(format, run, metrics, trades, s.points(), rejections, faults,
                counts, riskEvents, decisions, s.sampling(), executions, perpetual);
    }

    /**
     * This document with another bar label in its run block, for bars a timeframe does not name: volume or dollar
     * bars ({@code volume:50}), whose result carries only their nominal length.
     *
     * @param label the label, e.g. {@code volume:50}
     * @return the relabelled document
     */
    public ResultDocument withTimeframe(String label) {
        Run r = run;
        Run relabelled = new Run(r.apiVersion(), r.instrument(), label, r.from(), r.to(), r.bars(), r.currency(),
                r.capital(), r.feeBps(), r.slippageBps(), r.tickSize(), r.lotSize(), r.strategy(), r.enhancers(),
                r.sizer(), r.riskRules(), r.parameters(), r.strategies(), r.aggregation());
        return new ResultDocument(format, relabelled, metrics, trades, equity, rejections, faults, counts, riskEvents,
                decisions, equitySampling, executions, perpetual);
    }

    /**
     * Equity points thinned for a chart as {@link #withEquityPoints} thins a document's.
     *
     * @param equity    the points, in time order
     * @param maxPoints the most to keep, &ge; 8
     * @return the points kept, in time order: all of them when there are no more than {@code maxPoints}
     * @throws IllegalArgumentException when {@code maxPoints < 8}
     */
    public static List<EquityPoint> thinnedEquity(List<EquityPoint> equity, int maxPoints) {
        EquitySampled s = EquitySampled.of(equity, maxPoints, null);
        return s == null ? equity : s.points();
    }

    /**
     * How the equity of a document was thinned for size.
     *
     * @param points the points of the whole curve
     * @param kept   the points in the document
     * @param method {@code LTTB} (Largest-Triangle-Three-Buckets, keeping both ends, the highest and lowest equity,
     *               and the maximum drawdown's peak and trough)
     */
    @JsonPropertyOrder({"points", "kept", "method"})
    public record EquitySampling(long points, int kept, String method) {

        /** The method's name: Largest-Triangle-Three-Buckets with the extremes and the maximum drawdown kept. */
        public static final String LTTB = "LTTB";
    }

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
     * @param strategy       strategy id; for several strategies their ids joined by {@code +} (at most 128
     *                       characters)
     * @param enhancers      enhancer references, {@code id:k=v,...}
     * @param sizer          sizer reference, or null
     * @param riskRules      risk rule references
     * @param parameters     resolved parameters by role and id ({@code strategy:INSTANCE} for several strategies)
     * @param strategies     strategy references, {@code id:k=v,...}, in instance order
     * @param aggregation    how the strategies shared the account: {@code NONE}, {@code UNANIMOUS},
     *                       {@code MAJORITY} or {@code WEIGHTED:threshold=T,weights=W1;W2;...}
     */
    @JsonPropertyOrder({"apiVersion", "instrument", "timeframe", "from", "to", "bars", "currency", "capital", "feeBps",
        "slippageBps", "tickSize", "lotSize", "strategy", "enhancers", "sizer", "riskRules", "parameters",
        "strategies", "aggregation"})
    public record Run(String apiVersion, String instrument, String timeframe, Instant from, Instant to, long bars,
                      String currency, BigDecimal capital, BigDecimal feeBps, BigDecimal slippageBps,
                      BigDecimal tickSize, BigDecimal lotSize, String strategy, List<String> enhancers, String sizer,
                      List<String> riskRules, Map<String, Map<String, String>> parameters, List<String> strategies,
                      String aggregation) {

        private static final int MAX_STRATEGY_LABEL = 128;

        /**
         * Fills in what a block written before several strategies could run leaves out: its one strategy, no
         * aggregation.
         *
         * @param apiVersion  Quantplug API version of the runtime
         * @param instrument  instrument id
         * @param timeframe   bar length
         * @param from        open time of the first bar
         * @param to          open time of the last bar
         * @param bars        bars processed
         * @param currency    account currency
         * @param capital     initial capital
         * @param feeBps      fee, bps of notional
         * @param slippageBps slippage, bps of price
         * @param tickSize    the instrument's tick size
         * @param lotSize     the instrument's lot size
         * @param strategy    strategy id
         * @param enhancers   enhancer references
         * @param sizer       sizer reference, or null
         * @param riskRules   risk rule references
         * @param parameters  resolved parameters by role and id
         * @param strategies  strategy references, or null for {@code [strategy]}
         * @param aggregation the aggregation, or null for {@code NONE}
         */
        public Run {
            strategies = strategies == null ? (strategy == null ? List.of() : List.of(strategy))
                    : List.copyOf(strategies);
            aggregation = aggregation == null ? AggregationPolicy.NONE.name() : aggregation;
        }

        /**
         * A block of one strategy without aggregation.
         *
         * @param apiVersion  Quantplug API version of the runtime
         * @param instrument  instrument id
         * @param timeframe   bar length
         * @param from        open time of the first bar
         * @param to          open time of the last bar
         * @param bars        bars processed
         * @param currency    account currency
         * @param capital     initial capital
         * @param feeBps      fee, bps of notional
         * @param slippageBps slippage, bps of price
         * @param tickSize    the instrument's tick size
         * @param lotSize     the instrument's lot size
         * @param strategy    strategy id
         * @param enhancers   enhancer references
         * @param sizer       sizer reference, or null
         * @param riskRules   risk rule references
         * @param parameters  resolved parameters by role and id
         */
        public Run(String apiVersion, String instrument, String timeframe, Instant from, Instant to, long bars,
                   String currency, BigDecimal capital, BigDecimal feeBps, BigDecimal slippageBps,
                   BigDecimal tickSize, BigDecimal lotSize, String strategy, List<String> enhancers, String sizer,
                   List<String> riskRules, Map<String, Map<String, String>> parameters) {
            this(apiVersion, instrument, timeframe, from, to, bars, currency, capital, feeBps, slippageBps, tickSize,
                    lotSize, strategy, enhancers, sizer, riskRules, parameters, null, null);
        }

        /**
         * The block of a configuration.
         *
         * @param c          the configuration
         * @param timeframe  bar length label, e.g. {@code 1m}
         * @param from       open time of the first bar
         * @param to         open time of the last bar
         * @param bars       bar count
         * @param parameters parameters by role and id: resolved, or as given when the run starts
         * @return the block
         */
        public static Run of(BacktestConfig c, String timeframe, Instant from, Instant to, long bars,
                             Map<String, Map<String, String>> parameters) {
            String label = c.strategies().stream().map(ExtensionRef::id).collect(Collectors.joining("+"));
            if (label.length() > MAX_STRATEGY_LABEL) {
                label = label.substring(0, MAX_STRATEGY_LABEL - 3) + "...";
            }
            return new Run(ApiVersion.CURRENT, c.instrument().id().toString(), timeframe, from, to, bars,
                    c.instrument().quoteAsset(), c.initialCapital(), c.feeBps(), c.slippageBps(),
                    c.instrument().tickSize(), c.instrument().lotSize(), label,
                    c.enhancers().stream().map(ExtensionRef::toString).toList(),
                    c.sizer() == null ? null : c.sizer().toString(),
                    c.riskRules().stream().map(ExtensionRef::toString).toList(), parameters,
                    c.strategies().stream().map(ExtensionRef::toString).toList(), c.aggregation().describe());
        }
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

        /**
         * The metrics as written: a ratio that is not finite becomes null.
         *
         * @param m the computed metrics
         * @return their document form
         */
        public static Metrics of(PerformanceMetrics m) {
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
     * One event a risk rule reported.
     *
     * @param time      when it took effect
     * @param ruleId    the rule's id in the session
     * @param strategy  the strategy instance (or group) it concerned, or null
     * @param eventType e.g. {@code TRIP}, {@code HALF_OPEN}, {@code RESET}
     * @param code      upper-snake-case cause, e.g. {@code DAILY_LOSS_LIMIT}
     * @param message   what happened, for people
     * @param values    the numbers by name, exact decimals as text
     */
    @JsonPropertyOrder({"time", "ruleId", "strategy", "eventType", "code", "message", "values"})
    public record RiskEventEntry(Instant time, String ruleId, String strategy, String eventType, String code,
                                 String message, Map<String, String> values) {

        /**
         * The entry of a reported event.
         *
         * @param r the event as the session recorded it
         * @return the entry
         */
        public static RiskEventEntry of(RiskEventReport r) {
            RiskEvent e = r.event();
            return new RiskEventEntry(Instant.ofEpochMilli(e.timeMillis()), r.ruleId(), r.strategy(), e.eventType(),
                    e.code(), e.message(), e.values());
        }
    }

    /**
     * One decision of a signal group.
     *
     * @param time      decision time (a bar's close)
     * @param group     the group's owner id
     * @param policy    {@code UNANIMOUS}, {@code MAJORITY} or {@code WEIGHTED}
     * @param direction the direction traded, or null for no trade
     * @param score     the leading direction's agreement, 0 to 1
     * @param threshold the agreement needed
     * @param outcome   what happened
     * @param votes     one vote per instance of the group
     */
    @JsonPropertyOrder({"time", "group", "policy", "direction", "score", "threshold", "outcome", "votes"})
    public record DecisionEntry(Instant time, String group, String policy, String direction, double score,
                                double threshold, String outcome, List<VoteEntry> votes) {

        /**
         * The entry of a decision.
         *
         * @param d the decision
         * @return the entry, with its votes
         */
        public static DecisionEntry of(SignalDecision d) {
            return new DecisionEntry(Instant.ofEpochMilli(d.timeMillis()), d.group(), d.policy().name(),
                    d.direction() == null ? null : d.direction().name(), d.score(), d.threshold(), d.outcome(),
                    d.votes().stream().map(VoteEntry::of).toList());
        }
    }

    /**
     * What an execution algorithm achieved for one parent order ({@link io.quantplug.api.strategy.ExecutionReport}).
     *
     * @param strategy       the instance that ran it
     * @param algorithm      the algorithm, e.g. {@code twap}
     * @param side           BUY or SELL
     * @param start          when the parent order arrived
     * @param end            when it finished
     * @param targetQuantity the parent quantity, base units
     * @param filledQuantity what filled, base units
     * @param arrivalPrice   the benchmark price at arrival, quote per base
     * @param averagePrice   the average fill price, or null when nothing filled
     * @param slippageBps    side &times; (average &minus; arrival) / arrival &times; 10,000 (Perold's implementation
     *                       shortfall per unit, fees aside; positive is a cost), or null when nothing filled
     * @param childOrders    how many child orders it sent
     */
    @JsonPropertyOrder({"strategy", "algorithm", "side", "start", "end", "targetQuantity", "filledQuantity",
        "arrivalPrice", "averagePrice", "slippageBps", "childOrders"})
    public record ExecutionEntry(String strategy, String algorithm, String side, Instant start, Instant end,
                                 BigDecimal targetQuantity, BigDecimal filledQuantity, double arrivalPrice,
                                 BigDecimal averagePrice, Double slippageBps, int childOrders) {

        static ExecutionEntry of(Execution e) {
            ExecutionReport r = e.report();
            double slippage = r.slippageBps();
            return new ExecutionEntry(e.strategy(), r.algorithm(), r.side().name(),
                    Instant.ofEpochMilli(r.startMillis()), Instant.ofEpochMilli(r.endMillis()), r.targetQuantity(),
                    r.filledQuantity(), r.arrivalPrice(), r.averagePrice(), Double.isNaN(slippage) ? null : slippage,
                    r.childOrders());
        }
    }

    /**
     * One instance's vote.
     *
     * @param instance   the instance id
     * @param direction  what it signalled, or null when it abstained
     * @param strength   its signal's strength
     * @param confidence its signal's confidence
     * @param weight     its weight
     * @param reason     its signal's reason, or null
     */
    @JsonPropertyOrder({"instance", "direction", "strength", "confidence", "weight", "reason"})
    public record VoteEntry(String instance, String direction, double strength, double confidence, double weight,
                            String reason) {

        static VoteEntry of(SignalVote v) {
            return new VoteEntry(v.instance(), v.direction() == null ? null : v.direction().name(), v.strength(),
                    v.confidence(), v.weight(), v.reason());
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
        return of(r, Integer.MAX_VALUE);
    }

    /**
     * Builds the document of a backtest with its equity thinned as {@link #withEquityPoints} thins it, without ever
     * holding a point object per bar (for a run of millions of bars whose whole document is not needed: one that is
     * not stored).
     *
     * @param r         the result
     * @param maxPoints the most equity points to keep, &ge; 8 ({@link Integer#MAX_VALUE} for every one)
     * @return the document
     * @throws IllegalArgumentException when {@code maxPoints < 8}
     */
    public static ResultDocument of(BacktestResult r, int maxPoints) {
        Run run = Run.of(r.config(), r.timeframe().label(), Instant.ofEpochMilli(r.firstBarMillis()),
                Instant.ofEpochMilli(r.lastBarMillis()), r.barCount(), r.parameters());
        EquityCurve curve = r.equity();
        int[] kept = curve.size() > maxPoints ? curve.chartIndices(maxPoints) : null;
        int n = kept == null ? curve.size() : kept.length;
        List<EquityPoint> equity = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = kept == null ? k : kept[k];
            equity.add(new EquityPoint(Instant.ofEpochMilli(curve.timeMillis(i)), curve.equity(i)));
        }
        return new ResultDocument(FORMAT, run, Metrics.of(r.metrics()), r.trades().stream().map(Trade::of).toList(),
                equity, r.rejections().stream().map(RejectionEntry::of).toList(), r.faults(),
                new Counts(r.signalCount(), r.orderCount(), r.fillCount()),
                r.riskEvents().stream().map(RiskEventEntry::of).toList(),
                r.decisions().stream().map(DecisionEntry::of).toList(),
                kept == null ? null : new EquitySampling(curve.size(), n, EquitySampling.LTTB),
                r.executions().stream().map(ExecutionEntry::of).toList(), PerpetualSection.of(r.perpetual()));
    }
}
