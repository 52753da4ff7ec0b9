package io.quantplug.plugins.circuitbreaker;

/** Which measure of a bar the volatility-spike trigger watches (parameter {@code volatilityMeasure}). */
enum VolatilityMeasure {
    /** The close-to-close log return, {@code r_t = ln(C_t / C_{t-1})}: a spike is {@code |r_t| > k * sd(r)}. */
    RETURN,
    /**
     * The log range {@code g_t = ln(H_t / L_t)}: a spike is {@code g_t > mean(g) + k * sd(g)}; ranges are positive,
     * so they are measured from their rolling mean, not from zero.
     */
    RANGE,
    /** Either of the two. */
    EITHER;

    boolean watchesReturn() {
        return this != RANGE;
    }

    boolean watchesRange() {
        return this != RETURN;
    }
}
