package io.quantplug.web.session;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.app.ExchangeAdapters;
import io.quantplug.app.InstrumentResolver;
import io.quantplug.app.PerpetualLegs;
import io.quantplug.app.PortfolioBooks;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.ApiException;
import io.quantplug.web.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link RunRequest} completely before anything starts — extension ids against the catalog, every
 * parameter against its schema, amounts against their ranges, the bars' source — and turns it into what the
 * {@link io.quantplug.runtime.backtest.Backtester} runs. A refused request is a 400 naming the field
 * ({@code parameters.slow}, {@code riskRules[0].parameters.maxPct}, {@code capital} …). Thread-safe.
 */
public final class RunPlanner {

    /** Most warm-up bars an exchange instance may ask for. */
    static final long MAX_WARM_UP_BARS = 10_000;

    /**
     * A checked run.
     *
     * @param config    the backtest configuration
     * @param timeframe the bar length
     * @param bars      the bars, oldest first, at least 2; empty for live bars from an exchange
     * @param source    where the bars come from, for people
     * @param exchange  the exchange the bars come from live, or null for stored or uploaded bars
     * @param perpetual the terms of a USDⓈ-M perpetual (leverage, margin mode, brackets, funding), or null for spot
     */
    public record Plan(BacktestConfig config, Timeframe timeframe, List<Bar> bars, String source,
                       ExchangePlan exchange, PerpetualTerms perpetual) {

        /**
         * A plan on stored or uploaded bars.
         *
         * @param config    the configuration
         * @param timeframe the bar length
         * @param bars      the bars
         * @param source    where they come from, for people
         */
        public Plan(BacktestConfig config, Timeframe timeframe, List<Bar> bars, String source) {
            this(config, timeframe, bars, source, null, null);
        }
    }

    /**
     * The exchange an instance takes its live bars from, checked: the adapter exists, its parameters are valid and
     * it lists the symbol; for a live instance also that it can trade (API keys in the server's environment) and,
     * on {@code mainnet}, that the request has a risk rule or waives it.
     *
     * @param id               the adapter id
     * @param parameters       its parameters as given
     * @param symbol           the symbol as the exchange lists it
     * @param warmUpBars       closed bars of history to warm up on, &ge; 0, or null for the strategy's declared
     *                         warm-up
     * @param live             whether orders go to the exchange (else simulated fills)
     * @param flattenOnStop    live only: whether the end of a run closes the open position
     * @param allowNoRiskRules live only: whether mainnet without a risk rule of the request's was asked for
     */
    public record ExchangePlan(String id, Map<String, String> parameters, String symbol, Long warmUpBars,
                               boolean live, boolean flattenOnStop, boolean allowNoRiskRules) {
    }

    private final DataSets dataSets;
    private final Store store;

    /**
     * Creates a planner.
     *
     * @param dataSets uploaded data sets
     * @param store    stored bars
     */
    public RunPlanner(DataSets dataSets, Store store) {
        this.dataSets = dataSets;
        this.store = store;
    }

