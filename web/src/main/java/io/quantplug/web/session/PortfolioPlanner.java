package io.quantplug.web.session;

import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.app.PerpetualLegs;
import io.quantplug.app.PortfolioBooks;
import io.quantplug.app.PortfolioFile;
import io.quantplug.runtime.backtest.BacktestConfigurationException;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.margin.FundingRate;
import io.quantplug.runtime.margin.FundingRates;
import io.quantplug.runtime.margin.FundingUnit;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.web.ApiException;
import io.quantplug.web.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link PortfolioRequest} completely before anything starts — amounts, every instrument's bars (data set
 * or stored series), every extension id and parameter against the catalog, the strategies' instruments and the
 * aggregation — and turns it into the {@link PortfolioConfig} that {@code quantplug backtest --config} would build
 * from the same description ({@link PortfolioBooks}). A refused request is a 400 naming the field under
 * {@code portfolio} ({@code portfolio.instruments[1].dataset}, {@code portfolio.strategies[0].params.slow} …).
 * Thread-safe.
 */
public final class PortfolioPlanner {

    /** Most instruments in one portfolio request. */
    public static final int MAX_INSTRUMENTS = 50;
    private static final String P = "portfolio.";

    /**
     * A checked portfolio run.
     *
     * @param config   the configuration
     * @param strategy the strategy ids, joined by {@code +}
     * @param source   where the bars come from, for people
     * @param bars     bars over all instruments
     */
    public record Plan(PortfolioConfig config, String strategy, String source, long bars) {
    }

    private final RunPlanner runs;

    /**
     * Creates a planner.
     *
     * @param runs reads bars from data sets and the store, and checks extensions, as for single runs
     */
    public PortfolioPlanner(RunPlanner runs) {
        this.runs = runs;
    }

