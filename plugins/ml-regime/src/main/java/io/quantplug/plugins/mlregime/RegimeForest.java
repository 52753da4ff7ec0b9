package io.quantplug.plugins.mlregime;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trains the regime classifier: Breiman's random forest ("Random Forests", Machine Learning 45, 2001) as Tribuo
 * 4.3 builds it. Each of {@code trees} CART trees (Gini impurity, at most {@code maxDepth} levels, at least
 * {@value #MIN_CHILD_WEIGHT} examples in a child, a random half of the ten features tried at each split) learns from
 * a bootstrap sample of the examples; the forest's scores are the mean of the trees' leaf class proportions
 * ({@link RegimePrediction}).
 *
 * <p>Reproducible: a new trainer is made for every fit, seeded with {@code seed}, so a fit depends only on its
 * examples and the parameters, not on how many fits came before (Tribuo's trainers otherwise advance their random
 * state with every call). The data provenance carries the fit bar's close time, not the wall clock.
 *
 * <p>Tribuo logs through {@code java.util.logging}, one INFO line per tree of every fit. Unless the host has set a
 * level for the {@code org.tribuo} logger, this class sets it to WARNING (a JVM-wide setting, kept while this class
 * is loaded), so that fits do not flood the console; warnings still show.
 *
 * <p>Immutable and thread-safe; {@link #fit} may run on any thread.
 */
final class RegimeForest {

    /** The smallest total example weight of a child node (Tribuo's {@code minChildWeight}). */
    static final float MIN_CHILD_WEIGHT = 5f;
    /** The share of the features tried at each split. */
    static final float FEATURES_PER_SPLIT = 0.5f;

    /** Held so that the level set below is not lost when the JDK collects an unreferenced logger. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        if (TRIBUO_LOG.getLevel() == null) {
            TRIBUO_LOG.setLevel(Level.WARNING);
        }
    }

    private static final LabelFactory LABELS = new LabelFactory();

    private final int trees;
    private final int maxDepth;
    private final long seed;

    /**
     * A forest configuration.
     *
     * @param trees    number of trees, &ge; 1
     * @param maxDepth the deepest level of a tree, &ge; 1
     * @param seed     the seed of the bootstrap samples and the feature draws
     */
    RegimeForest(int trees, int maxDepth, long seed) {
        if (trees < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("need trees >= 1 and maxDepth >= 1, got " + trees + ", " + maxDepth);
        }
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.seed = seed;
    }

    /**
     * Fits a forest.
     *
     * @param features       one row of {@link RegimeFeatures#NAMES} values per example, finite, at least one row
     * @param labels         the label of each row
     * @param fitBar         the bar index of the fit, for the model's record
     * @param fitCloseMillis that bar's close time, UTC epoch milliseconds: the data's time stamp
     * @return the trained model
     * @throws IllegalArgumentException when there are no rows or the arrays differ in length
     */
    RegimeModel fit(double[][] features, MarketRegime[] labels, long fitBar, long fitCloseMillis) {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as rows, at least one; got " + features.length
                    + " rows, " + labels.length + " labels");
        }
        OffsetDateTime stamp = OffsetDateTime.ofInstant(Instant.ofEpochMilli(fitCloseMillis), ZoneOffset.UTC);
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(
                "ml-regime walk-forward examples", stamp, LABELS), LABELS);
        int[] counts = new int[MarketRegime.values().length];
        for (int k = 0; k < features.length; k++) {
            data.add(new ArrayExample<>(new Label(labels[k].name()), names(), features[k].clone()));
            counts[labels[k].ordinal()]++;
        }
        CARTClassificationTrainer cart = new CARTClassificationTrainer(maxDepth, MIN_CHILD_WEIGHT, 0f,
                FEATURES_PER_SPLIT, false, new GiniIndex(), seed);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(),
                trees, seed);
        Model<Label> model = forest.train(data);
        return new RegimeModel(model, fitBar, fitCloseMillis, features.length, counts);
    }

    /** A fresh array per example: Tribuo may sort the names it is given in place. */
    static String[] names() {
        return RegimeFeatures.NAMES.toArray(new String[0]);
    }

    static LabelFactory labels() {
        return LABELS;
    }
}
