package io.quantplug.app;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.backtest.SignalAggregation;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.session.AggregationPolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a portfolio description ({@code quantplug backtest --config FILE.yaml}, or the {@code portfolio} of
 * {@code POST /api/backtests}) with its loaded bars into a {@link PortfolioConfig}: checks that the instruments share
 * one currency and one bar length and come once each, assigns each strategy entry to the books it names (every book
 * when it names none), and gives each book the aggregation of the entries that trade it. A refusal names the key at
 * fault, as written in the description ({@code strategies[1].instruments}, {@code aggregation.policy}), through the
 * caller's {@link Refusal}, so the command line can prefix the file and the API the body's field. Stateless.
 */
public final class PortfolioBooks {

    /** The account's capital when the description gives none, in the quote asset (as for one instrument). */
    public static final BigDecimal DEFAULT_CAPITAL = BacktestConfig.DEFAULT_CAPITAL;
    /** The fee when the description gives none, bps of notional (as for one instrument). */
    public static final BigDecimal DEFAULT_FEE_BPS = BacktestConfig.DEFAULT_FEE_BPS;

    private PortfolioBooks() {
    }

    /** Makes the exception that refuses a description. */
    @FunctionalInterface
    public interface Refusal {
        /**
         * The exception to throw.
         *
         * @param key     the key at fault, e.g. {@code strategies[0].instruments}
         * @param message what is wrong, one line
         * @return the exception
         */
        RuntimeException at(String key, String message);
    }

    /**
     * One instrument of the description with its bars loaded.
     *
     * @param instrument the instrument
     * @param timeframe  its bars' length
     * @param bars       the bars kept, at least one, oldest first
     * @param origin     where they came from, for messages (a file name, a data set)
     * @param perpetual  the terms a perpetual trades on, or null for spot
     */
    public record Source(Instrument instrument, Timeframe timeframe, List<Bar> bars, String origin,
                         PerpetualTerms perpetual) {

        /**
         * A spot instrument's source.
         *
         * @param instrument the instrument
         * @param timeframe  its bars' length
         * @param bars       the bars kept
         * @param origin     where they came from
         */
        public Source(Instrument instrument, Timeframe timeframe, List<Bar> bars, String origin) {
            this(instrument, timeframe, bars, origin, null);
        }
    }