    /**
     * Checks a request.
     *
     * @param p       the portfolio
     * @param catalog the extensions available now
     * @return the plan
     * @throws ApiException 400 naming the first field at fault
     */
    public Plan plan(PortfolioRequest p, ExtensionCatalog catalog) {
        BigDecimal capital = RunPlanner.capital(P + "capital", p.capital());
        BigDecimal fee = RunPlanner.bps(P + "feeBps", p.feeBps(), PortfolioBooks.DEFAULT_FEE_BPS);
        BigDecimal slippage = RunPlanner.bps(P + "slippageBps", p.slippageBps(), BigDecimal.ZERO);
        List<PortfolioRequest.Instrument> instruments = p.instruments();
        if (instruments == null || instruments.isEmpty() || instruments.size() > MAX_INSTRUMENTS) {
            throw ApiException.badField(P + "instruments", "instruments must list 1 to " + MAX_INSTRUMENTS
                    + " instruments, got " + (instruments == null ? 0 : instruments.size()));
        }
        List<PortfolioFile.StrategyEntry> strategies = p.strategies();
        if (strategies == null || strategies.isEmpty()) {
            throw ApiException.badField(P + "strategies", "strategies must list at least one strategy");
        }
        List<PortfolioBooks.Source> sources = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++) {
            sources.add(source(i, Json.required(instruments.get(i), P + "instruments[" + i + "]")));
        }
        List<PortfolioFile.StrategyEntry> checkedStrategies = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            String at = P + "strategies[" + i + "]";
            PortfolioFile.StrategyEntry s = Json.required(strategies.get(i), at);
            ExtensionRef ref = RunPlanner.checked(catalog, ExtensionKind.STRATEGY, null, s.id(), s.params(),
                    at + ".id", at + ".params");
            checkedStrategies.add(new PortfolioFile.StrategyEntry(ref.id(), ref.parameters(), s.instruments(),
                    s.subscribe()));
        }
        List<ExtensionRef> enhancers = refs(catalog, ExtensionKind.ENHANCEMENT, EnhancementKind.SIGNAL_ENHANCER,
                "enhancers", p.enhancers());
        ExtensionRef sizer = p.sizer() == null ? null : ref(catalog, ExtensionKind.ENHANCEMENT,
                EnhancementKind.POSITION_SIZER, P + "sizer", p.sizer());
        List<ExtensionRef> rules = refs(catalog, ExtensionKind.RISK_RULE, null, "riskRules", p.riskRules());
        PortfolioConfig config;
        try {
            config = PortfolioBooks.config(capital, fee, slippage, sources, checkedStrategies, p.aggregation(),
                    enhancers, sizer, rules, (key, message) -> ApiException.badField(P + key, message));
        } catch (BacktestConfigurationException e) {
            String key = e.getMessage().contains("aggregation") ? "aggregation" : "strategies";
            throw ApiException.badField(P + key, e.getMessage());
        }
        PortfolioDocument.Run planned = PortfolioDocument.plannedRun(config);
        List<String> origins = sources.stream().map(PortfolioBooks.Source::origin).toList();
        return new Plan(config, PortfolioDocument.strategyIds(planned), "portfolio of " + sources.size()
                + " instruments: " + String.join(", ", origins), planned.bars());
    }

    private PortfolioBooks.Source source(int index, PortfolioRequest.Instrument in) {
        String at = P + "instruments[" + index + "].";
        PortfolioBooks.Refusal refuse = ApiException::badField;
        boolean perpetual = PerpetualLegs.perpetual(in.market(), at + "market", refuse);
        RunPlanner.Source src = runs.source(at, in.dataset(), in.symbol(),
                in.venue() == null && perpetual ? PerpetualLegs.USDM_VENUE : in.venue(), in.timeframe(), in.from(),
                in.to());
        Instrument instrument = perpetual ? PerpetualLegs.asPerpetual(src.instrument()) : src.instrument();
        List<Bar> bars = src.series().toBars(instrument.id());
        int drop = in.dropLastBars() == null ? 0 : in.dropLastBars();
        if (drop < 0 || drop > bars.size() - 2) {
            throw ApiException.badField(at + "dropLastBars", "dropLastBars must be in 0.." + (bars.size() - 2)
                    + " (a run needs at least 2 bars of the " + bars.size() + "), got " + drop);
        }
        List<Bar> kept = bars.subList(0, bars.size() - drop);
        if (!perpetual && (in.leverage() != null || in.marginMode() != null || in.funding() != null)) {
            throw ApiException.badField(at + "market", "leverage, marginMode and funding go with market usdm (a spot"
                    + " leg has no margin)");
        }
        PerpetualTerms terms = !perpetual ? null : PerpetualLegs.terms(instrument, kept, in.leverage(),
                in.marginMode(), funding(at + "funding", instrument, in.funding(), refuse), null,
                List.of(at + "leverage", at + "marginMode", at + "funding", at + "market"), refuse);
        return new PortfolioBooks.Source(instrument, src.series().timeframe(), kept, src.text(), terms);
    }

    /**
     * The funding rates of a perpetual, sent inline: pairs of epoch milliseconds and a rate in time order, or a
     * funding file's text read as {@code --funding} reads the file.
     *
     * @param at         the request's key of the funding, for refusals
     * @param instrument the perpetual
     * @param f          the funding as sent, may be null
     * @param refuse     makes the refusal
     * @return the rates
     */
    static FundingRates funding(String at, Instrument instrument, PortfolioRequest.Funding f,
                                        PortfolioBooks.Refusal refuse) {
        if (f != null && f.file() != null) {
            if (f.rates() != null) {
                throw refuse.at(at, "give the funding as rates or as a file's text, not both");
            }
            try {
                return FundingRates.parse(at + ".file", f.file(), PerpetualLegs.unit(f.unit(), at + ".unit", refuse));
            } catch (IllegalArgumentException e) {
                throw refuse.at(at + ".file", e.getMessage());
            }
        }
        if (f == null || f.rates() == null || f.rates().isEmpty()) {
            throw refuse.at(at, "a perpetual leg needs the recorded funding rates of " + instrument.id().symbol()
                    + " over its bars: {\"unit\": \"fraction\"|\"percent\", \"rates\": [[timeMillis, rate], ...]}, or"
                    + " {\"unit\": ..., \"file\": \"the text of a funding file\"}");
        }
        FundingUnit unit = PerpetualLegs.unit(f.unit(), at + ".unit", refuse);
        List<FundingRate> rates = new ArrayList<>();
        for (int i = 0; i < f.rates().size(); i++) {
            List<BigDecimal> pair = f.rates().get(i);
            if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
                throw refuse.at(at + ".rates[" + i + "]", "expected [timeMillis, rate]");
            }
            long time = pair.get(0).longValue();
            rates.add(new FundingRate(Math.floorDiv(time, 1000L) * 1000L,
                    (unit == null ? FundingUnit.FRACTION : unit).toFraction(pair.get(1))));
        }
        try {
            return new FundingRates(at, rates);
        } catch (IllegalArgumentException e) {
            throw refuse.at(at + ".rates", e.getMessage());
        }
    }

    private static List<ExtensionRef> refs(ExtensionCatalog catalog, ExtensionKind kind, EnhancementKind ek,
                                           String key, List<PortfolioFile.ExtensionEntry> entries) {
        List<ExtensionRef> out = new ArrayList<>();
        if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                out.add(ref(catalog, kind, ek, P + key + "[" + i + "]", entries.get(i)));
            }
        }
        return out;
    }

    private static ExtensionRef ref(ExtensionCatalog catalog, ExtensionKind kind, EnhancementKind ek, String at,
                                    PortfolioFile.ExtensionEntry e) {
        Json.required(e, at);
        return RunPlanner.checked(catalog, kind, ek, e.id(), e.params() == null ? Map.of() : e.params(), at + ".id",
                at + ".params");
    }
}
