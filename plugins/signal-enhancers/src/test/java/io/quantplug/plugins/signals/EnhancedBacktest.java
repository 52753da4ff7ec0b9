package io.quantplug.plugins.signals;

import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.testkit.RecordedSignal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A backtest with signal enhancers, through the runtime's {@link Backtester}: what the test kit's
 * {@code PluginBacktest} does, plus enhancers, which it cannot attach (it passes an empty enhancer list). Capital
 * 10,000 USDT, no fees or slippage, all available cash per entry, as PluginBacktest's defaults.
 */
final class EnhancedBacktest {

    /** One enhancer with its raw parameters. */
    record Enhancer(EnhancementProvider provider, Map<String, String> parameters) {
    }

    /** The runtime's result and the signals with their outcomes. */
    record Run(BacktestResult result, List<RecordedSignal> signals) {
    }

    private EnhancedBacktest() {
    }

    static Run run(StrategyProvider strategy, Map<String, String> strategyParameters, List<Enhancer> enhancers,
                   Instrument instrument, List<Bar> bars, Timeframe timeframe) {
        List<ExtensionInfo> extensions = new ArrayList<>();
        extensions.add(new ExtensionInfo(ExtensionKind.STRATEGY, strategy, null));
        List<ExtensionRef> refs = new ArrayList<>();
        for (Enhancer e : enhancers) {
            extensions.add(new ExtensionInfo(ExtensionKind.ENHANCEMENT, e.provider(), null));
            refs.add(new ExtensionRef(e.provider().descriptor().id(), e.parameters()));
        }
        BacktestConfig config = new BacktestConfig(instrument, new BigDecimal("10000"), BigDecimal.ZERO,
                BigDecimal.ZERO, new ExtensionRef(strategy.descriptor().id(), strategyParameters), refs, null,
                List.of());
        List<RecordedSignal> signals = new ArrayList<>();
        BacktestResult result = new Backtester(ExtensionCatalog.of(extensions)).run(config, timeframe, bars,
                BacktestProgress.NONE, new SessionListener() {
                    @Override
                    public void onSignal(long timeMillis, String id, Signal signal, String outcome) {
                        signals.add(new RecordedSignal(timeMillis, signal, outcome));
                    }
                });
        return new Run(result, signals);
    }
}
