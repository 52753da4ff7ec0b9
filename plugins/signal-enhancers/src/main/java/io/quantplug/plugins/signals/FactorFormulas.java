package io.quantplug.plugins.signals;

/**
 * The formulas of the six factors, each mapping market state to a score from 0 (against the trade) to 100 (for
 * it), and pure: no state, plain numbers in, so each is checked against a hand calculation. {@code d} is the trade's
 * direction: +1 long, -1 short.
 *
 * <p>The indicators come from the SDK ({@code Ema}, {@code Rsi}, {@code Sma}, {@code AverageTrueRange}) or this
 * plugin ({@link BarWindow}); the mapping of each to 0..100 is this plugin's convention, stated per
 * method, with the source of the underlying measure.
 */
final class FactorFormulas {

    /** A move of this many ATRs away from the mean counts as fully extended (a wide Keltner channel). */
    static final double FULL_EXTENSION_ATR = 3.0;
    /** Relative volume at which the volume factor reaches 100. */
    static final double FULL_RELATIVE_VOLUME = 2.0;
    /** Momentum in units of the typical move at which the momentum factor reaches 100 (or 0 against). */
    static final double FULL_MOMENTUM = 2.0;
    private static final double DAY_MILLIS = 86_400_000.0;

    private FactorFormulas() {
    }

    /**
     * Technical: the share of three trend and oscillator readings that agree with the trade.
     * <pre>
     *   technical = 100/3 (I[d (EMAfast - EMAslow) &gt; 0] + I[d (C - EMAslow) &gt; 0] + clamp((RSI_d - 30) / 40))
     *   RSI_d = RSI for a long, 100 - RSI for a short
     * </pre>
     * The first reading is the sign of Appel's MACD line (EMA(12) - EMA(26) with the defaults; G. Appel, 1979), the
     * second the close against the slow average, the third Wilder's RSI (1978) mapped linearly between his oversold
     * and overbought levels 30 and 70.
     *
     * @param d        +1 long, -1 short
     * @param emaFast  the fast EMA of closes
     * @param emaSlow  the slow EMA of closes
     * @param close    the latest close
     * @param rsi      Wilder's RSI, 0 to 100
     * @return 0 to 100
     */
    static double technical(int d, double emaFast, double emaSlow, double close, double rsi) {
        double trend = d * (emaFast - emaSlow) > 0 ? 1 : 0;
        double price = d * (close - emaSlow) > 0 ? 1 : 0;
        double rsiD = d > 0 ? rsi : 100 - rsi;
        return 100.0 / 3.0 * (trend + price + clamp01((rsiD - 30) / 40));
    }

    /**
     * Volume: relative volume {@code rv = V_t / mean(V_{t-n} .. V_{t-1})}, the bar's volume against the average of
     * the {@code n} bars before it; {@code volume = 100 min(rv, 2) / 2}. Average volume scores 50, twice the average
     * or more 100, no volume 0. Direction-free: volume confirms a move either way. When the average is 0 (no trades
     * for {@code n} bars), any volume scores 100 and none 0.
     *
     * @param volume  the latest bar's volume, base units, &ge; 0
     * @param average the mean volume of the bars before it, &ge; 0
     * @return 0 to 100
     */
    static double volume(double volume, double average) {
        if (average <= 0) {
            return volume > 0 ? 100 : 0;
        }
        return 100 * Math.min(volume / average, FULL_RELATIVE_VOLUME) / FULL_RELATIVE_VOLUME;
    }

    /**
     * The ATR as a percentage of the close, scaled from the bar length to one day by the square-root-of-time rule of
     * a random walk: {@code v = 100 ATR / C sqrt(day / bar)}, percent per day. So one band fits 1m and 1d bars alike.
     *
     * @param atr       the ATR, quote per base
     * @param close     the latest close, &gt; 0
     * @param barMillis the bar length, milliseconds
     * @return percent per day, &ge; 0
     */
    static double dailyAtrPercent(double atr, double close, long barMillis) {
        return 100 * atr / close * Math.sqrt(DAY_MILLIS / barMillis);
    }

    /**
     * Volatility: whether the daily ATR percentage {@code v} ({@link #dailyAtrPercent}) lies in the tradable band
     * {@code [lo, hi]}: 100 inside; below, {@code 100 v / lo} (too quiet to pay the costs); above,
     * {@code 100 max(0, 2 - v / hi)} (too wild for the stop), reaching 0 at twice the upper edge.
     *
     * @param dailyAtrPercent {@code v}, percent per day
     * @param lo              the band's lower edge, percent per day, &gt; 0
     * @param hi              the band's upper edge, percent per day, &gt; lo
     * @return 0 to 100
     */
    static double volatility(double dailyAtrPercent, double lo, double hi) {
        if (dailyAtrPercent < lo) {
            return 100 * dailyAtrPercent / lo;
        }
        if (dailyAtrPercent > hi) {
            return 100 * Math.max(0, 2 - dailyAtrPercent / hi);
        }
        return 100;
    }

