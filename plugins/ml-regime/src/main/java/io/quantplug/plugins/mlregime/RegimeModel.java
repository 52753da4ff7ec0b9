package io.quantplug.plugins.mlregime;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained forest and what it was trained on. Immutable once built; Tribuo's models are safe for concurrent
 * prediction, but the enhancer calls it from the engine thread only.
 */
final class RegimeModel {

    private final Model<Label> model;
    private final long fitBar;
    private final long fitCloseMillis;
    private final int examples;
    private final int[] classCounts;

    RegimeModel(Model<Label> model, long fitBar, long fitCloseMillis, int examples, int[] classCounts) {
        this.model = model;
        this.fitBar = fitBar;
        this.fitCloseMillis = fitCloseMillis;
        this.examples = examples;
        this.classCounts = classCounts.clone();
    }

    /**
     * Classifies one bar.
     *
     * @param bar             the bar's index
     * @param closeTimeMillis its close time, UTC epoch milliseconds
     * @param features        its {@link RegimeFeatures} values
     * @return the prediction
     */
    RegimePrediction predict(long bar, long closeTimeMillis, double[] features) {
        Prediction<Label> p = model.predict(new ArrayExample<>(RegimeForest.labels().getUnknownOutput(),
                RegimeForest.names(), features.clone()));
        double[] probabilities = new double[MarketRegime.values().length];
        for (Label l : p.getOutputScores().values()) {
            probabilities[MarketRegime.valueOf(l.getLabel()).ordinal()] = l.getScore();
        }
        Label best = p.getOutput();
        return new RegimePrediction(bar, closeTimeMillis, MarketRegime.valueOf(best.getLabel()), best.getScore(),
                probabilities);
    }

    /** @return the bar index of the fit */
    long fitBar() {
        return fitBar;
    }

    /** @return the close time of the fit bar, UTC epoch milliseconds: the newest data the fit could see */
    long fitCloseMillis() {
        return fitCloseMillis;
    }

    /** @return the number of training examples */
    int examples() {
        return examples;
    }

    /** @return the training examples per regime, by ordinal (a copy) */
    int[] classCounts() {
        return classCounts.clone();
    }

    /**
     * Tribuo's feature importances of a tree ensemble ({@code Model.getTopFeatures}): how often a feature is split
     * on, counted per tree and averaged over the trees. Features no tree splits on are left out.
     *
     * @return feature name to mean splits per tree, highest first (ties by name)
     */
    Map<String, Double> featureImportances() {
        List<Pair<String, Double>> top = model.getTopFeatures(-1).getOrDefault(Model.ALL_OUTPUTS, List.of());
        List<Pair<String, Double>> sorted = new ArrayList<>(top);
        sorted.sort(Comparator.comparing((Pair<String, Double> p) -> -p.getB()).thenComparing(Pair::getA));
        Map<String, Double> out = new LinkedHashMap<>();
        sorted.forEach(p -> out.put(p.getA(), p.getB()));
        return out;
    }
}
