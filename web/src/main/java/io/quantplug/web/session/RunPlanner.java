package io.quantplug.web.session;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.app.InstrumentResolver;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.ApiException;
import io.quantplug.web.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link RunRequest} completely before anything starts — extension ids against the catalog, every
 * parameter against its schema, amounts against their ranges, the bars' source — and turns it into what the
 * {@link io.quantplug.runtime.backtest.Backtester} runs. A refused request is a 400 naming the field
 * ({@code parameters.slow}, {@code riskRules[0].parameters.maxPct}, {@code capital} …). Thread-safe.
 */
public final class RunPlanner {

    /**
     * A checked run.
     *
     * @param config    the backtest configuration
     * @param timeframe the bar length
     * @param bars      the bars, oldest first, at least 2
     * @param source    where the bars come from, for people
     */
    public record Plan(BacktestConfig config, Timeframe timeframe, List<Bar> bars, String source) {
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

        Source src = source(r);
        BacktestConfig config = new BacktestConfig(src.instrument(), capital, fee, slippage, strategyRef, enhancers,
                sizer, rules);
        return new Plan(config, src.series().timeframe(), src.series().toBars(src.instrument().id()), src.text());
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