    /**
     * Momentum: the {@code n}-bar rate of change in the trade's direction, in units of the typical {@code n}-bar move
     * (the ATR percentage scaled by {@code sqrt(n)}, the square-root-of-time rule):
     * <pre>
     *   z = d ROC_n / (ATR% sqrt(n)),   ROC_n = 100 (C_t - C_{t-n}) / C_{t-n},   ATR% = 100 ATR / C_t
     *   momentum = clamp(50 + 25 z, 0, 100)
     * </pre>
     * No change scores 50; two typical moves with the trade 100, against it 0. The rate of change is the classic
     * ROC oscillator (e.g. ta4j's {@code ROCIndicator}). A zero ATR (flat bars) gives 50, 100 or 0 by the sign.
     *
     * @param d          +1 long, -1 short
     * @param rocPercent {@code ROC_n}, percent
     * @param atrPercent {@code 100 ATR / C}, percent, &ge; 0
     * @param n          the ROC's look-back, bars, &ge; 1
     * @return 0 to 100
     */
    static double momentum(int d, double rocPercent, double atrPercent, int n) {
        double directed = d * rocPercent;
        if (atrPercent <= 0) {
            return directed > 0 ? 100 : directed < 0 ? 0 : 50;
        }
        double z = directed / (atrPercent * Math.sqrt(n));
        return clamp(50 + 50 * z / FULL_MOMENTUM, 0, 100);
    }

    /**
     * Risk/reward: the room to the recent swing extreme in the trade's direction against a stop {@code k} ATRs away
     * (the volatility stop of Wilder, 1978, and LeBeau's chandelier exit):
     * <pre>
     *   reward = HH - C (long) or C - LL (short),   risk = k ATR,   R = reward / risk
     *   riskReward = 100 clamp(R / Rfull, 0, 1)
     * </pre>
     * {@code HH}/{@code LL} are the highest high and lowest low of the swing look-back, the current bar included; a
     * trade at the extreme has no room (0), one with {@code Rfull} times its risk or more scores 100. With a zero
     * ATR, any room scores 100.
     *
     * @param d             +1 long, -1 short
     * @param close         the latest close
     * @param highestHigh   {@code HH}
     * @param lowestLow     {@code LL}
     * @param atr           the ATR, quote per base, &ge; 0
     * @param stopAtr       {@code k}, &gt; 0
     * @param fullRewardRisk {@code Rfull}, &gt; 0
     * @return 0 to 100
     */
    static double riskReward(int d, double close, double highestHigh, double lowestLow, double atr, double stopAtr,
                             double fullRewardRisk) {
        double reward = Math.max(0, d > 0 ? highestHigh - close : close - lowestLow);
        double risk = stopAtr * atr;
        if (risk <= 0) {
            return reward > 0 ? 100 : 0;
        }
        return 100 * clamp01(reward / risk / fullRewardRisk);
    }

    /**
     * Timing: penalises chasing. Half from the close's place in the recent range (Lane's stochastic %K,
     * {@code (C - LL) / (HH - LL)}), half from its extension from the mean in ATRs:
     * <pre>
     *   pos   = (C - LL) / (HH - LL)   (0.5 when HH = LL);   pos_d = pos (long), 1 - pos (short)
     *   ext_d = d (C - SMA) / ATR      (0 when ATR = 0)
     *   timing = 50 (1 - pos_d) + 50 clamp(1 - ext_d / 3, 0, 1)
     * </pre>
     * A long bought at the bottom of the range, at or below its mean, scores 100; one bought at the top, three ATRs
     * above the mean (the width of a wide Keltner channel), 0.
     *
     * @param d           +1 long, -1 short
     * @param close       the latest close
     * @param highestHigh {@code HH} of the range look-back
     * @param lowestLow   {@code LL} of the range look-back
     * @param mean        the simple average of the closes over the same look-back
     * @param atr         the ATR, quote per base, &ge; 0
     * @return 0 to 100
     */
    static double timing(int d, double close, double highestHigh, double lowestLow, double mean, double atr) {
        double range = highestHigh - lowestLow;
        double pos = range > 0 ? (close - lowestLow) / range : 0.5;
        double posD = d > 0 ? pos : 1 - pos;
        double extD = atr > 0 ? d * (close - mean) / atr : 0;
        return 50 * (1 - clamp01(posD)) + 50 * clamp01(1 - extD / FULL_EXTENSION_ATR);
    }

    private static double clamp01(double x) {
        return clamp(x, 0, 1);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
