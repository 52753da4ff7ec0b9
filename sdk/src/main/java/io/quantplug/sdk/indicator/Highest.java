package io.quantplug.sdk.indicator;

/**
 * The largest of the last {@code period} inputs, the newest included: fed bar highs it gives the highest high of the
 * last {@code period} bars (the channel of R. Donchian's breakout rules, and the extreme of the stochastic
 * oscillator).
 *
 * <p>Same definition as ta4j's {@code HighestValueIndicator} once {@code period} inputs were fed (ta4j also reports a value over
 * the shorter history before that; this class reports {@code NaN}). Amortised O(1) time per update, O(period)
 * memory.
 */
public final class Highest extends WindowExtremum {

    /**
     * Creates the indicator.
     *
     * @param period the window length in inputs, &ge; 1
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public Highest(int period) {
        super("Highest", period, true);
    }
}
