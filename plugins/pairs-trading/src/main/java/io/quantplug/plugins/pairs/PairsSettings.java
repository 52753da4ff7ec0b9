package io.quantplug.plugins.pairs;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.Parameters;
import io.quantplug.sdk.statistics.SignificanceLevel;

import java.math.BigDecimal;

/**
 * The parameters of {@code pairs-trading} (see {@link PairsTradingProvider} for their ranges and
 * {@link PairsTradingStrategy} for the rule they drive).
 *
 * @param lookback     paired bars of the rolling window, &ge; 20
 * @param entryZ       entry threshold of {@code |z|}, &gt; 0
 * @param exitZ        exit threshold of {@code |z|}, below {@code entryZ}
 * @param stopZ        stop threshold of {@code |z|}, above {@code entryZ}, or 0 for none
 * @param allocation   gross notional of both legs as a share of equity, in (0, 1]
 * @param significance the gate's test size, or null for no gate
 * @param adfLags      lagged differences of the gate's ADF regression
 * @param minBars      paired bars before the first entry
 * @param mode         which legs a position holds
 */
record PairsSettings(int lookback, double entryZ, double exitZ, double stopZ, BigDecimal allocation,
                     SignificanceLevel significance, int adfLags, int minBars, PairsMode mode) {

    /**
     * Reads and cross-checks the parameters.
     *
     * @param p parameters resolved against {@link PairsTradingProvider}'s schema
     * @return the settings
     * @throws InvalidParameterException when {@code exitZ >= entryZ}, {@code stopZ} is set but not above
     *                                   {@code entryZ}, or {@code significance} is not 0, 0.01, 0.05 or 0.1, or the gate's
     *                                   {@code adfLags} exceed a quarter of {@code lookback}; names the parameter
     */
    static PairsSettings of(Parameters p) {
        double entry = p.getDouble(PairsTradingProvider.ENTRY_Z);
        double exit = p.getDouble(PairsTradingProvider.EXIT_Z);
        double stop = p.getDouble(PairsTradingProvider.STOP_Z);
        if (exit >= entry) {
            throw new InvalidParameterException(PairsTradingProvider.EXIT_Z, "parameter '"
                    + PairsTradingProvider.EXIT_Z + "' = " + exit + " must be below " + PairsTradingProvider.ENTRY_Z
                    + " (" + entry + "): a position is closed nearer the mean than it is opened");
        }
        if (stop != 0 && stop <= entry) {
            throw new InvalidParameterException(PairsTradingProvider.STOP_Z, "parameter '"
                    + PairsTradingProvider.STOP_Z + "' = " + stop + " must be 0 (no stop) or above "
                    + PairsTradingProvider.ENTRY_Z + " (" + entry + ")");
        }
        int lookback = p.getInt(PairsTradingProvider.LOOKBACK);
        int lags = p.getInt(PairsTradingProvider.ADF_LAGS);
        SignificanceLevel level = level(p.getDecimal(PairsTradingProvider.SIGNIFICANCE));
        if (level != null && lags > lookback / 4) {
            throw new InvalidParameterException(PairsTradingProvider.ADF_LAGS, "parameter '"
                    + PairsTradingProvider.ADF_LAGS + "' = " + lags + " must be at most " + PairsTradingProvider.LOOKBACK
                    + " / 4 (" + lookback / 4 + "): the gate's ADF regression needs rows to spare");
        }
        return new PairsSettings(lookback, entry, exit, stop, p.getDecimal(PairsTradingProvider.ALLOCATION), level,
                lags, p.getInt(PairsTradingProvider.MIN_BARS), PairsMode.of(p.getString(PairsTradingProvider.MODE)));
    }

    private static SignificanceLevel level(BigDecimal size) {
        if (size.signum() == 0) {
            return null;
        }
        for (SignificanceLevel level : SignificanceLevel.values()) {
            if (size.compareTo(BigDecimal.valueOf(level.probability())) == 0) {
                return level;
            }
        }
        throw new InvalidParameterException(PairsTradingProvider.SIGNIFICANCE, "parameter '"
                + PairsTradingProvider.SIGNIFICANCE + "' = " + size.toPlainString() + " must be 0 (no gate), 0.01, "
                + "0.05 or 0.1: MacKinnon (2010) tabulates critical values at 1, 5 and 10 %");
    }

    /**
     * The paired bars after which the first entry may be taken: a full window, and {@code minBars}.
     *
     * @return at least {@code lookback}
     */
    int warmupBars() {
        return Math.max(lookback, minBars);
    }
}
