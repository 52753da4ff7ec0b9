package io.quantplug.plugins.signals;

/**
 * The trend of one higher timeframe, from its completed bars (see {@link HigherTimeframe}).
 */
public enum Trend {
    /** Close above its EMA and the EMA rising. */
    UP,
    /** Close below its EMA and the EMA falling. */
    DOWN,
    /** Neither: close and slope disagree, or are flat. */
    NEUTRAL,
    /** Too few completed bars for an EMA and its slope. */
    UNKNOWN;

    /**
     * Whether this trend agrees with a trade direction.
     *
     * @param d +1 long, -1 short
     * @return true for UP with a long and DOWN with a short
     */
    public boolean agreesWith(int d) {
        return d > 0 ? this == UP : this == DOWN;
    }

    /**
     * The trend as a number for scores: +1 up, -1 down, 0 otherwise.
     *
     * @return +1, -1 or 0
     */
    public int sign() {
        return this == UP ? 1 : this == DOWN ? -1 : 0;
    }
}
