package io.quantplug.testkit;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.instrument.InstrumentCatalog;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.SessionListener;

import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Backtests one strategy provider inside a plain JUnit test, through the same engine, simulated venue and metrics
 * as {@code quantplug backtest}: a signal decided on a bar's close fills at the next bar's open, fees and slippage
 * are in bps, a position still open when the data ends is closed at the last close.
 *
 * <pre>{@code
 * BacktestRun run = PluginBacktest.of(new SmaCrossoverProvider())
 *         .parameters(Map.of("fast", 10, "slow", 30))
 *         .csv(Path.of("src/test/resources/btcusdt-1h.csv"))
 *         .instrument("BTCUSDT")
 *         .fees(10)
 *         .run();
 * assertThat(run.trades()).hasSize(3);
 * assertThat(run.metrics().totalReturn()).isPositive();
 * }</pre>
 *
 * <p>Defaults: instrument {@code BTCUSDT} with Binance spot's tick and lot size, capital 10,000 of the quote asset,
 * fees and slippage 0 bps, the timeframe detected from the file, every order sized by the engine (all available
 * cash). The provider is used as given: to test the jar that will be shipped, get it from {@link PluginJar}.
 *
 * <p>A builder belongs to one test and one thread; {@link #run()} may be called again after a change.
 */
public final class PluginBacktest {

    private static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("10000");

    private final StrategyProvider strategy;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<RiskRuleProvider> riskRules = new ArrayList<>();
    private final List<ExtensionRef> riskRuleRefs = new ArrayList<>();
    private Path csv;
    private List<Bar> bars;
    private Timeframe timeframe;
    private Instrument instrument;
    private BigDecimal capital = DEFAULT_CAPITAL;
    private BigDecimal feeBps = BigDecimal.ZERO;
    private BigDecimal slippageBps = BigDecimal.ZERO;
    private boolean allowFaults;

    private PluginBacktest(StrategyProvider strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * Starts a backtest of a provider instance, e.g. {@code new MyStrategyProvider()} or one a {@link PluginJar}
     * loaded.
     *
     * @param provider the strategy provider under test
     * @return the builder
     * @throws NullPointerException when {@code provider} is null
     */
    public static PluginBacktest of(StrategyProvider provider) {
        return new PluginBacktest(provider);
    }

    /**
     * Starts a backtest of a provider class, instantiated through its public no-argument constructor, as
     * {@link java.util.ServiceLoader} and the plugin host do.
     *
     * @param providerClass the strategy provider under test
     * @return the builder
     * @throws IllegalArgumentException when the class cannot be instantiated that way (the message says why)
     */
    public static PluginBacktest of(Class<? extends StrategyProvider> providerClass) {
        Objects.requireNonNull(providerClass, "providerClass");
        try {
            return new PluginBacktest(providerClass.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(providerClass.getName() + "'s constructor threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(providerClass.getName() + " needs a public no-argument constructor"
                    + " (the plugin host creates providers that way): " + e, e);
        }
    }

    /**
     * Sets strategy parameters, as a user would type them ({@code --param k=v}); each value is converted with
     * {@link String#valueOf(Object)} and checked against the provider's schema when the backtest runs. Parameters
     * not given take the schema's defaults.
     *
     * @param values values by parameter name
     * @return this builder
     */
    public PluginBacktest parameters(Map<String, ?> values) {
        values.forEach(this::parameter);
        return this;
    }

    /**
     * Sets one strategy parameter; see {@link #parameters(Map)}.
     *
     * @param name  the parameter name in the provider's schema
     * @param value its value, converted with {@link String#valueOf(Object)}
     * @return this builder
     */
    public PluginBacktest parameter(String name, Object value) {
        parameters.put(Objects.requireNonNull(name, "name"), String.valueOf(Objects.requireNonNull(value, name)));
        return this;
    }

    /**
     * Reads the bars from a CSV file (plain or gzip) when the backtest runs, with the runtime's importer: header
     * or headerless layouts, epoch or ISO-8601 UTC times, see {@link BarFileReader}. Replaces bars given before.
     *
     * @param file the bar file
     * @return this builder
     */
    public PluginBacktest csv(Path file) {
        this.csv = Objects.requireNonNull(file, "file");
        this.bars = null;
        return this;
    }

    /**
     * Uses bars built by the test instead of a file. Replaces a file given before.
     *
     * @param bars      the bars, of the configured {@linkplain #instrument(Instrument) instrument}, in strictly
     *                  ascending open time; at least one
     * @param timeframe their bar length
     * @return this builder
     */
    public PluginBacktest bars(List<Bar> bars, Timeframe timeframe) {
        this.bars = List.copyOf(bars);
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.csv = null;
        return this;
    }

    /**
     * States the bar length of the {@linkplain #csv(Path) file}, which must then have it (a file of one bar needs
     * this); otherwise it is detected as the most common step between bars.
     *
     * @param timeframe the bar length
     * @return this builder
     */
    public PluginBacktest timeframe(Timeframe timeframe) {
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        return this;
    }

    /**
     * The instrument traded, with its tick size, lot size and minimums.
     *
     * @param instrument the instrument; the account currency is its quote asset
     * @return this builder
     */
    public PluginBacktest instrument(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        return this;
    }

    /**
     * The instrument traded, by Binance spot symbol, with the rules of the runtime's instrument catalog.
     *
     * @param binanceSpotSymbol e.g. {@code BTCUSDT}
     * @return this builder
     * @throws IllegalArgumentException when the catalog does not know the symbol; give an {@link Instrument} then
     */
    public PluginBacktest instrument(String binanceSpotSymbol) {
        this.instrument = InstrumentCatalog.binanceSpot().find(binanceSpotSymbol).orElseThrow(() ->
                new IllegalArgumentException("unknown Binance spot symbol '" + binanceSpotSymbol
                        + "'; pass an Instrument (Instrument.spot(...)) with its tick and lot size instead"));
        return this;
    }

    /**
     * Starting cash.
     *
     * @param amount &gt; 0, in the instrument's quote asset
     * @return this builder
     */
    public PluginBacktest capital(BigDecimal amount) {
        this.capital = Objects.requireNonNull(amount, "amount");
        return this;
    }

    /**
     * Starting cash.
     *
     * @param amount a decimal number &gt; 0, e.g. {@code "10000"}, in the instrument's quote asset
     * @return this builder
     * @throws NumberFormatException when {@code amount} is not a decimal number
     */
    public PluginBacktest capital(String amount) {
        return capital(new BigDecimal(amount));
    }

    /**
     * The fee of every fill.
     *
     * @param bps basis points of the fill's notional, 0 to 1,000 (10 = 0.1 %)
     * @return this builder
     */
    public PluginBacktest fees(double bps) {
        this.feeBps = BigDecimal.valueOf(bps);
        return this;
    }

    /**
     * The slippage of taker fills (market orders fill this much worse than the bar's open).
     *
     * @param bps basis points of the price, 0 to 1,000
     * @return this builder
     */
    public PluginBacktest slippage(double bps) {
        this.slippageBps = BigDecimal.valueOf(bps);
        return this;
    }

    /**
     * Adds a risk rule every order must pass, checked in the order added.
     *
     * @param provider   the rule's provider
     * @param parameters its parameters by name, converted with {@link String#valueOf(Object)}
     * @return this builder
     */
    public PluginBacktest riskRule(RiskRuleProvider provider, Map<String, ?> parameters) {
        Map<String, String> text = new LinkedHashMap<>();
        parameters.forEach((k, v) -> text.put(k, String.valueOf(v)));
        riskRules.add(Objects.requireNonNull(provider, "provider"));
        riskRuleRefs.add(new ExtensionRef(provider.descriptor().id(), text));
        return this;
    }

    /**
     * Lets {@link #run()} return although a plugin callback threw (the engine's fault policy acted); the faults are
     * in {@link BacktestRun#faults()}. Without this, such a run fails the test.
     *
     * @return this builder
     */
    public PluginBacktest allowFaults() {
        this.allowFaults = true;
        return this;
    }

    /**
     * Runs the backtest on the calling thread.
     *
     * @return the trades, metrics, signals and fills
     * @throws IllegalStateException when neither a file nor bars were given
     * @throws io.quantplug.runtime.data.DataImportException when the file cannot be imported (the message names the
     *                                                       file and line)
     * @throws io.quantplug.runtime.backtest.BacktestConfigurationException when a parameter is invalid (the message
     *                                                       names it), the capital or a bps value is out of range,
     *                                                       or the provider cannot create its strategy
     * @throws AssertionError when a plugin callback threw during the run and {@link #allowFaults()} was not called
     */
    public BacktestRun run() {
        Instrument traded = instrument != null ? instrument : InstrumentCatalog.binanceSpot().find("BTCUSDT")
                .orElseThrow(() -> new IllegalStateException("the runtime's catalog lacks BTCUSDT"));
        List<Bar> input;
        Timeframe tf;
        if (bars != null) {
            input = bars;
            tf = timeframe;
        } else if (csv != null) {
            BarFileReader reader = new BarFileReader();
            BarSeries series = (timeframe == null ? reader.read(csv) : reader.read(csv, timeframe)).series();
            input = series.toBars(traded.id());
            tf = series.timeframe();
        } else {
            throw new IllegalStateException("no market data: call csv(Path) or bars(List, Timeframe) before run()");
        }

        List<ExtensionInfo> extensions = new ArrayList<>();
        extensions.add(new ExtensionInfo(ExtensionKind.STRATEGY, strategy, null));
        riskRules.forEach(r -> extensions.add(new ExtensionInfo(ExtensionKind.RISK_RULE, r, null)));
        BacktestConfig config = new BacktestConfig(traded, capital, feeBps, slippageBps,
                new ExtensionRef(strategy.descriptor().id(), parameters), List.of(), null, riskRuleRefs);

        Recorder recorder = new Recorder();
        BacktestResult result = new Backtester(ExtensionCatalog.of(extensions))
                .run(config, tf, input, BacktestProgress.NONE, recorder);
        if (!allowFaults && !result.faults().isEmpty()) {
            StringBuilder m = new StringBuilder("the plugin failed during the backtest (call allowFaults() to test"
                    + " the fault itself):");
            for (PluginFault f : result.faults()) {
                m.append("\n  ").append(f);
            }
            throw new AssertionError(m.toString());
        }
        return new BacktestRun(result, input, recorder.signals, recorder.fills);
    }

    /** Keeps what the result only counts: the signals with their outcome, and the fills. */
    private static final class Recorder implements SessionListener {
        final List<RecordedSignal> signals = new ArrayList<>();
        final List<Fill> fills = new ArrayList<>();

        @Override
        public void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
            signals.add(new RecordedSignal(timeMillis, signal, outcome));
        }

        @Override
        public void onOrderEvent(String strategy, OrderEvent event) {
            if (event instanceof OrderFilled f) {
                fills.add(f.fill());
            }
        }
    }
}