    /**
     * Checks a request.
     *
     * @param r         the request
     * @param catalog   the extensions available now
     * @param extraRisk risk rules the server adds (e.g. the kill switch), after the request's
     * @return the plan
     * @throws ApiException 400 naming the first field at fault
     */
    public Plan plan(RunRequest r, ExtensionCatalog catalog, List<ExtensionRef> extraRisk) {
        String strategy = Json.required(r.strategy(), "strategy");
        ExtensionRef strategyRef = checked(catalog, ExtensionKind.STRATEGY, null, strategy, r.parameters(),
                "strategy", "parameters");
        List<ExtensionRef> enhancers = new ArrayList<>();
        List<RunRequest.Extension> es = r.enhancers() == null ? List.of() : r.enhancers();
        for (int i = 0; i < es.size(); i++) {
            enhancers.add(checked(catalog, ExtensionKind.ENHANCEMENT, EnhancementKind.SIGNAL_ENHANCER,
                    Json.required(es.get(i), "enhancers[" + i + "]").id(), es.get(i).parameters(),
                    "enhancers[" + i + "].id", "enhancers[" + i + "].parameters"));
        }
        ExtensionRef sizer = r.sizer() == null ? null : checked(catalog, ExtensionKind.ENHANCEMENT,
                EnhancementKind.POSITION_SIZER, r.sizer().id(), r.sizer().parameters(), "sizer.id",
                "sizer.parameters");
        List<ExtensionRef> rules = new ArrayList<>();
        List<RunRequest.Extension> rs = r.riskRules() == null ? List.of() : r.riskRules();
        for (int i = 0; i < rs.size(); i++) {
            rules.add(checked(catalog, ExtensionKind.RISK_RULE, null,
                    Json.required(rs.get(i), "riskRules[" + i + "]").id(), rs.get(i).parameters(),
                    "riskRules[" + i + "].id", "riskRules[" + i + "].parameters"));
        }
        rules.addAll(extraRisk);
        BigDecimal capital = capital("capital", r.capital());
        BigDecimal fee = bps("feeBps", r.feeBps(), BacktestConfig.DEFAULT_FEE_BPS);
        BigDecimal slippage = bps("slippageBps", r.slippageBps(), BigDecimal.ZERO);

        if (r.exchange() != null) {
            return exchangePlan(r, catalog, capital, fee, slippage, strategyRef, enhancers, sizer, rules);
        }
        PortfolioBooks.Refusal refuse = ApiException::badField;
        boolean perpetual = PerpetualLegs.perpetual(r.market(), "market", refuse);
        if (!perpetual && (r.leverage() != null || r.marginMode() != null || r.funding() != null)) {
            throw ApiException.badField("market", "leverage, marginMode and funding go with market usdm (a spot"
                    + " account has no margin)");
        }
        Source src = source(r);
        Instrument instrument = perpetual ? PerpetualLegs.asPerpetual(src.instrument()) : src.instrument();
        List<Bar> bars = src.series().toBars(instrument.id());
        PerpetualTerms terms = !perpetual ? null : PerpetualLegs.terms(instrument, bars, r.leverage(),
                r.marginMode(), PortfolioPlanner.funding("funding", instrument, r.funding(), refuse), null,
                List.of("leverage", "marginMode", "funding", "market"), refuse);
        BacktestConfig config = new BacktestConfig(instrument, capital, fee, slippage, strategyRef, enhancers,
                sizer, rules);
        return new Plan(config, src.series().timeframe(), bars, src.text(), null, terms);
    }

