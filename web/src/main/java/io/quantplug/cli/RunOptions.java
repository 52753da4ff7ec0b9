package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.app.ExtensionRefs;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.SignalAggregation;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session runs, as {@code backtest}, {@code paper} and {@code live} take it: the strategy and its parameters,
 * capital, fees, slippage, risk rules, enhancers and sizer.
 */
final class RunOptions {

    @Option(names = "--strategy", paramLabel = "ID", description = "Strategy id, e.g. sma-crossover.")
    String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A strategy parameter; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--add-strategy", paramLabel = "ID[:K=V,...]",
            description = "Another strategy instance in the same session, trading on its own on the same account"
                    + " (e.g. order-flow-detector, whose observations the other instances hear); repeat for several.")
    List<String> addedStrategies = new ArrayList<>();

    @Option(names = "--capital", paramLabel = "AMOUNT", defaultValue = BacktestConfig.DEFAULT_CAPITAL_TEXT,
            description = "Initial capital in the quote asset (default: ${DEFAULT-VALUE}).")
    BigDecimal capital;

    @Option(names = "--fee-bps", paramLabel = "BPS", defaultValue = BacktestConfig.DEFAULT_FEE_BPS_TEXT,
            description = "Fee per fill, bps of notional (default: ${DEFAULT-VALUE}).")
    BigDecimal feeBps;

    @Option(names = "--slippage-bps", paramLabel = "BPS", defaultValue = "0",
            description = "Slippage of market and stop fills, bps of price (default: ${DEFAULT-VALUE}).")
    BigDecimal slippageBps;

    @Option(names = "--risk", paramLabel = "RULE[:K=V,...]", description = "A risk rule; repeat for several.")
    List<String> riskRules = new ArrayList<>();

    @Option(names = "--enhancer", paramLabel = "ID[:K=V,...]", description = "A signal enhancer; repeat for several.")
    List<String> enhancers = new ArrayList<>();

    @Option(names = "--sizer", paramLabel = "ID[:K=V,...]",
            description = "A position sizer (default: invest the signal's strength times the available cash, all of"
                    + " it at strength 1).")
    String sizer;

    @Option(names = "--warmup-bars", paramLabel = "N",
            description = "N bars warm the strategy up: it sees them, but nothing it asks for trades (backtest: the"
                    + " first N, default 0; paper and live: N bars of history before the market's, default the"
                    + " strategy's declared warm-up).")
    Long warmUpBars;

    /**
     * The warm-up the user asked for.
     *
     * @param otherwise what applies when {@code --warmup-bars} is not given
     * @return bars, &ge; 0
     * @throws UserInputException when negative
     */
    long warmUpBars(long otherwise) {
        long n = warmUpBars == null ? otherwise : warmUpBars;
        if (n < 0) {
            throw new UserInputException("--warmup-bars must be >= 0, got " + n);
        }
        return n;
    }

    /**
     * The configuration of a run on an instrument.
     *
     * @param instrument the instrument traded
     * @return the configuration, extension references unchecked (the session checks them)
     * @throws UserInputException when {@code --strategy} is missing or a reference is malformed
     */
    BacktestConfig config(Instrument instrument) {
        return config(instrument, params);
    }

    /**
     * The configuration of a run on an instrument with other strategy parameters (a study's trial).
     *
     * @param instrument the instrument traded
     * @param parameters the strategy's parameters, as typed
     * @return the configuration, extension references unchecked (the session checks them)
     * @throws UserInputException when {@code --strategy} is missing or a reference is malformed
     */
    BacktestConfig config(Instrument instrument, Map<String, String> parameters) {
        if (strategy == null) {
            throw new UserInputException("give --strategy ID");
        }
        BacktestConfig config = new BacktestConfig(instrument, capital, feeBps, slippageBps,
                new ExtensionRef(strategy, parameters), ExtensionRefs.parseAll("--enhancer", enhancers),
                sizer == null ? null : ExtensionRefs.parse("--sizer", sizer),
                ExtensionRefs.parseAll("--risk", riskRules));
        if (addedStrategies.isEmpty()) {
            return config;
        }
        List<ExtensionRef> all = new ArrayList<>(config.strategies());
        all.addAll(ExtensionRefs.parseAll("--add-strategy", addedStrategies));
        return config.withStrategies(all, SignalAggregation.none());
    }
}
