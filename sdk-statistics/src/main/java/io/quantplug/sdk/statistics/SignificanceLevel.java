package io.quantplug.sdk.statistics;

/**
 * A test size for which MacKinnon (2010) tabulates response-surface critical values: 1 %, 5 % or 10 %.
 */
public enum SignificanceLevel {

    /** 1 %: the null of a unit root (or of no cointegration) is rejected when the statistic is below the 1 % value. */
    ONE_PERCENT(0.01),
    /** 5 %. */
    FIVE_PERCENT(0.05),
    /** 10 %. */
    TEN_PERCENT(0.10);

    private final double probability;

    SignificanceLevel(double probability) {
        this.probability = probability;
    }

    /**
     * The size of the test as a probability.
     *
     * @return 0.01, 0.05 or 0.10
     */
    public double probability() {
        return probability;
    }
}
