package io.quantplug.spark;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.app.ExtensionRefs;
import io.quantplug.app.UserInputException;
import io.quantplug.app.YamlFiles;
import io.quantplug.app.study.Objective;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.ExtensionRef;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study as {@code study.yaml} describes it: the options of {@code quantplug optimize} under their long names,
 * plus where the plugins are and where the results go. Every key is listed in {@code docs/research.md}; an unknown
 * key, a value of the wrong type or a missing required key is refused with one line naming the key. Absent optional
 * keys take {@code optimize}'s defaults. Immutable and serializable: the driver sends it to every task.
 *
 * @param data        the bar file (CSV or compressed, the formats of {@code --data}); required
 * @param symbol      the instrument symbol, or null to take it from the file name as {@code --symbol} does
 * @param venue       the venue code, {@code BINANCE} when null
 * @param tickSize    the tick size, or null for the data's finest price step
 * @param lotSize     the lot size, or null for the venue's
 * @param minNotional the minimum order value, or null for the venue's
 * @param strategy    the strategy id; required
 * @param params      fixed strategy parameters in every set ({@code --param}), possibly empty
 * @param grid        the {@code --grid} texts, {@code NAME=FROM..TO:STEP} or {@code NAME=V1,V2}; at least one
 * @param random      draw this many sets at random from the grid ({@code --random}), or null for all
 * @param seed        the seed of {@code random}, 0 when null
 * @param constraints the {@code --constraint} texts, e.g. {@code fast<slow}, possibly empty
 * @param objective   what to maximise ({@code --objective}), {@code sharpe} when null
 * @param capital     initial capital in the quote asset, {@value BacktestConfig#DEFAULT_CAPITAL_TEXT} when null
 * @param feeBps      fee per fill in bps of notional, {@value BacktestConfig#DEFAULT_FEE_BPS_TEXT} when null
 * @param slippageBps slippage of market and stop fills in bps of price, 0 when null
 * @param warmupBars  bars each trial warms up on ({@code --warmup-bars}), 0 when null
 * @param risk        risk rules, {@code RULE[:K=V,...]} each ({@code --risk}), possibly empty
 * @param enhancers   signal enhancers, {@code ID[:K=V,...]} each, possibly empty
 * @param sizer       the position sizer {@code ID[:K=V,...]}, or null for the default
 * @param pboBlocks   blocks {@code S} of the PBO, even, 2..30, 16 when null
 * @param plugins     the folder of plugin jars, shipped to every executor; required
 * @param output      the Parquet folder of the trials, replaced when it exists; required
 * @param slices      tasks the sets are cut into, or null for Spark's default parallelism (never more than sets)
 * @param store       a JDBC URL of the store that records the study as a run, or null not to store it
 */
public record StudySpec(String data, String symbol, String venue, BigDecimal tickSize, BigDecimal lotSize,
                        BigDecimal minNotional, String strategy, Map<String, String> params, List<String> grid,
                        Integer random, Long seed, List<String> constraints, String objective, BigDecimal capital,
                        BigDecimal feeBps, BigDecimal slippageBps, Long warmupBars, List<String> risk,
                        List<String> enhancers, String sizer, Integer pboBlocks, String plugins, String output,
                        Integer slices, String store) implements Serializable {

    /**
     * Fills in the defaults and copies the collections into serializable, ordered ones.
     *
     * @param data        as above
     * @param symbol      as above
     * @param venue       as above
     * @param tickSize    as above
     * @param lotSize     as above
     * @param minNotional as above
     * @param strategy    as above
     * @param params      as above
     * @param grid        as above
     * @param random      as above
     * @param seed        as above
     * @param constraints as above
     * @param objective   as above
     * @param capital     as above
     * @param feeBps      as above
     * @param slippageBps as above
     * @param warmupBars  as above
     * @param risk        as above
     * @param enhancers   as above
     * @param sizer       as above
     * @param pboBlocks   as above
     * @param plugins     as above
     * @param output      as above
     * @param slices      as above
     * @param store       as above
     */
    public StudySpec {
        venue = venue == null ? "BINANCE" : venue;
        params = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
        grid = grid == null ? new ArrayList<>() : new ArrayList<>(grid);
        seed = seed == null ? 0L : seed;
        constraints = constraints == null ? new ArrayList<>() : new ArrayList<>(constraints);
        objective = objective == null ? "sharpe" : objective;
        capital = capital == null ? BacktestConfig.DEFAULT_CAPITAL : capital;
        feeBps = feeBps == null ? BacktestConfig.DEFAULT_FEE_BPS : feeBps;
        slippageBps = slippageBps == null ? BigDecimal.ZERO : slippageBps;
        warmupBars = warmupBars == null ? 0L : warmupBars;
        risk = risk == null ? new ArrayList<>() : new ArrayList<>(risk);
        enhancers = enhancers == null ? new ArrayList<>() : new ArrayList<>(enhancers);
        pboBlocks = pboBlocks == null ? 16 : pboBlocks;
    }

    /**
     * Reads and checks a study file.
     *
     * @param file the {@code study.yaml}
     * @return the study, checked
     * @throws UserInputException naming the file and the key at fault
     */
    public static StudySpec read(Path file) {
        StudySpec spec = YamlFiles.read(file, StudySpec.class, "study file");
        if (spec == null) {
            throw new UserInputException(file + ": the study file is empty; required keys: data, strategy, grid,"
                    + " plugins, output");
        }
        return spec.checked(file.toString());
    }

    /**
     * Checks the values {@code optimize} would check before any trial.
     *
     * @param source the file name, for the messages
     * @return this
     * @throws UserInputException naming the key at fault and its allowed values
     */
    public StudySpec checked(String source) {
        require(source, "data", data);
        require(source, "strategy", strategy);
        require(source, "plugins", plugins);
        require(source, "output", output);
        if (grid.isEmpty()) {
            throw new UserInputException(source + ": 'grid' needs at least one NAME=FROM..TO:STEP or"
                    + " NAME=V1,V2,... entry");
        }
        try {
            Objective.parse(objective);
        } catch (UserInputException e) {
            throw new UserInputException(source + ": 'objective': " + e.getMessage().replace("--objective: ", ""));
        }
        if (random != null && random < 1) {
            throw new UserInputException(source + ": 'random' must be >= 1, got " + random);
        }
        if (pboBlocks < 2 || pboBlocks > 30 || pboBlocks % 2 != 0) {
            throw new UserInputException(source + ": 'pboBlocks' must be even, from 2 to 30, got " + pboBlocks);
        }
        if (warmupBars < 0) {
            throw new UserInputException(source + ": 'warmupBars' must be >= 0, got " + warmupBars);
        }
        if (slices != null && slices < 1) {
            throw new UserInputException(source + ": 'slices' must be >= 1, got " + slices);
        }
        config(null, params); // a malformed risk, enhancer or sizer reference names its key
        return this;
    }

    /**
     * The objective.
     *
     * @return it
     */
    public Objective goal() {
        return Objective.parse(objective);
    }

    /**
     * A trial's configuration, as {@code optimize} builds it from the same options.
     *
     * @param instrument the instrument traded (null only to check the references)
     * @param parameters the strategy's parameters, as typed
     * @return the configuration, extension references unchecked (the session checks them)
     * @throws UserInputException when a risk, enhancer or sizer reference is malformed
     */
    public BacktestConfig config(Instrument instrument, Map<String, String> parameters) {
        List<ExtensionRef> rules = ExtensionRefs.parseAll("'risk'", risk);
        List<ExtensionRef> enhancing = ExtensionRefs.parseAll("'enhancers'", enhancers);
        ExtensionRef sizing = sizer == null ? null : ExtensionRefs.parse("'sizer'", sizer);
        if (instrument == null) {
            return null;
        }
        return new BacktestConfig(instrument, capital, feeBps, slippageBps, new ExtensionRef(strategy, parameters),
                enhancing, sizing, rules);
    }

    private static void require(String source, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new UserInputException(source + ": missing key '" + key + "'; required keys: data, strategy,"
                    + " grid, plugins, output");
        }
    }
}
