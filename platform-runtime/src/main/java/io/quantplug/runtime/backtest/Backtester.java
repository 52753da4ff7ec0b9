package io.quantplug.runtime.backtest;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.MetricsCalculator;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.internal.engine.Bound;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.SessionListener;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs backtests with the extensions of a catalog. Each {@link #run} builds a fresh session on the calling thread,
 * which becomes the session's engine thread; runs are independent and may go on different threads at once.
 *
 * <p>Every strategy of the configuration becomes an instance of the session ({@link BacktestConfig#instanceIds()}),
 * sharing one account; with an aggregation policy other than {@code NONE} they trade as one signal group. The
 * resolved parameters are reported under {@code strategy:ID} for a single strategy and {@code strategy:INSTANCE} for
 * several.
 */
public final class Backtester {

    private static final int PROGRESS_EVERY = 1 << 14;
    private static final int HISTORY_BARS = 1_000;

    private final ExtensionCatalog catalog;

    /**
     * Creates a backtester.
     *
     * @param catalog where extension ids are looked up
     */
    public Backtester(ExtensionCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Runs a backtest.
     *
     * @param config    what to run
     * @param timeframe the bar length of {@code bars}
     * @param bars      the bars, of the configured instrument, in strictly ascending open time; at least one
     * @param progress  receives progress
     * @return the result
     * @throws BacktestConfigurationException when an extension id is unknown, a parameter is invalid, or an extension
     *                                        cannot be created
     * @throws IllegalArgumentException       when there are no bars or a bar is of another instrument
     */
    public BacktestResult run(BacktestConfig config, Timeframe timeframe, List<Bar> bars, BacktestProgress progress) {
        return run(config, timeframe, bars, progress, new SessionListener() { });
    }

    /**
     * Runs a backtest and reports its signals, orders, events and faults to a listener as they happen.
     *
     * @param config    what to run
     * @param timeframe the bar length of {@code bars}
     * @param bars      the bars, of the configured instrument, in strictly ascending open time; at least one
     * @param progress  receives progress
     * @param listener  observes the session (on this thread)
     * @return the result
     * @throws BacktestConfigurationException when an extension id is unknown, a parameter is invalid, or an extension
     *                                        cannot be created
     * @throws IllegalArgumentException       when there are no bars or a bar is of another instrument
     */
    public BacktestResult run(BacktestConfig config, Timeframe timeframe, List<Bar> bars, BacktestProgress progress,
                              SessionListener listener) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars to backtest");
        }
        Map<String, Map<String, String>> resolved = new LinkedHashMap<>();
        List<String> instanceIds = config.instanceIds();
        List<String> names = config.strategyNames();
        List<StrategyProvider> strategies = new ArrayList<>();
        List<Parameters> strategyParams = new ArrayList<>();
        for (int i = 0; i < instanceIds.size(); i++) {
            ExtensionRef ref = config.strategies().get(i);
            StrategyProvider p = lookup(ExtensionKind.STRATEGY, ref.id(), StrategyProvider.class);
            strategies.add(p);
            strategyParams.add(parameters("strategy", p, new ExtensionRef(names.get(i), ref.parameters()),
                    resolved));
        }
        List<Bound<SignalEnhancer>> enhancers = new ArrayList<>();
        for (ExtensionRef ref : config.enhancers()) {
            enhancers.add(enhancement(ref, EnhancementKind.SIGNAL_ENHANCER, SignalEnhancer.class, resolved));
        }
        Bound<PositionSizer> sizer = config.sizer() == null ? null
                : enhancement(config.sizer(), EnhancementKind.POSITION_SIZER, PositionSizer.class, resolved);
        List<Bound<RiskRule>> rules = new ArrayList<>();
        for (ExtensionRef ref : config.riskRules()) {
            RiskRuleProvider p = lookup(ExtensionKind.RISK_RULE, ref.id(), RiskRuleProvider.class);
            Parameters params = parameters("risk rule", p, ref, resolved);
            rules.add(new Bound<>(ref.id(), create("risk rule", ref.id(), () -> p.create(params)), params));
        }

        ResultCollector collector = new ResultCollector(listener);
        TradingSession session = new TradingSession(config.instrument(), config.initialCapital(),
                BpsFeeModel.flat(config.feeBps()), new BpsSlippageModel(config.slippageBps()), enhancers, sizer,
                rules, collector, bars.get(0).openTimeMillis(), HISTORY_BARS, bars.size());
        for (int i = 0; i < instanceIds.size(); i++) {
            String instanceId = instanceIds.get(i);
            String id = config.strategies().get(i).id();
            StrategyProvider provider = strategies.get(i);
            Parameters params = strategyParams.get(i);
            create("strategy", names.get(i), () -> {
                session.addStrategy(instanceId, id, provider, params);
                return session;
            });
        }
        SignalAggregation aggregation = config.aggregation();
        if (aggregation.policy() != AggregationPolicy.NONE) {
            double[] weights = new double[instanceIds.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = aggregation.policy() == AggregationPolicy.WEIGHTED ? aggregation.weights().get(i) : 1;
            }
            session.aggregate(aggregation.policy(), weights, aggregation.threshold());
        }
        session.start();
        feed(session, bars, progress);
        session.finish();
        progress.onProgress(bars.size(), bars.size());

        BigDecimal endEquity = session.account().equity();
        EquityCurve equity = session.equity();
        PerformanceMetrics metrics = MetricsCalculator.compute(equity, session.trades(),
                timeframe.barsPerYear(), session.barsInMarket(), config.initialCapital(), endEquity,
                session.account().totalFees());
        return new BacktestResult(config, resolved, timeframe, bars.get(0).openTimeMillis(),
                bars.get(bars.size() - 1).openTimeMillis(), session.barCount(), session.trades(), metrics,
                equity, collector.rejections, collector.faults, collector.signals, collector.orders,
                collector.fills, collector.riskEvents, collector.decisions);
    }

    /**
     * The bar loop, in a method of its own: small enough for the JIT to compile on its own and inline the session's
     * per-bar path, instead of compiling it on-stack inside the large {@code run} method.
     */
    private static void feed(TradingSession session, List<Bar> bars, BacktestProgress progress) {
        int total = bars.size();
        for (int i = 0; i < total; i++) {
            session.onBar(bars.get(i));
            if ((i & (PROGRESS_EVERY - 1)) == PROGRESS_EVERY - 1) {
                progress.onProgress(i + 1, total);
            }
        }
    }

    private <T extends Enhancement> Bound<T> enhancement(ExtensionRef ref, EnhancementKind kind, Class<T> type,
                                                  Map<String, Map<String, String>> resolved) {
        String role = kind == EnhancementKind.POSITION_SIZER ? "sizer" : "enhancer";
        EnhancementProvider p = lookup(ExtensionKind.ENHANCEMENT, ref.id(), EnhancementProvider.class);
        if (p.kind() != kind) {
            throw new BacktestConfigurationException("enhancement '" + ref.id() + "' is a "
                    + p.kind().name().toLowerCase().replace('_', ' ') + ", not a "
                    + kind.name().toLowerCase().replace('_', ' '));
        }
        Parameters params = parameters(role, p, ref, resolved);
        Enhancement e = create(role, ref.id(), () -> p.create(params));
        if (!type.isInstance(e)) {
            throw new BacktestConfigurationException("enhancement '" + ref.id() + "' declared kind " + kind
                    + " but created a " + e.getClass().getName());
        }
        return new Bound<>(ref.id(), type.cast(e), params);
    }

    private <T extends ExtensionProvider> T lookup(ExtensionKind kind, String id, Class<T> type) {
        Optional<ExtensionProvider> p = catalog.find(kind, id).map(e -> e.provider());
        if (p.isEmpty()) {
            List<String> ids = catalog.ids(kind);
            throw new BacktestConfigurationException("unknown " + kind.label() + " '" + id + "'; "
                    + (ids.isEmpty() ? "no " + kind.label() + " is loaded (check --plugins-dir)"
                    : "available: " + String.join(", ", ids)));
        }
        return type.cast(p.get());
    }

    private static Parameters parameters(String role, ExtensionProvider provider, ExtensionRef ref,
                                         Map<String, Map<String, String>> resolved) {
        try {
            Parameters p = provider.descriptor().parameters().resolve(ref.parameters());
            resolved.put(role.replace(' ', '-') + ":" + ref.id(), p.asText());
            return p;
        } catch (InvalidParameterException e) {
            throw new BacktestConfigurationException(role + " '" + ref.id() + "': " + e.getMessage(), e);
        }
    }

    private interface Creation<T> {
        T create();
    }

    private static <T> T create(String role, String id, Creation<T> creation) {
        try {
            T t = creation.create();
            if (t == null) {
                throw new BacktestConfigurationException(role + " '" + id
                        + "' could not be created: provider returned null");
            }
            return t;
        } catch (BacktestConfigurationException e) {
            throw e;
        } catch (InvalidParameterException e) {
            throw new BacktestConfigurationException(role + " '" + id + "': " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new BacktestConfigurationException(role + " '" + id + "' could not be created: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }
}
