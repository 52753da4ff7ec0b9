package io.quantplug.plugins.mlregime;

import io.quantplug.api.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier learns: walk-forward, out-of-sample accuracy against the labels the bars later got
 * ({@link WalkForwardEvaluation}).
 *
 * <p>Why the bound on the simulated market is sound: if the predictions carried no information about the labels
 * (independent of them), the expected accuracy would be {@code sum_k q_k p_k <= max_k p_k}, the majority share of the
 * labels (q: how often each regime is predicted, p: how often it is the label); the majority share is at least the
 * chance level of 25 %. Labels of neighbouring bars overlap (each reads h = 24 bars), so the 3,857 predictions count
 * as about 3,857 / 24 = 160 independent ones; the standard deviation of an uninformed accuracy is then at most
 * {@code 0.5 / sqrt(160) = 0.04}. Requiring the majority share + 0.15 (and at least 0.5, twice the chance level) asks
 * for more than 3.5 such deviations above what an uninformed classifier scores.
 */
class ClassifierLearnsTest {

    @Test
    void farAboveChanceOnASimulatedMarketOfKnownRegimes() {
        // segments of 150..300 bars drifting up or down by 0.6 sigma per bar or flat, and bursts of 30..60 bars at
        // three times the volatility and volume; the four regimes in shuffled rounds, so each is as frequent
        SimulatedMarket market = SimulatedMarket.generate(2, 5_000, 0.6, 150, 30);
        WalkForwardEvaluation e = WalkForwardEvaluation.run(market.bars, Map.of("featureBars", 24, "longBars", 96,
                "horizonBars", 24, "minTrainingExamples", 1_000, "trainingWindow", 1_200, "retrainEveryBars", 500,
                "trees", 15, "maxDepth", 6), 24, 96, 1.0, 1.5);
        System.out.println("ml-regime, simulated market (seed 2), walk-forward out of sample:\n" + e.table());
        // predictions from the first fit at 96 + 24 + 1000 - 1 = 1119 to the last labelled bar 5000 - 24 - 1
        assertThat(e.predictions).isEqualTo(4_975 - 1_119 + 1);
        assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.5);
        assertThat(e.accuracy()).isGreaterThanOrEqualTo(e.majorityShare() + 0.15);
    }

    @Test
    void confusionCountsOnRealBitcoinHours() {
        // 6,000 hours of BTCUSDT from 2021-04-04, with the default feature and label windows (1 day, 1 week, 1 day)
        List<Bar> bars = Fixtures.btcHours().subList(0, 6_000);
        WalkForwardEvaluation e = WalkForwardEvaluation.run(bars, Map.of("minTrainingExamples", 1_000,
                "trainingWindow", 1_000, "retrainEveryBars", 500, "trees", 20), 24, 168, 1.0, 1.5);
        System.out.println("ml-regime, BTCUSDT 1h from 2021-04-04, walk-forward out of sample:\n" + e.table());
        // first fit at 168 + 24 + 1000 - 1 = 1191; labels exist up to bar 6000 - 24 - 1 = 5975
        assertThat(e.predictions).isEqualTo(5_975 - 1_191 + 1);
        long total = 0;
        for (long[] row : e.confusion) {
            long labelled = 0;
            for (long c : row) {
                labelled += c;
            }
            assertThat(labelled).as("every regime occurs as a label").isPositive();
            total += labelled;
        }
        assertThat(total).isEqualTo(e.predictions);
    }
}