    /**
     * An instance on an exchange's live bars, paper or live: the adapter is opened once here to check its parameters,
     * find the instrument (tick and lot size as the exchange lists them) and, for a live instance, that it can trade;
     * then closed; the instance opens it again when it starts.
     */
    private static Plan exchangePlan(RunRequest r, ExtensionCatalog catalog, BigDecimal capital, BigDecimal fee,
                                     BigDecimal slippage, ExtensionRef strategy, List<ExtensionRef> enhancers,
                                     ExtensionRef sizer, List<ExtensionRef> rules) {
        RunRequest.Exchange x = r.exchange();
        for (String[] f : new String[][] {{"dataset", r.dataset()}, {"from", r.from()}, {"to", r.to()}}) {
            if (f[1] != null) {
                throw ApiException.badField(f[0], f[0] + " is for stored bars, not an exchange's live bars");
            }
        }
        if (r.speed() != null) {
            throw ApiException.badField("speed", "an instance on an exchange takes its bars as they close");
        }
        if (PerpetualLegs.perpetual(r.market(), "market", ApiException::badField) || r.leverage() != null
                || r.marginMode() != null || r.funding() != null) {
            throw ApiException.badField("market", "an instance on an exchange's live bars trades spot; a perpetual"
                    + " (market usdm) runs on stored or uploaded bars");
        }
        String id = Json.required(x.id(), "exchange.id");
        String symbol = Json.required(r.symbol(), "symbol");
        Timeframe timeframe;
        try {
            timeframe = Timeframe.parse(Json.required(r.timeframe(), "timeframe"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("timeframe", e.getMessage());
        }
        Long warmUp = x.warmupBars();
        if (warmUp != null && (warmUp < 0 || warmUp > MAX_WARM_UP_BARS)) {
            throw ApiException.badField("exchange.warmupBars", "warmupBars must be in 0.." + MAX_WARM_UP_BARS
                    + ", got " + warmUp);
        }
        Map<String, String> params = x.parameters() == null ? Map.of() : new LinkedHashMap<>(x.parameters());
        boolean live = x.mode() == RunRequest.Mode.LIVE;
        liveOptions(r, live, params);
        Set<ExchangeCapability> needed = EnumSet.of(ExchangeCapability.INSTRUMENTS, ExchangeCapability.LIVE_BARS);
        if (warmUp == null || warmUp > 0) {
            needed.add(ExchangeCapability.HISTORICAL_BARS);
        }
        if (live) {
            needed.add(ExchangeCapability.ORDER_EXECUTION);
            needed.add(ExchangeCapability.BALANCES);
        }
        Instrument instrument;
        try (ExchangeAdapter adapter = ExchangeAdapters.open(catalog, id, params, needed)) {
            instrument = ExchangeAdapters.instrument(adapter, id, symbol);
        } catch (UserInputException e) {
            if (live && e.getMessage().contains(ExchangeCapability.ORDER_EXECUTION.name())) {
                throw ApiException.badField("exchange.mode", "a LIVE instance needs exchange '" + id + "' to trade,"
                        + " with API keys from the server's environment (none are taken from a request; for binance"
                        + " QUANTPLUG_BINANCE_API_KEY and QUANTPLUG_BINANCE_API_SECRET, or ..._FILE): "
                        + Json.brief(e.getMessage()));
            }
            throw ApiException.badField(e.getMessage().startsWith("--symbol") ? "symbol" : "exchange",
                    Json.brief(e.getMessage()));
        } catch (java.io.UncheckedIOException e) {
            throw new ApiException(502, "exchange_unavailable", "exchange", "exchange '" + id + "' failed: "
                    + Json.brief(e.getMessage()));
        }
        BacktestConfig config = new BacktestConfig(instrument, capital, fee, slippage, strategy, enhancers, sizer,
                rules);
        return new Plan(config, timeframe, List.of(), id + " " + instrument.id().symbol() + " " + timeframe.label()
                + (live ? " (live, LIVE orders)" : " (live)"), new ExchangePlan(id, params, symbol, warmUp, live,
                Boolean.TRUE.equals(x.flattenOnStop()), Boolean.TRUE.equals(x.allowNoRiskRules())), null);
    }

    /**
     * Checks the options of a live instance: {@code flattenOnStop} and {@code allowNoRiskRules} go with
     * {@code LIVE} only, and live trading on {@code mainnet} needs a risk rule of the request's (the server's kill
     * switch does not count) unless {@code allowNoRiskRules}, as {@code quantplug live} needs a {@code --risk}.
     */
    private static void liveOptions(RunRequest r, boolean live, Map<String, String> params) {
        RunRequest.Exchange x = r.exchange();
        if (!live) {
            for (String[] f : new String[][] {{"exchange.flattenOnStop", String.valueOf(x.flattenOnStop())},
                    {"exchange.allowNoRiskRules", String.valueOf(x.allowNoRiskRules())}}) {
                if (!"null".equals(f[1])) {
                    throw ApiException.badField(f[0], f[0].substring("exchange.".length())
                            + " is for LIVE instances (exchange.mode LIVE)");
                }
            }
            return;
        }
        if ("mainnet".equals(params.get("network")) && (r.riskRules() == null || r.riskRules().isEmpty())
                && !Boolean.TRUE.equals(x.allowNoRiskRules())) {
            throw ApiException.badField("riskRules", "live trading on mainnet needs at least one risk rule; to trade"
                    + " real money without any, set exchange.allowNoRiskRules to true");
        }
    }

    /**
     * A request's bars, read again from their source (for the chart of a finished run).
     *
     * @param r the request, as it was planned
     * @return the bars, oldest first
     * @throws ApiException 400/409 when the source is no longer there
     */
    public List<Bar> bars(RunRequest r) {
        Source src = source(r);
        return src.series().toBars(src.instrument().id());
    }

    /**
     * Bars and their instrument, read from a data set or the store.
     *
     * @param instrument the instrument
     * @param series     the bars
     * @param text       where they come from, for people
     */
    record Source(Instrument instrument, BarSeries series, String text) {
    }

    private Source source(RunRequest r) {
        return source("", r.dataset(), r.symbol(), r.venue(), r.timeframe(), r.from(), r.to());
    }

    /**
     * Reads the bars a request names: an uploaded data set, or a stored series by symbol, venue and timeframe,
     * optionally limited to {@code [from, to)}. Refusals name {@code prefix} + the field, e.g.
     * {@code portfolio.instruments[1].dataset}.
     *
     * @param prefix    put before every field name, {@code ""} for a plain request
     * @param dataset   a data set's name, or null for stored bars
     * @param symbol    the symbol (optional with a data set)
     * @param venue     the venue, or null for {@code BINANCE}
     * @param timeframe the stored series' bar length (not with a data set)
     * @param fromText  the first open time, or null
     * @param toText    bars opening before this, or null
     * @return the bars, at least 2
     * @throws ApiException 400 naming the field at fault
     */
    Source source(String prefix, String dataset, String symbol, String venue, String timeframe, String fromText,
                  String toText) {
        long from = time(prefix + "from", fromText, Long.MIN_VALUE);
        long to = time(prefix + "to", toText, Long.MAX_VALUE);
        if (from >= to) {
            throw ApiException.badField(prefix + "to", "to must be after from, got from " + Json.brief(fromText)
                    + " and to " + Json.brief(toText));
        }
        Instrument instrument;
        BarSeries series;
        String source;
        if (dataset != null) {
            if (timeframe != null) {
                throw ApiException.badField(prefix + "timeframe",
                        "timeframe selects stored bars; a data set has its own");
            }
            LoadedBars loaded = dataSets.load(dataset, prefix + "dataset");
            series = from == Long.MIN_VALUE && to == Long.MAX_VALUE ? loaded.series()
                    : loaded.series().slice(from, to);
            try {
                instrument = InstrumentResolver.resolve(symbol, venue(venue), dataSets.file(dataset), series,
                        null, null, null);
            } catch (UserInputException e) {
                throw ApiException.badField(prefix + "symbol", e.getMessage().replace("--symbol", "symbol"));
            }
            source = "data set " + dataset;
        } else {
            String sym = Json.required(symbol, prefix + "symbol");
            Timeframe tf;
            try {
                tf = Timeframe.parse(Json.required(timeframe, prefix + "timeframe"));
            } catch (IllegalArgumentException e) {
                throw ApiException.badField(prefix + "timeframe", e.getMessage());
            }
            InstrumentId id;
            try {
                id = InstrumentId.of(sym.toUpperCase(java.util.Locale.ROOT), venue(venue));
            } catch (IllegalArgumentException e) {
                throw ApiException.badField(prefix + "symbol", e.getMessage());
            }
            instrument = store.bars().instrument(id).orElseThrow(() -> ApiException.badField(prefix + "symbol",
                    "no stored bars of " + id + " (see GET /api/datasets)"));
            series = store.bars().read(id, tf, from, to);
            source = "stored " + id + " " + tf.label();
        }
        if (series.size() < 2) {
            throw ApiException.badField(prefix + (dataset != null ? "dataset" : "symbol"), series.size()
                    + " bar(s) in the range; a run needs at least 2");
        }
        return new Source(instrument, series, source);
    }

    private static String venue(String venue) {
        return venue == null || venue.isBlank() ? "BINANCE" : venue.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The initial capital, default 10,000, refused naming {@code field} unless in (0, 10^12]. */
    static BigDecimal capital(String field, BigDecimal value) {
        BigDecimal capital = value == null ? BacktestConfig.DEFAULT_CAPITAL : value;
        if (capital.signum() <= 0 || capital.compareTo(BacktestConfig.MAX_CAPITAL) > 0) {
            throw ApiException.badField(field, "capital must be > 0 and at most 10^12, got "
                    + BacktestConfig.brief(capital));
        }
        return capital;
    }

    static BigDecimal bps(String field, BigDecimal value, BigDecimal fallback) {
        BigDecimal v = value == null ? fallback : value;
        if (v.signum() < 0 || v.compareTo(BacktestConfig.MAX_BPS) > 0) {
            throw ApiException.badField(field, field + " must be in 0..1000 bps, got " + BacktestConfig.brief(v));
        }
        return v;
    }

    /** {@link TimeArgument#parse}, or {@code absent} for no text; refused naming the field. */
    static long time(String field, String text, long absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return TimeArgument.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(field, field + ": " + Json.brief(e.getMessage()));
        }
    }

    /**
     * An extension reference checked against the catalog: the id exists with that kind, every parameter is valid.
     *
     * @return the reference with the raw parameters and the typed values resolved from them, which the session uses
     *         without resolving again
     * @throws ApiException 400 naming {@code idField}, or {@code paramsField.NAME}
     */
    static ExtensionRef checked(ExtensionCatalog catalog, ExtensionKind kind, EnhancementKind enhancementKind,
                                        String id, Map<String, String> raw, String idField, String paramsField) {
        Json.required(id, idField);
        Optional<ExtensionProvider> found = catalog.find(kind, id).map(e -> e.provider());
        if (found.isEmpty() || enhancementKind != null
                && ((EnhancementProvider) found.get()).kind() != enhancementKind) {
            throw ApiException.badField(idField, "no " + label(kind, enhancementKind) + " '" + id + "'; available: "
                    + String.join(", ", available(catalog, kind, enhancementKind)));
        }
        Map<String, String> params = raw == null ? Map.of() : new LinkedHashMap<>(raw);
        try {
            return ExtensionRef.checked(id, params, found.get().descriptor().parameters().resolve(params));
        } catch (InvalidParameterException e) {
            throw ApiException.badField(paramsField + "." + e.parameter(), e.getMessage());
        }
    }

    private static List<String> available(ExtensionCatalog catalog, ExtensionKind kind, EnhancementKind ek) {
        return catalog.ofKind(kind).stream()
                .filter(e -> ek == null || ((EnhancementProvider) e.provider()).kind() == ek)
                .map(e -> e.id()).sorted().toList();
    }

    private static String label(ExtensionKind kind, EnhancementKind ek) {
        if (ek != null) {
            return ek == EnhancementKind.SIGNAL_ENHANCER ? "signal enhancer" : "position sizer";
        }
        return kind == ExtensionKind.STRATEGY ? "strategy" : "risk rule";
    }
}
