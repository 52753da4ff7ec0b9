package io.quantplug.plugins.signals;

/**
 * The quality class of a composite score (0 to 100): {@code A} from 80, {@code B} from 65, {@code C} from 50,
 * {@code D} below 50. The bands are this plugin's convention, in the spirit of letter grades: A and B are the setups
 * most factors support, C is a coin-flip setup with a slight edge, D is a setup most factors argue against.
 */
public enum QualityClass {
    /** Composite &ge; 80. */
    A(80),
    /** 65 &le; composite &lt; 80. */
    B(65),
    /** 50 &le; composite &lt; 65. */
    C(50),
    /** Composite &lt; 50. */
    D(Double.NEGATIVE_INFINITY);

    private final double lowerBound;

    QualityClass(double lowerBound) {
        this.lowerBound = lowerBound;
    }

    /**
     * The inclusive lower bound of the class.
     *
     * @return points, 0 to 100; negative infinity for {@link #D}
     */
    public double lowerBound() {
        return lowerBound;
    }

    /**
     * The class of a composite score.
     *
     * @param composite 0 to 100
     * @return the first class whose lower bound the score reaches
     */
    public static QualityClass of(double composite) {
        for (QualityClass c : values()) {
            if (composite >= c.lowerBound) {
                return c;
            }
        }
        return D;
    }
}
