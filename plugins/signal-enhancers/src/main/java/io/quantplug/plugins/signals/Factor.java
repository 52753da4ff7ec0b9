package io.quantplug.plugins.signals;

/**
 * The six factors of the {@code multi-factor-score} enhancer, in the order they are reported. Each scores a signal
 * from 0 (against the trade) to 100 (for it); {@link FactorFormulas} has the formulas and their sources.
 */
public enum Factor {
    /** Trend and oscillator agreement with the signal's direction (EMA(fast) vs EMA(slow), close vs EMA, RSI). */
    TECHNICAL("technical"),
    /** The bar's volume relative to its recent average. */
    VOLUME("volume"),
    /** Whether the ATR as a share of the price, scaled to a day, lies in a tradable band. */
    VOLATILITY("volatility"),
    /** The rate of change in the signal's direction, in units of the typical move. */
    MOMENTUM("momentum"),
    /** The distance to the recent swing high (long) or low (short) against an ATR-based stop. */
    RISK_REWARD("riskReward"),
    /** Where the close sits in the recent range and how far it is extended from its mean. */
    TIMING("timing");

    /** The prefix of every score name this enhancer adds to a signal. */
    public static final String SCORE_PREFIX = "score.";
    /** The score name of the weighted composite. */
    public static final String COMPOSITE = SCORE_PREFIX + "composite";

    private final String label;

    Factor(String label) {
        this.label = label;
    }

    /**
     * The factor's name in reasons, diagnostics and parameter names, e.g. {@code riskReward}.
     *
     * @return the camel-case name
     */
    public String label() {
        return label;
    }

    /**
     * The name of the factor's score on a signal, e.g. {@code score.riskReward}.
     *
     * @return {@value #SCORE_PREFIX} followed by {@link #label()}
     */
    public String scoreName() {
        return SCORE_PREFIX + label;
    }

    /**
     * The name of the factor's weight parameter, e.g. {@code weightRiskReward}.
     *
     * @return {@code weight} followed by the label with its first letter in upper case
     */
    public String weightParameter() {
        return "weight" + Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
