package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.runtime.plugin.ExtensionKey;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.AggregationPolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to backtest and how: one instrument and one account, traded by one strategy or by several (each on its own,
 * or as one signal group under an aggregation policy).
 *
 * <p>Strategy instances are named after their strategy's id, numbered per id in the configuration's order:
 * {@code sma-crossover-1}, {@code rsi-reversion-1}, {@code sma-crossover-2} ({@link #instanceIds()}).
 *
 * @param instrument     the instrument traded; the account currency is its quote asset
 * @param initialCapital starting cash, &gt; 0 and at most {@link #MAX_CAPITAL}, account currency
 * @param feeBps         fee per fill, bps of notional, 0 to 1,000
 * @param slippageBps    slippage of taker fills, bps of price, 0 to 1,000
 * @param strategies     the strategies and their parameters, at least one, in the order their instances are added
 * @param aggregation    how the strategies share the account; {@link SignalAggregation#none()} for one strategy
 * @param enhancers      signal enhancers, applied in order
 * @param sizer          the position sizer, or null to invest the signal's strength times the available cash
 * @param riskRules      risk rules, checked in order
 */
public record BacktestConfig(Instrument instrument, BigDecimal initialCapital, BigDecimal feeBps,
                             BigDecimal slippageBps, List<ExtensionRef> strategies, SignalAggregation aggregation,
                             List<ExtensionRef> enhancers, ExtensionRef sizer, List<ExtensionRef> riskRules) {

    /** Largest initial capital: 10^12 in the account currency (the store keeps amounts below 10^20). */
    public static final BigDecimal MAX_CAPITAL = BigDecimal.TEN.pow(12);
    /** Largest fee or slippage, bps. */
    public static final BigDecimal MAX_BPS = new BigDecimal("1000");
    /** {@link #DEFAULT_FEE_BPS} as text, for option defaults that must be constants. */
    public static final String DEFAULT_FEE_BPS_TEXT = "10";
    /** The fee when none is given, bps of notional per fill: the command line, the API and portfolios use it. */
    public static final BigDecimal DEFAULT_FEE_BPS = new BigDecimal(DEFAULT_FEE_BPS_TEXT);
    /** {@link #DEFAULT_CAPITAL} as text, for option defaults that must be constants. */
    public static final String DEFAULT_CAPITAL_TEXT = "10000";
    /** The initial capital when none is given, account currency. */
    public static final BigDecimal DEFAULT_CAPITAL = new BigDecimal(DEFAULT_CAPITAL_TEXT);

    /**
     * Validates the numbers.
     *
     * @param instrument the instrument traded; the account currency is its quote asset
     * @param initialCapital starting cash, &gt; 0, account currency
     * @param feeBps fee per fill, bps of notional, 0 to 1,000
     * @param slippageBps slippage of taker fills, bps of price, 0 to 1,000
     * @param strategies the strategies and their parameters, at least one
     * @param aggregation how they share the account; null means {@link SignalAggregation#none()}
     * @param enhancers signal enhancers, applied in order
     * @param sizer the position sizer, or null to invest the signal's strength times the available cash
     * @param riskRules risk rules, checked in order
     * @throws BacktestConfigurationException when capital is not in (0, 10^12], a bps value is outside 0..1,000, there is
     *                                        no strategy, or a WEIGHTED aggregation has not one weight per strategy
     */
    public BacktestConfig {
        Objects.requireNonNull(instrument, "instrument");
        strategies = List.copyOf(strategies);
        aggregation = aggregation == null ? SignalAggregation.none() : aggregation;
        enhancers = List.copyOf(enhancers);
        riskRules = List.copyOf(riskRules);
        if (strategies.isEmpty()) {
            throw new BacktestConfigurationException("a backtest needs at least one strategy");
        }
        if (aggregation.policy() == AggregationPolicy.WEIGHTED && aggregation.weights().size() != strategies.size()) {
            throw new BacktestConfigurationException("aggregation WEIGHTED needs one weight per strategy: "
                    + strategies.size() + " strategies, " + aggregation.weights().size() + " weights");
        }
        if (initialCapital.signum() <= 0 || initialCapital.compareTo(MAX_CAPITAL) > 0) {
            throw new BacktestConfigurationException("capital must be > 0 and at most 10^12, got "
                    + brief(initialCapital));
        }
        checkBps("fee-bps", feeBps);
        checkBps("slippage-bps", slippageBps);
    }

    /**
     * One strategy, trading on its own.
     *
     * @param instrument the instrument traded; the account currency is its quote asset
     * @param initialCapital starting cash, &gt; 0, account currency
     * @param feeBps fee per fill, bps of notional, 0 to 1,000
     * @param slippageBps slippage of taker fills, bps of price, 0 to 1,000
     * @param strategy the strategy and its parameters
     * @param enhancers signal enhancers, applied in order
     * @param sizer the position sizer, or null to invest the signal's strength times the available cash
     * @param riskRules risk rules, checked in order
     * @throws BacktestConfigurationException when capital is not positive or a bps value is outside 0..1,000
     */
    public BacktestConfig(Instrument instrument, BigDecimal initialCapital, BigDecimal feeBps, BigDecimal slippageBps,
                          ExtensionRef strategy, List<ExtensionRef> enhancers, ExtensionRef sizer,
                          List<ExtensionRef> riskRules) {
        this(instrument, initialCapital, feeBps, slippageBps, List.of(Objects.requireNonNull(strategy, "strategy")),
                SignalAggregation.none(), enhancers, sizer, riskRules);
    }

    /**
     * The first strategy: the only one of a single-strategy configuration.
     *
     * @return the first strategy reference
     */
    public ExtensionRef strategy() {
        return strategies.get(0);
    }

    /**
     * The extensions this configuration uses, by kind: its strategies, enhancers, sizer (an enhancement) and risk
     * rules; what {@link io.quantplug.runtime.plugin.PluginIndex#open} starts plugins for.
     *
     * @return the keys, in that order (repeats kept)
     */
    public List<ExtensionKey> extensionKeys() {
        List<ExtensionKey> keys = new ArrayList<>();
        strategies.forEach(r -> keys.add(new ExtensionKey(ExtensionKind.STRATEGY, r.id())));
        enhancers.forEach(r -> keys.add(new ExtensionKey(ExtensionKind.ENHANCEMENT, r.id())));
        if (sizer != null) {
            keys.add(new ExtensionKey(ExtensionKind.ENHANCEMENT, sizer.id()));
        }
        riskRules.forEach(r -> keys.add(new ExtensionKey(ExtensionKind.RISK_RULE, r.id())));
        return List.copyOf(keys);
    }

    /**
     * The same configuration with other strategies.
     *
     * @param strategies  the strategies, at least one
     * @param aggregation how they share the account
     * @return the new configuration
     * @throws BacktestConfigurationException as the constructor
     */
    public BacktestConfig withStrategies(List<ExtensionRef> strategies, SignalAggregation aggregation) {
        return new BacktestConfig(instrument, initialCapital, feeBps, slippageBps, strategies, aggregation, enhancers,
                sizer, riskRules);
    }

    /**
     * The instance id each strategy gets, in order: its id and its number among the strategies of that id.
     *
     * @return e.g. {@code [sma-crossover-1, rsi-reversion-1, sma-crossover-2]}
     */
    public List<String> instanceIds() {
        Map<String, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>(strategies.size());
        for (ExtensionRef s : strategies) {
            ids.add(s.id() + "-" + seen.merge(s.id(), 1, Integer::sum));
        }
        return ids;
    }

    /**
     * The name each strategy goes by in a result's parameters ({@code strategy:NAME}) and in error messages: its id
     * when it is the only strategy, as before several could run; its instance id otherwise.
     *
     * @return one name per strategy, in order
     */
    public List<String> strategyNames() {
        return strategies.size() == 1 ? List.of(strategies.get(0).id()) : instanceIds();
    }

    static void checkBps(String name, BigDecimal bps) {
        if (bps.signum() < 0 || bps.compareTo(MAX_BPS) > 0) {
            throw new BacktestConfigurationException(name + " = " + brief(bps)
                    + " is out of range: allowed 0 .. 1000 (bps)");
        }
    }

    /**
     * A user's decimal for an error message, never longer than about 40 characters: plain when short, else rounded
     * to 12 significant digits in scientific notation ({@code 1E+999999999} stays 12 characters, where its plain
     * form would have a billion digits).
     *
     * @param value the value
     * @return its brief text
     */
    public static String brief(BigDecimal value) {
        if (value.precision() <= 30 && Math.abs((long) value.scale()) <= 30) {
            return value.toPlainString();
        }
        return value.round(new java.math.MathContext(12)).toString();
    }
}
