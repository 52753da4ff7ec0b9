package io.quantplug.plugins.pairs;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

import java.util.List;

/**
 * Provides {@code pairs-trading}: one instance trades two instruments as a pair, on the z-score of their
 * Engle-Granger spread re-estimated on a rolling window (see {@link PairsTradingStrategy} for the rule). The ranges
 * below are inclusive; {@link PairsSettings} cross-checks them.
 */
public final class PairsTradingProvider implements StrategyProvider {

    /** Parameter: bars of the rolling window of the hedge ratio, the z-score and the cointegration test. */
    public static final String LOOKBACK = "lookback";
    /** Parameter: the |z| above which a position is opened. */
    public static final String ENTRY_Z = "entryZ";
    /** Parameter: the |z| below which a position is closed. */
    public static final String EXIT_Z = "exitZ";
    /** Parameter: the |z| beyond which a position is stopped out, 0 for none. */
    public static final String STOP_Z = "stopZ";
    /** Parameter: the gross notional of both legs as a share of the account's equity. */
    public static final String ALLOCATION = "allocation";
    /** Parameter: the size of the cointegration gate's test, 0 for no gate. */
    public static final String SIGNIFICANCE = "significance";
    /** Parameter: lagged differences of the gate's ADF regression. */
    public static final String ADF_LAGS = "adfLags";
    /** Parameter: paired bars before the first entry. */
    public static final String MIN_BARS = "minBars";
    /** Parameter: {@code long-only} or {@code long-short}. */
    public static final String MODE = "mode";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("pairs-trading",
            "Pairs trading",
            "Two instruments y (first) and x (second): the hedge ratio beta and intercept alpha of log y on log x "
                    + "by OLS over the last lookback bars, the spread log y - alpha - beta log x and its z-score "
                    + "over the same window. Long the spread (long y, short x) when z crosses below -entryZ, short "
                    + "it (short y, long x) when z crosses above entryZ, out when z comes back within exitZ or "
                    + "passes stopZ; optionally only while the window's Engle-Granger ADF statistic is below "
                    + "MacKinnon's critical value. Legs dollar-neutral in beta: notional x = beta x notional y, "
                    + "together allocation x equity. mode=long-only (spot) places only the long leg.",
            schema());

    private static ParameterSchema schema() {
        return new ParameterSchema(List.of(
                ParameterSpec.integer(LOOKBACK).defaultValue(720).range(20, 20_000).unit("bars")
                        .description("window of the rolling OLS hedge ratio, of the z-score and of the "
                                + "cointegration test, in paired bars (bars of both instruments with the same open "
                                + "time)").build(),
                ParameterSpec.decimal(ENTRY_Z).defaultValue(2).range(0.1, 10).unit("sigmas")
                        .description("enter when the spread's z-score crosses beyond +-entryZ (from inside)")
                        .build(),
                ParameterSpec.decimal(EXIT_Z).defaultValue(0.5).range(0, 10).unit("sigmas")
                        .description("exit when the z-score comes back within +-exitZ (or passes through to the "
                                + "other side); below entryZ").build(),
                ParameterSpec.decimal(STOP_Z).defaultValue(4).range(0, 50).unit("sigmas")
                        .description("stop out when |z| exceeds stopZ; no entry beyond it; 0 for no stop, else "
                                + "above entryZ").build(),
                ParameterSpec.decimal(ALLOCATION).defaultValue(0.5).range(0.01, 1)
                        .description("gross notional of both legs as a share of the account's equity at the "
                                + "entry decision: notional y = allocation x equity / (1 + beta), notional x = beta "
                                + "x notional y").build(),
                ParameterSpec.decimal(SIGNIFICANCE).defaultValue(0.05).range(0, 0.1)
                        .description("cointegration gate: enter only while the Engle-Granger ADF statistic of the "
                                + "window is below MacKinnon's critical value at this size: 0.01, 0.05 or 0.1; 0 "
                                + "for no gate").build(),
                ParameterSpec.integer(ADF_LAGS).defaultValue(1).range(0, 48).unit("lags")
                        .description("lagged differences in the gate's ADF regression on the window's residuals")
                        .build(),
                ParameterSpec.integer(MIN_BARS).defaultValue(0).range(0, 1_000_000).unit("bars")
                        .description("paired bars to see before the first entry; the first entry also waits for "
                                + "a full lookback window").build(),
                ParameterSpec.choice(MODE, PairsMode.LONG_ONLY_NAME, PairsMode.LONG_SHORT_NAME)
                        .defaultValue(PairsMode.LONG_ONLY_NAME)
                        .description("long-only: place only the long leg (spot instruments, which cannot be "
                                + "shorted); long-short: both legs (both instruments must be able to be "
                                + "shorted, such as perpetuals; refused on spot)").build()));
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Creates the strategy for the instance's two instruments: {@code y} the first of
     * {@link StrategyContext#instruments()}, {@code x} the second.
     *
     * @param context the instance's context, its parameters checked against {@link #descriptor()}'s schema
     * @return a new strategy
     * @throws InvalidParameterException when the instance does not subscribe to exactly two instruments, the
     *                                   parameters are inconsistent ({@link PairsSettings#of}), or {@code mode} is
     *                                   {@code long-short} and an instrument cannot be shorted (spot)
     */
    @Override
    public Strategy create(StrategyContext context) {
        int count = context.instruments().size();
        if (count != 2) {
            throw new InvalidParameterException("instruments", "pairs-trading trades exactly two instruments (y, "
                    + "then x), but instance " + context.instanceId() + " subscribes to " + count + ": "
                    + context.instruments().stream().map(i -> i.id().toString()).toList()
                    + "; in a portfolio file give the strategy subscribe: [Y, X]");
        }
        PairsSettings settings = PairsSettings.of(context.parameters());
        if (settings.mode() == PairsMode.LONG_SHORT) {
            for (Instrument instrument : context.instruments()) {
                if (!instrument.kind().allowsShort()) {
                    throw new InvalidParameterException(MODE, "parameter '" + MODE + "' = long-short needs two "
                            + "instruments that can be shorted, but " + instrument.id() + " is "
                            + instrument.kind() + " (a spot short is refused); use mode=long-only on spot");
                }
            }
        }
        return new PairsTradingStrategy(context, settings);
    }
}
