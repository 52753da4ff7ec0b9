package io.quantplug.plugins.signals;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The six factor scores of one signal and their weighted composite.
 *
 * @param factors   each factor's score, 0 to 100, for all six factors; copied
 * @param composite {@code sum(w_i f_i) / sum(w_i)}, 0 to 100
 */
record FactorScores(Map<Factor, Double> factors, double composite) {

    FactorScores {
        factors = Collections.unmodifiableMap(new EnumMap<>(factors));
        if (factors.size() != Factor.values().length) {
            throw new IllegalArgumentException("scores for all six factors needed, got " + factors.keySet());
        }
    }

    /**
     * Weighs the factors into the composite.
     *
     * @param factors each factor's score, 0 to 100
     * @param weights each factor's weight, &ge; 0, not all zero
     * @return the scores with {@code composite = sum(w_i f_i) / sum(w_i)}
     */
    static FactorScores weigh(Map<Factor, Double> factors, Map<Factor, Double> weights) {
        double sum = 0;
        double weightSum = 0;
        for (Factor f : Factor.values()) {
            double w = weights.get(f);
            sum += w * factors.get(f);
            weightSum += w;
        }
        return new FactorScores(factors, sum / weightSum);
    }

    /**
     * The quality class of the composite.
     *
     * @return A, B, C or D
     */
    QualityClass quality() {
        return QualityClass.of(composite);
    }

    /**
     * The factor with the highest score; the first in {@link Factor} order on a tie.
     *
     * @return the strongest factor
     */
    Factor strongest() {
        Factor best = Factor.TECHNICAL;
        for (Factor f : Factor.values()) {
            if (factors.get(f) > factors.get(best)) {
                best = f;
            }
        }
        return best;
    }

    /**
     * The factor with the lowest score; the first in {@link Factor} order on a tie.
     *
     * @return the weakest factor
     */
    Factor weakest() {
        Factor worst = Factor.TECHNICAL;
        for (Factor f : Factor.values()) {
            if (factors.get(f) < factors.get(worst)) {
                worst = f;
            }
        }
        return worst;
    }
}