    /**
     * Builds the configuration.
     *
     * @param capital     initial capital, or null for {@link #DEFAULT_CAPITAL}
     * @param feeBps      fee, or null for {@link #DEFAULT_FEE_BPS}
     * @param slippageBps slippage, or null for 0
     * @param sources     the instruments in the description's order, at least one
     * @param strategies  the strategy entries, at least one, each with an id
     * @param aggregation the aggregation block, or null for each strategy on its own
     * @param enhancers   enhancers
     * @param sizer       the sizer, or null
     * @param riskRules   risk rules
     * @param refuse      makes the exception of a refusal
     * @return the configuration
     * @throws RuntimeException the refusal's exception
     */
    public static PortfolioConfig config(BigDecimal capital, BigDecimal feeBps, BigDecimal slippageBps,
                                         List<Source> sources, List<PortfolioFile.StrategyEntry> strategies,
                                         PortfolioFile.AggregationEntry aggregation, List<ExtensionRef> enhancers,
                                         ExtensionRef sizer, List<ExtensionRef> riskRules, Refusal refuse) {
        checkAccount(sources, refuse);
        List<List<Integer>> tradedBy = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            tradedBy.add(new ArrayList<>());
        }
        List<PortfolioConfig.Linked> linked = new ArrayList<>();
        boolean[] subscribed = new boolean[sources.size()];
        for (int s = 0; s < strategies.size(); s++) {
            PortfolioFile.StrategyEntry entry = strategies.get(s);
            if (entry.subscribe() != null) {
                List<InstrumentId> ids = new ArrayList<>();
                for (String name : entry.subscribe()) {
                    int book = name == null ? -1 : indexOf(sources, name);
                    if (book < 0) {
                        throw refuse.at("strategies[" + s + "].subscribe", "'" + name + "' is none of the"
                                + " instruments (" + String.join(", ", sources.stream()
                                .map(x -> x.instrument().id().toString()).toList()) + ")");
                    }
                    ids.add(sources.get(book).instrument().id());
                    subscribed[book] = true;
                }
                linked.add(new PortfolioConfig.Linked(new ExtensionRef(entry.id().strip(),
                        entry.params() == null ? Map.of() : entry.params()), ids));
                continue;
            }
            List<String> names = entry.instruments();
            if (names == null) {
                for (List<Integer> list : tradedBy) {
                    list.add(s);
                }
                continue;
            }
            for (String name : names) {
                int book = name == null ? -1 : indexOf(sources, name);
                if (book < 0) {
                    throw refuse.at("strategies[" + s + "].instruments", "'" + name + "' is none of the instruments ("
                            + String.join(", ", sources.stream().map(x -> x.instrument().id().symbol()).toList())
                            + ")");
                }
                if (!tradedBy.get(book).contains(s)) {
                    tradedBy.get(book).add(s);
                }
            }
        }
        List<PortfolioConfig.Book> books = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source src = sources.get(i);
            List<Integer> entries = tradedBy.get(i);
            entries.sort(Integer::compare);
            if (entries.isEmpty() && !subscribed[i]) {
                throw refuse.at("instruments[" + i + "]", "no strategy trades " + src.instrument().id().symbol()
                        + " (" + src.origin() + "); list it in a strategy's instruments or remove it");
            }
            List<ExtensionRef> refs = new ArrayList<>();
            for (int s : entries) {
                PortfolioFile.StrategyEntry e = strategies.get(s);
                refs.add(new ExtensionRef(e.id().strip(), e.params() == null ? Map.of() : e.params()));
            }
            books.add(new PortfolioConfig.Book(src.instrument(), src.timeframe(), src.bars(), refs,
                    entries.isEmpty() ? null : aggregation(aggregation, strategies.size(), entries, refuse),
                    src.perpetual()));
        }
        return new PortfolioConfig(capital == null ? DEFAULT_CAPITAL : capital,
                feeBps == null ? DEFAULT_FEE_BPS : feeBps, slippageBps == null ? BigDecimal.ZERO : slippageBps,
                books, enhancers, sizer, riskRules, linked);
    }

    /** One currency and one bar length, and each instrument once, named by origin. */
    private static void checkAccount(List<Source> sources, Refusal refuse) {
        Source first = sources.get(0);
        Map<String, Source> seen = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            Source before = seen.putIfAbsent(s.instrument().id().toString(), s);
            if (before != null) {
                throw refuse.at("instruments[" + i + "]", "instrument " + s.instrument().id() + " comes twice: "
                        + before.origin() + " and " + s.origin());
            }
            if (!s.instrument().quoteAsset().equals(first.instrument().quoteAsset())) {
                throw refuse.at("instruments[" + i + "]", "mixed quote currencies: " + first.origin() + " ("
                        + first.instrument().id() + ") is quoted in " + first.instrument().quoteAsset() + ", "
                        + s.origin() + " (" + s.instrument().id() + ") in " + s.instrument().quoteAsset()
                        + "; one account needs one currency");
            }
            if (!s.timeframe().equals(first.timeframe())) {
                throw refuse.at("instruments[" + i + "]", "mixed timeframes: " + first.origin() + " has "
                        + first.timeframe().label() + " bars, " + s.origin() + " " + s.timeframe().label()
                        + "; every instrument needs the same bar length");
            }
        }
    }

    private static int indexOf(List<Source> sources, String name) {
        for (int i = 0; i < sources.size(); i++) {
            Instrument in = sources.get(i).instrument();
            if (in.id().symbol().equalsIgnoreCase(name.strip()) || in.id().toString().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** The aggregation for one book: WEIGHTED keeps the weights of the entries that trade it. */
    private static SignalAggregation aggregation(PortfolioFile.AggregationEntry a, int entryCount,
                                                 List<Integer> entries, Refusal refuse) {
        if (a == null || a.policy() == null) {
            return SignalAggregation.none();
        }
        AggregationPolicy policy;
        try {
            policy = AggregationPolicy.valueOf(a.policy().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refuse.at("aggregation.policy", "'" + a.policy()
                    + "' is not one of none, unanimous, majority, weighted");
        }
        if (policy != AggregationPolicy.WEIGHTED) {
            if (a.weights() != null || a.threshold() != null) {
                throw refuse.at("aggregation", "weights and threshold go with policy weighted only");
            }
            return policy == AggregationPolicy.NONE ? SignalAggregation.none()
                    : new SignalAggregation(policy, List.of(), 1);
        }
        if (a.weights() == null || a.weights().size() != entryCount || a.threshold() == null) {
            throw refuse.at("aggregation", "weighted needs a threshold and one weight per strategy entry ("
                    + entryCount + ")");
        }
        List<Double> weights = entries.stream().map(s -> a.weights().get(s)).toList();
        return SignalAggregation.weighted(weights, a.threshold());
    }
}
