package io.quantplug.runtime.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quantplug.api.ApiVersion;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.InstrumentSummary;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.backtest.PortfolioResult;
import io.quantplug.runtime.backtest.StrategySummary;
import io.quantplug.runtime.session.PluginFault;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code result.json} of a portfolio backtest ({@code quantplug backtest --config}): the blocks of
 * {@link ResultDocument} for the whole account ({@code metrics}, {@code trades}, {@code equity}, {@code rejections},
 * {@code faults}, {@code counts}, {@code riskEvents}, {@code decisions}, written the same way), a {@code run} block
 * describing the account and its books, and the breakdowns {@code strategies} (one entry per strategy entry of the
 * configuration) and {@code instruments} (one per book). Every trade names its strategy instance and instrument.
 *
 * @param format      document format version, {@code quantplug-portfolio-result/1}
 * @param run         what ran
 * @param metrics     the account's metrics
 * @param strategies  the result per strategy entry
 * @param instruments the result per instrument
 * @param trades      closed round trips of every instrument, in exit order
 * @param equity      the account's equity curve: the start, then one point per distinct bar time
 * @param rejections  refused orders, in time order
 * @param faults      plugin callbacks that failed
 * @param counts      signal, order and fill counts
 * @param riskEvents  events risk rules reported, in the order reported
 * @param decisions   the signal groups' decisions, in order
 * @param equitySampling how {@code equity} was thinned, or null when it holds every point (see
 *                    {@link ResultDocument#withEquityPoints})
 * @param perpetual   the perpetual legs' funding payments and liquidations (with the first perpetual's leverage and
 *                    margin mode); absent without perpetual legs
 */
@JsonPropertyOrder({"format", "run", "metrics", "strategies", "instruments", "trades", "equity", "equitySampling",
    "rejections", "faults", "counts", "riskEvents", "decisions", "perpetual"})
public record PortfolioDocument(String format, Run run, ResultDocument.Metrics metrics,
                                List<StrategyEntry> strategies, List<InstrumentEntry> instruments,
                                List<ResultDocument.Trade> trades, List<ResultDocument.EquityPoint> equity,
                                List<ResultDocument.RejectionEntry> rejections, List<PluginFault> faults,
                                ResultDocument.Counts counts, List<ResultDocument.RiskEventEntry> riskEvents,
                                List<ResultDocument.DecisionEntry> decisions,
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                ResultDocument.EquitySampling equitySampling,
                                @JsonInclude(JsonInclude.Include.NON_NULL) PerpetualSection perpetual) {

    /** The format identifier written in every portfolio document. */
    public static final String FORMAT = "quantplug-portfolio-result/1";

    /**
     * This document with the account's equity thinned to at most {@code maxPoints} points, as
     * {@link ResultDocument#withEquityPoints} does.
     *
     * @param maxPoints the most points to keep, &ge; 8
     * @return the thinned document, or this one when it has no more points than that
     * @throws IllegalArgumentException when {@code maxPoints < 8}
     */
    public PortfolioDocument withEquityPoints(int maxPoints) {
        EquitySampled s = EquitySampled.of(equity, maxPoints, equitySampling);
        return s == null ? this : new PortfolioDocument(format, run, metrics, strategies, instruments, trades,
                s.points(), rejections, faults, counts, riskEvents, decisions, s.sampling(), perpetual);
    }

    /**
     * What ran.
     *
     * @param apiVersion  Quantplug API version of the runtime
     * @param timeframe   bar length every book shares, e.g. {@code 1h}
     * @param from        the earliest bar's open time
     * @param to          the latest bar's open time
     * @param bars        bars processed over all books
     * @param currency    account currency
     * @param capital     initial capital
     * @param feeBps      fee, bps of notional
     * @param slippageBps slippage, bps of price
     * @param books       the instruments, with their strategies
     * @param enhancers   enhancer references, {@code id:k=v,...}
     * @param sizer       sizer reference, or null
     * @param riskRules   risk rule references
     * @param parameters  resolved parameters by {@code INSTRUMENT/role:id}
     */
    @JsonPropertyOrder({"apiVersion", "timeframe", "from", "to", "bars", "currency", "capital", "feeBps",
        "slippageBps", "books", "enhancers", "sizer", "riskRules", "parameters"})
    public record Run(String apiVersion, String timeframe, Instant from, Instant to, long bars, String currency,
                      BigDecimal capital, BigDecimal feeBps, BigDecimal slippageBps, List<BookEntry> books,
                      List<String> enhancers, String sizer, List<String> riskRules,
                      Map<String, Map<String, String>> parameters) {
    }

    /**
     * One book of the configuration.
     *
     * @param instrument  instrument id, {@code SYMBOL.VENUE}
     * @param from        its first bar's open time
     * @param to          its last bar's open time
     * @param bars        its bar count
     * @param tickSize    the instrument's tick size
     * @param lotSize     the instrument's lot size
     * @param strategies  strategy references, {@code id:k=v,...}, in instance order
     * @param aggregation {@code NONE}, {@code UNANIMOUS}, {@code MAJORITY} or
     *                    {@code WEIGHTED:threshold=T,weights=W1;W2;...}
     */
    @JsonPropertyOrder({"instrument", "from", "to", "bars", "tickSize", "lotSize", "strategies", "aggregation"})
    public record BookEntry(String instrument, Instant from, Instant to, long bars, BigDecimal tickSize,
                            BigDecimal lotSize, List<String> strategies, String aggregation) {
    }

    /**
     * One strategy entry's result; see {@link StrategySummary}.
     *
     * @param strategy     the entry as configured
     * @param instruments  the instrument ids it was configured on
     * @param trades       closed round trips
     * @param netPnl       their P&amp;L after fees
     * @param fees         their fees
     * @param winRate      fraction of trips with positive P&amp;L, or null without trips
     * @param profitFactor gross profit over gross loss, or null without a loss
     * @param averageTrade mean P&amp;L per trip, or null without trips
     */
    @JsonPropertyOrder({"strategy", "instruments", "trades", "netPnl", "fees", "winRate", "profitFactor",
        "averageTrade"})
    public record StrategyEntry(String strategy, List<String> instruments, int trades, BigDecimal netPnl,
                                BigDecimal fees, Double winRate, Double profitFactor, BigDecimal averageTrade) {

        static StrategyEntry of(StrategySummary s) {
            return new StrategyEntry(s.strategy(), s.instruments().stream().map(Object::toString).toList(),
                    s.trades(), s.netPnl(), s.fees(), finite(s.winRate()), finite(s.profitFactor()),
                    s.averageTrade());
        }
    }

    /**
     * One instrument's result; see {@link InstrumentSummary}.
     *
     * @param instrument instrument id
     * @param bars       its bars processed
     * @param trades     its closed round trips
     * @param netPnl     their P&amp;L after fees
     * @param fees       their fees
     * @param funding    a perpetual's funding (received positive, paid negative); absent for spot
     */
    @JsonPropertyOrder({"instrument", "bars", "trades", "netPnl", "fees", "funding"})
    public record InstrumentEntry(String instrument, long bars, int trades, BigDecimal netPnl, BigDecimal fees,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal funding) {

        static InstrumentEntry of(InstrumentSummary s) {
            return new InstrumentEntry(s.instrument().toString(), s.bars(), s.trades(), s.netPnl(), s.fees(),
                    s.funding());
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Builds the document of a portfolio backtest.
     *
     * @param r the result
     * @return the document
     */
    public static PortfolioDocument of(PortfolioResult r) {
        Run run = run(r.config(), Instant.ofEpochMilli(r.firstBarMillis()), Instant.ofEpochMilli(r.lastBarMillis()),
                r.barCount(), r.parameters());
        List<ResultDocument.EquityPoint> equity = new ArrayList<>();
        EquityCurve curve = r.equity();
        for (int i = 0; i < curve.size(); i++) {
            equity.add(new ResultDocument.EquityPoint(Instant.ofEpochMilli(curve.timeMillis(i)), curve.equity(i)));
        }
        return new PortfolioDocument(FORMAT, run, ResultDocument.Metrics.of(r.metrics()),
                r.strategies().stream().map(StrategyEntry::of).toList(),
                r.instruments().stream().map(InstrumentEntry::of).toList(),
                r.trades().stream().map(ResultDocument.Trade::of).toList(), equity,
                r.rejections().stream().map(ResultDocument.RejectionEntry::of).toList(), r.faults(),
                new ResultDocument.Counts(r.signalCount(), r.orderCount(), r.fillCount()),
                r.riskEvents().stream().map(ResultDocument.RiskEventEntry::of).toList(),
                r.decisions().stream().map(ResultDocument.DecisionEntry::of).toList(), null,
                PerpetualSection.of(r.perpetual()));
    }

    /**
     * The {@code run} block known before a portfolio backtest runs: its parameters as configured (by
     * {@code INSTRUMENT/strategy:id}), to be replaced by the resolved ones of {@link #of(PortfolioResult)}.
     *
     * @param c the configuration
     * @return the block; {@code from} and {@code to} span every book's bars, {@code bars} counts them all
     */
    public static Run plannedRun(PortfolioConfig c) {
        Map<String, Map<String, String>> parameters = new TreeMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long bars = 0;
        for (int i = 0; i < c.books().size(); i++) {
            PortfolioConfig.Book b = c.books().get(i);
            for (ExtensionRef s : c.bookConfig(i).strategies()) {
                parameters.put(b.instrument().id() + "/strategy:" + s.id(), s.parameters());
            }
            first = Math.min(first, b.bars().get(0).openTimeMillis());
            last = Math.max(last, b.bars().get(b.bars().size() - 1).openTimeMillis());
            bars += b.bars().size();
        }
        return run(c, Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), bars, parameters);
    }

    private static Run run(PortfolioConfig c, Instant from, Instant to, long bars,
                           Map<String, Map<String, String>> parameters) {
        List<BookEntry> books = new ArrayList<>();
        for (int i = 0; i < c.books().size(); i++) {
            PortfolioConfig.Book b = c.books().get(i);
            // its own strategies, then the multi-instrument ones that trade it too
            books.add(new BookEntry(b.instrument().id().toString(), b.bars().get(0).openTime(),
                    b.bars().get(b.bars().size() - 1).openTime(), b.bars().size(), b.instrument().tickSize(),
                    b.instrument().lotSize(), c.bookConfig(i).strategies().stream().map(ExtensionRef::toString)
                    .toList(), b.aggregation().describe()));
        }
        return new Run(ApiVersion.CURRENT, c.timeframe().label(), from, to, bars, c.currency(), c.initialCapital(),
                c.feeBps(), c.slippageBps(), books, c.enhancers().stream().map(ExtensionRef::toString).toList(),
                c.sizer() == null ? null : c.sizer().toString(),
                c.riskRules().stream().map(ExtensionRef::toString).toList(), new TreeMap<>(parameters));
    }

    /**
     * The account's part of this document as a single-run {@link ResultDocument}, for tools that print one (the
     * metrics table): its instrument is {@code N instruments}, its strategy the configured strategy ids joined by
     * {@code +}.
     *
     * @return the document's account view
     */
    public ResultDocument accountView() {
        ResultDocument.Run single = new ResultDocument.Run(run.apiVersion(), run.books().size() + " instruments",
                run.timeframe(), run.from(), run.to(), run.bars(), run.currency(), run.capital(), run.feeBps(),
                run.slippageBps(), null, null, strategyIds(run), run.enhancers(), run.sizer(), run.riskRules(),
                run.parameters());
        return new ResultDocument(ResultDocument.FORMAT, single, metrics, trades, equity, rejections, faults, counts,
                riskEvents, decisions, equitySampling, List.of(), perpetual);
    }

    /**
     * The configured strategy ids of a run, each once in order of first appearance, joined by {@code +}, e.g.
     * {@code sma-crossover+rsi-reversion}: the strategy a stored portfolio run is listed under.
     *
     * @param run a portfolio run block
     * @return the joined ids
     */
    public static String strategyIds(Run run) {
        Set<String> ids = new LinkedHashSet<>();
        for (BookEntry b : run.books()) {
            for (String s : b.strategies()) {
                int colon = s.indexOf(':');
                ids.add(colon < 0 ? s : s.substring(0, colon));
            }
        }
        return String.join("+", ids);
    }

    /**
     * The breakdowns of this document, {@code strategies} and {@code instruments}, as a stored portfolio run keeps
     * them beside the account's rows.
     *
     * @param strategies  the result per strategy entry
     * @param instruments the result per instrument
     */
    public record Breakdown(List<StrategyEntry> strategies, List<InstrumentEntry> instruments) {
    }

    /**
     * A document put together again from a stored run: the portfolio's own blocks with the account's blocks of its
     * stored single-run view.
     *
     * @param run       the portfolio run block
     * @param breakdown the per-strategy and per-instrument results
     * @param account   the account's metrics, trades, equity, rejections, faults, counts, risk events and decisions
     * @return the document
     */
    public static PortfolioDocument of(Run run, Breakdown breakdown, ResultDocument account) {
        return new PortfolioDocument(FORMAT, run, account.metrics(), breakdown.strategies(), breakdown.instruments(),
                account.trades(), account.equity(), account.rejections(), account.faults(), account.counts(),
                account.riskEvents(), account.decisions(), account.equitySampling(), account.perpetual());
    }
}
