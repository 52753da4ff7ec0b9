package io.quantplug.plugins.signals;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The validated parameters of one {@code multi-factor-score} instance; see {@link MultiFactorScoreProvider} for
 * their meaning, units and bounds.
 *
 * @param minScore       entries whose composite is below this are dropped, 0 to 100
 * @param emaFast        fast EMA period, bars
 * @param emaSlow        slow EMA period, bars, &gt; emaFast
 * @param rsiPeriod      RSI period, bars
 * @param volumeBars     bars averaged for the relative volume
 * @param atrPeriod      ATR period, bars
 * @param minVolatility  lower edge of the tradable band, ATR percent per day
 * @param maxVolatility  upper edge of the tradable band, ATR percent per day, &gt; minVolatility
 * @param momentumBars   rate-of-change look-back, bars
 * @param swingBars      look-back of the swing high and low, bars
 * @param stopAtr        the stop distance, ATRs
 * @param fullRewardRisk the reward/risk ratio that scores 100
 * @param rangeBars      look-back of the timing range and mean, bars
 * @param weights        each factor's weight, &ge; 0, not all zero; copied
 * @param scaleStrength  whether a passed entry's strength is multiplied by {@code composite / 100}
 */
record FactorSettings(double minScore, int emaFast, int emaSlow, int rsiPeriod, int volumeBars, int atrPeriod,
                      double minVolatility, double maxVolatility, int momentumBars, int swingBars, double stopAtr,
                      double fullRewardRisk, int rangeBars, Map<Factor, Double> weights, boolean scaleStrength) {

    /** Bars kept beyond the look-backs so a restored instance's EMA and RSI lose their seed (see {@link #keptBars}). */
    private static final int SMOOTHING_MULTIPLE = 20;

    FactorSettings {
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
    }

    /**
     * Bars needed before a signal can be scored: every indicator defined and every look-back full. The relative
     * volume needs {@code volumeBars} bars before the current one.
     *
     * @return bars
     */
    int requiredBars() {
        return Math.max(Math.max(Math.max(emaSlow, rsiPeriod + 1), Math.max(atrPeriod, volumeBars + 1)),
                Math.max(Math.max(momentumBars + 1, swingBars), rangeBars));
    }

    /**
     * Bars kept per instrument: the look-backs plus {@code 20 p} bars ({@code p} the longest smoothing period), so
     * that replaying them after a hot swap rebuilds the EMA, RSI and ATR with a seed whose weight is at most
     * {@code (1 - 1/p)^(20 p) < e^-20} (about 2e-9): the same values as without the swap, to that precision.
     *
     * @return bars
     */
    int keptBars() {
        int smoothing = Math.max(Math.max(emaSlow, rsiPeriod), atrPeriod);
        return requiredBars() + SMOOTHING_MULTIPLE * smoothing;
    }
}
