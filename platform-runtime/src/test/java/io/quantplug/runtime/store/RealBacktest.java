package io.quantplug.runtime.store;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.testsupport.SharedData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real backtest the store tests journal: the sample {@code sma-crossover} plugin (10/30) on 21 days of
 * Binance.US BTCUSDT one-minute bars, 10 bps fees, with a test risk rule that refuses every fifth entry so that
 * rejections and risk events are stored too.
 */
final class RealBacktest {

    static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    static final InstrumentId BTCUSDT = InstrumentId.of("BTCUSDT", "BINANCE");
    static final Instrument INSTRUMENT = Instrument.spot(BTCUSDT, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("10"));

    private RealBacktest() {
    }

    static BarSeries series() {
        return new BarFileReader().read(SharedData.require(FILE), Timeframe.M1).series();
    }

    static BacktestConfig config() {
        return new BacktestConfig(INSTRUMENT, new BigDecimal("10000"), new BigDecimal("10"), BigDecimal.ZERO,
                new ExtensionRef("sma-crossover", Map.of("fast", "10", "slow", "30")), List.of(), null,
                List.of(new ExtensionRef("every-fifth-entry", Map.of())));
    }

    static BacktestResult run(List<Bar> bars, SessionListener listener) {
        return backtester().run(config(), Timeframe.M1, bars, (d, t) -> { }, listener);
    }

    /** A backtester with the class path's strategies and {@link EveryFifthEntry}. */
    static Backtester backtester() {
        List<ExtensionInfo> extensions = new ArrayList<>(ExtensionCatalog.fromClassPath(
                RealBacktest.class.getClassLoader()));
        extensions.add(new ExtensionInfo(ExtensionKind.RISK_RULE, new EveryFifthEntry(), null));
        return new Backtester(ExtensionCatalog.of(extensions));
    }

    /** The run block a caller records when the run starts: known before the run, final once it completes. */
    static ResultDocument.Run startBlock(List<Bar> bars) {
        BacktestConfig c = config();
        return new ResultDocument.Run("0.1.0", BTCUSDT.toString(), "1m",
                java.time.Instant.ofEpochMilli(bars.get(0).openTimeMillis()),
                java.time.Instant.ofEpochMilli(bars.get(bars.size() - 1).openTimeMillis()), bars.size(), "USDT",
                c.initialCapital(), c.feeBps(), c.slippageBps(), INSTRUMENT.tickSize(), INSTRUMENT.lotSize(),
                "sma-crossover", List.of(), null, List.of("every-fifth-entry"),
                Map.of("strategy:sma-crossover", Map.of("fast", "10", "slow", "30")));
    }

    /** Refuses every fifth order that opens a position, with a typed reason. */
    static final class EveryFifthEntry implements RiskRuleProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("every-fifth-entry", "Every fifth entry refused",
                    "Refuses every fifth order that opens a position (a store test's rule).", ParameterSchema.of());
        }

        @Override
        public RiskRule create(Parameters parameters) {
            int[] entries = {0};
            return (intent, context) -> {
                if (intent.reducesPosition()) {
                    return RiskDecision.approve();
                }
                return ++entries[0] % 5 == 0 ? RiskDecision.reject("FIFTH_ENTRY", "every fifth entry is refused")
                        : RiskDecision.approve();
            };
        }
    }
}
