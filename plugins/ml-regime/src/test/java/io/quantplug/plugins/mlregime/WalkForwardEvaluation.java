package io.quantplug.plugins.mlregime;

import io.quantplug.api.market.Bar;

import java.util.List;
import java.util.Map;

/**
 * Runs the enhancer over bars as the engine does (one bar, then the question) and scores every out-of-sample
 * prediction against the label the bar later got: the prediction at bar t comes from a fit at {@code s <= t} that
 * learnt from bars {@code i <= s - h}, while t's own label reads bars {@code t+1 .. t+h}, none of which any fit
 * before t saw.
 */
final class WalkForwardEvaluation {

    /** counts[actual][predicted], by regime ordinal. */
    final long[][] confusion = new long[4][4];
    long predictions;
    long correct;

    static WalkForwardEvaluation run(List<Bar> bars, Map<String, ?> parameters, int horizon, int longBars,
                                     double trendThreshold, double volatilityThreshold) {
        MlRegimeEnhancer enhancer = Fixtures.enhancer(parameters);
        RegimeLabeler labeler = new RegimeLabeler(horizon, longBars, trendThreshold, volatilityThreshold);
        BarWindow all = Fixtures.window(bars);
        WalkForwardEvaluation e = new WalkForwardEvaluation();
        for (int t = 0; t < bars.size(); t++) {
            enhancer.onBar(bars.get(t));
            RegimePrediction p = enhancer.prediction(Fixtures.BTC).orElse(null);
            if (p == null || t + horizon >= bars.size()) {
                continue;
            }
            MarketRegime actual = labeler.label(all, t);
            e.confusion[actual.ordinal()][p.regime().ordinal()]++;
            e.predictions++;
            if (actual == p.regime()) {
                e.correct++;
            }
        }
        return e;
    }

    double accuracy() {
        return (double) correct / predictions;
    }

    /** The share of the most frequent actual label: what always predicting it would score. */
    double majorityShare() {
        long best = 0;
        for (long[] row : confusion) {
            long sum = 0;
            for (long c : row) {
                sum += c;
            }
            best = Math.max(best, sum);
        }
        return (double) best / predictions;
    }

    String table() {
        StringBuilder s = new StringBuilder(String.format("%-16s", "actual\\predicted"));
        for (MarketRegime r : MarketRegime.values()) {
            s.append(String.format("%16s", r));
        }
        for (MarketRegime a : MarketRegime.values()) {
            s.append(String.format("%n%-16s", a));
            for (MarketRegime p : MarketRegime.values()) {
                s.append(String.format("%16d", confusion[a.ordinal()][p.ordinal()]));
            }
        }
        return s.append(String.format("%n%d predictions, accuracy %.3f, majority share %.3f", predictions,
                accuracy(), majorityShare())).toString();
    }
}
