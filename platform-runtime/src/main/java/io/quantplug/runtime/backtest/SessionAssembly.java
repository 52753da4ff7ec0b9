package io.quantplug.runtime.backtest;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.internal.engine.Bound;
import io.quantplug.runtime.internal.engine.SessionBuilder;
import io.quantplug.runtime.internal.engine.SimulatedClock;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.FeeModel;
import io.quantplug.runtime.internal.venue.SlippageModel;
import io.quantplug.runtime.internal.venue.Venue;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.session.SessionListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extensions of one configuration, looked up in a catalog, their parameters checked and their instances created,
 * and the {@link TradingSession} assembled of them ({@link #session}): what {@link Backtester} does for its one session
 * and {@link PortfolioBacktester} for each instrument book. Every failure is a {@link BacktestConfigurationException}
 * naming the role, the id and, for a parameter, the parameter.
 */
final class SessionAssembly {

    final List<Bound<SignalEnhancer>> enhancers = new ArrayList<>();
    final Bound<PositionSizer> sizer;
    final List<Bound<RiskRule>> rules = new ArrayList<>();
    private final BacktestConfig config;
    private final List<StrategyProvider> strategies = new ArrayList<>();
    private final List<Parameters> strategyParams = new ArrayList<>();
    /** How many of the configuration's last strategies are multi-instrument ones, installed by {@link #installLinked}. */
    private final int linkedCount;

    /**
     * Looks up and checks every extension of a configuration and creates the enhancers, the sizer and the rules.
     *
     * @param catalog  where ids are looked up
     * @param config   the configuration
     * @param resolved receives the resolved parameters by role and id
     * @throws BacktestConfigurationException as the class comment says
     */
    SessionAssembly(ExtensionCatalog catalog, BacktestConfig config, Map<String, Map<String, String>> resolved) {
        this(catalog, config, resolved, 0);
    }

    /**
     * As {@link #SessionAssembly(ExtensionCatalog, BacktestConfig, Map)}, with the configuration's last
     * {@code linkedCount} strategies multi-instrument ones: checked and looked up like the others, but installed
     * only by {@link #installLinked}.
     */
    SessionAssembly(ExtensionCatalog catalog, BacktestConfig config, Map<String, Map<String, String>> resolved,
                    int linkedCount) {
        this.config = config;
        this.linkedCount = linkedCount;
        List<String> names = config.strategyNames();
        for (int i = 0; i < names.size(); i++) {
            ExtensionRef ref = config.strategies().get(i);
            StrategyProvider p = lookup(catalog, ExtensionKind.STRATEGY, ref.id(), StrategyProvider.class);
            strategies.add(p);
            strategyParams.add(parameters("strategy", p, new ExtensionRef(names.get(i), ref.parameters(),
                    ref.values()), resolved));
        }
        for (ExtensionRef ref : config.enhancers()) {
            enhancers.add(enhancement(catalog, ref, EnhancementKind.SIGNAL_ENHANCER, SignalEnhancer.class,
                    resolved));
        }
        sizer = config.sizer() == null ? null
                : enhancement(catalog, config.sizer(), EnhancementKind.POSITION_SIZER, PositionSizer.class, resolved);
        for (ExtensionRef ref : config.riskRules()) {
            RiskRuleProvider p = lookup(catalog, ExtensionKind.RISK_RULE, ref.id(), RiskRuleProvider.class);
            Parameters params = parameters("risk rule", p, ref, resolved);
            rules.add(new Bound<>(ref.id(), create("risk rule", ref.id(), () -> p.create(params)), params));
        }
    }

    /**
     * Assembles this configuration's session (see {@link SessionBuilder}): a simulated clock set to the start, a
     * simulated venue with the fee and slippage models, the enhancers, sizer and risk rules, and the strategy
     * instances installed.
     *
     * @param instrument   the instrument traded
     * @param portfolio    the account (shared by the books of a portfolio backtest)
     * @param startMillis  the session's start (its first bar's open), UTC epoch milliseconds
     * @param fees         fee model
     * @param slippage     slippage model
     * @param listener     observer of the session
     * @param historyBars  how many bars the strategies' history window keeps
     * @param expectedBars how many bars will be fed, a sizing hint
     * @return the session, not started
     * @throws BacktestConfigurationException when a strategy cannot be created
     */
    TradingSession session(Instrument instrument, Portfolio portfolio, long startMillis, FeeModel fees,
                           SlippageModel slippage, SessionListener listener, int historyBars, int expectedBars) {
        return session(instrument, portfolio, startMillis, fees, slippage, listener, historyBars, expectedBars, null);
    }

    /**
     * Assembles the session as {@link #session(Instrument, Portfolio, long, FeeModel, SlippageModel,
     * SessionListener, int, int)} does, trading a perpetual on margin when terms are given.
     *
     * @param perpetual the perpetual terms, or null for cash accounting
     */
    TradingSession session(Instrument instrument, Portfolio portfolio, long startMillis, FeeModel fees,
                           SlippageModel slippage, SessionListener listener, int historyBars, int expectedBars,
                           PerpetualTerms perpetual) {
        SessionBuilder builder = new SessionBuilder(instrument, portfolio, new SimulatedClock(startMillis), listener)
                .simulatedVenue(fees, slippage);
        if (perpetual != null) {
            builder.perpetual(perpetual, fees);
        }
        return session(builder, historyBars, expectedBars);
    }

    /**
     * Assembles this configuration's session on a venue of the caller's (a live session's exchange venue), with its
     * client order ids behind a prefix.
     *
     * @param instrument    the instrument traded
     * @param portfolio     the account
     * @param startMillis   the session's start (its first bar's open), UTC epoch milliseconds
     * @param venue         the venue, not connected
     * @param orderIdPrefix what every client order id starts with
     * @param listener      observer of the session
     * @param historyBars   how many bars the strategies' history window keeps
     * @return the session, not started
     * @throws BacktestConfigurationException when a strategy cannot be created
     */
    TradingSession session(Instrument instrument, Portfolio portfolio, long startMillis, Venue venue,
                           String orderIdPrefix, SessionListener listener, int historyBars) {
        SessionBuilder builder = new SessionBuilder(instrument, portfolio, new SimulatedClock(startMillis), listener)
                .venue(venue).orderIdPrefix(orderIdPrefix);
        return session(builder, historyBars, 1 << 12);
    }

    private TradingSession session(SessionBuilder builder, int historyBars, int expectedBars) {
        TradingSession session = builder.enhancers(enhancers).sizer(sizer).riskRules(rules)
                .historyCapacity(historyBars).expectedBars(expectedBars).build();
        install(session);
        return session;
    }

    /**
     * Creates the strategy instances in a session and, under an aggregation policy, makes them a signal group.
     *
     * @param session the session, not started
     * @throws BacktestConfigurationException when a strategy cannot be created
     */
    private void install(TradingSession session) {
        List<String> instanceIds = config.instanceIds();
        List<String> names = config.strategyNames();
        for (int i = 0; i < instanceIds.size() - linkedCount; i++) {
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
    }

    /**
     * Installs one of the configuration's multi-instrument strategies in its first instrument's session, sitting in
     * the sessions of its other instruments too ({@link TradingSession#addStrategy(String, String, StrategyProvider,
     * Parameters, List)}).
     *
     * @param session the session of its first instrument (this configuration's)
     * @param linked  which multi-instrument strategy, 0 to {@code linkedCount - 1}
     * @param others  the sessions of its other instruments, in subscription order
     * @throws BacktestConfigurationException when it cannot be created
     */
    void installLinked(TradingSession session, int linked, List<TradingSession> others) {
        int i = config.strategies().size() - linkedCount + linked;
        String instanceId = config.instanceIds().get(i);
        String id = config.strategies().get(i).id();
        StrategyProvider provider = strategies.get(i);
        Parameters params = strategyParams.get(i);
        create("strategy", config.strategyNames().get(i), () -> {
            session.addStrategy(instanceId, id, provider, params, others);
            return session;
        });
    }

    private static <T extends Enhancement> Bound<T> enhancement(ExtensionCatalog catalog, ExtensionRef ref,
                                                               EnhancementKind kind, Class<T> type,
                                                               Map<String, Map<String, String>> resolved) {
        String role = kind == EnhancementKind.POSITION_SIZER ? "sizer" : "enhancer";
        EnhancementProvider p = lookup(catalog, ExtensionKind.ENHANCEMENT, ref.id(), EnhancementProvider.class);
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

    private static <T extends ExtensionProvider> T lookup(ExtensionCatalog catalog, ExtensionKind kind, String id,
                                                         Class<T> type) {
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
            Parameters p = ref.resolve(provider.descriptor().parameters());
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
