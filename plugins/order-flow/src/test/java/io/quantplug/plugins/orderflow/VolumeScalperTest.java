package io.quantplug.plugins.orderflow;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.testkit.FakeStrategyContext.ScheduledTimer;
import io.quantplug.testkit.TestParameters;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quantplug.plugins.orderflow.ScalperBench.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VolumeScalperTest {

    /**
     * The ladder and the bid-leaning book, then a sell at 101.05: row 101 holds 11, the total is 101 (target 70.7);
     * from the POC 103 (40) the pair below (102 + 101 = 31) beats the pair above (104 + 105 = 20): 71, value area
     * 101..103. |101.05 - 101| = 0.05 <= 101 x 10 bps = 0.101, imbalance 1/3 >= 0.2, no whale: LONG at 101.05.
     */
    private static ScalperBench enteredAt101_05() {
        ScalperBench bench = new ScalperBench();
        bench.ladderAndBidBook();
        assertThat(bench.context.signals()).as("106.5 is far from the value area low").isEmpty();
        bench.trade(1_000, 101.05, 1, Side.SELL);
        return bench;
    }

    @Test
    void buysAtTheValueAreaLowWhenTheBookLeansToTheBids() {
        ScalperBench bench = enteredAt101_05();
        assertThat(bench.context.signals()).singleElement().satisfies(s -> {
            assertThat(s.direction()).isEqualTo(SignalDirection.LONG);
            assertThat(s.timeMillis()).isEqualTo(T0 + 1_000);
            assertThat(s.reason()).contains("value area low 101.0").contains("book imbalance 0.333");
            // footprint of the bar so far: 100 bought, 1 sold -> delta 99 of 101; buying imbalances at 101 (10 vs
            // 0 bid at 100), 102 (20 vs 1), 103..106 (vs 0): 6; selling: 101's 1 vs 20 asks at 102: none
            assertThat(s.scores()).containsEntry(FootprintScores.DELTA, 99.0)
                    .containsEntry(FootprintScores.VOLUME, 101.0)
                    .containsEntry(FootprintScores.ASK_VOLUME, 100.0)
                    .containsEntry(FootprintScores.BID_VOLUME, 1.0)
                    .containsEntry(FootprintScores.LAST_BAR_ABSORPTION, 0.0)   // no bar completed yet
                    .containsEntry(FootprintScores.CUMULATIVE_DELTA, 99.0)
                    .containsEntry(FootprintScores.BUY_IMBALANCES, 6.0)
                    .containsEntry(FootprintScores.SELL_IMBALANCES, 0.0);
        });
        assertThat(bench.context.timers()).containsExactly(new ScheduledTimer("max-hold", T0 + 121_000));
        assertThat(bench.scalper.isLong()).isTrue();
    }

    @Test
    void noEntryWithoutBookConfirmationOrBeforeTheWarmUp() {
        ScalperBench noBook = new ScalperBench();
        double[] volumes = {5, 10, 20, 40, 15, 5, 5};
        for (int i = 0; i < volumes.length; i++) {
            noBook.trade(i * 100L, 100.5 + i, volumes[i], Side.BUY);
        }
        noBook.trade(1_000, 101.05, 1, Side.SELL);         // at the low, but no book seen yet
        noBook.book(1_100, 1, 1, 1, 1);                     // imbalance 0 < 0.2
        assertThat(noBook.context.signals()).isEmpty();
        noBook.book(1_200, 2, 1, 1, 1);                     // (3 - 2) / 5 = 0.2: confirmed on the book update
        assertThat(noBook.context.signals()).extracting(Signal::direction).containsExactly(SignalDirection.LONG);

        ScalperBench cold = new ScalperBench(Map.of("minProfileTrades", 9));
        cold.ladderAndBidBook();
        cold.trade(1_000, 101.05, 1, Side.SELL);            // 8 trades in the window, 9 needed
        assertThat(cold.context.signals()).isEmpty();
        cold.trade(1_100, 101.05, 1, Side.SELL);
        assertThat(cold.context.signals()).hasSize(1);
    }

    @Test
    void exitsAtTheProfitTarget() {
        ScalperBench bench = enteredAt101_05();
        bench.trade(2_000, 101.55, 1, Side.BUY);            // target 101.05 x 1.005 = 101.55525: not yet
        assertThat(bench.context.signals()).hasSize(1);
        bench.trade(2_100, 101.56, 1, Side.BUY);
        assertThat(bench.context.signals()).hasSize(2).last().satisfies(s -> {
            assertThat(s.direction()).isEqualTo(SignalDirection.FLAT);
            assertThat(s.reason()).contains("target");
        });
        assertThat(bench.scalper.isLong()).isFalse();
    }

    @Test
    void exitsAtTheStop() {
        ScalperBench bench = enteredAt101_05();
        bench.trade(2_000, 100.55, 1, Side.SELL);           // stop 101.05 x 0.995 = 100.54475: not yet
        assertThat(bench.context.signals()).hasSize(1);
        bench.trade(2_100, 100.54, 1, Side.SELL);
        assertThat(bench.context.signals()).last().satisfies(s -> {
            assertThat(s.direction()).isEqualTo(SignalDirection.FLAT);
            assertThat(s.reason()).contains("stop");
        });
    }

    @Test
    void exitsAtTheValueAreaHighOnlyWhenTheBookLeansToTheAsks() {
        ScalperBench bench = new ScalperBench(Map.of("takeProfitBps", 500));  // target 106.10: out of the way
        bench.ladderAndBidBook();
        bench.trade(1_000, 101.05, 1, Side.SELL);
        // a sell at 103.2: row 103 holds 41, total 102 (target 71.4); below 31 beats above 20: 72, VA 101..103;
        // 103.2 >= 103 x (1 - 10 bps) = 102.897, but the book still leans to the bids (1/3): hold
        bench.trade(2_000, 103.2, 1, Side.SELL);
        assertThat(bench.context.signals()).hasSize(1);
        bench.book(2_100, 1, 1, 2, 2);                      // (2 - 4) / 6 = -1/3 <= -0.2: exit on the book update
        assertThat(bench.context.signals()).hasSize(2).last().satisfies(s -> {
            assertThat(s.direction()).isEqualTo(SignalDirection.FLAT);
            assertThat(s.reason()).contains("value area high 103.0").contains("-0.333");
        });
    }

    @Test
    void exitsWhenTheMaximumHoldingTimeIsUp() {
        ScalperBench bench = enteredAt101_05();
        bench.timer(60_000);                                // another time: not this position's deadline
        assertThat(bench.context.signals()).hasSize(1);
        bench.timer(121_000);
        assertThat(bench.context.signals()).last().satisfies(s -> {
            assertThat(s.direction()).isEqualTo(SignalDirection.FLAT);
            assertThat(s.timeMillis()).isEqualTo(T0 + 121_000);
            assertThat(s.reason()).contains("held 120 s");
        });
    }

    @Test
    void noEntryForThirtySecondsAfterAWhaleSold() {
        ScalperBench bench = new ScalperBench();
        for (int i = 0; i < 10; i++) {
            bench.trade(i * 90L, 101.5, 1, Side.BUY);       // row 101: 10; whale median 1, threshold 5
        }
        bench.book(950, 3, 1, 1, 1);                         // imbalance 1/3; 101.5 is 0.5 from VAL 101: no entry
        bench.trade(1_000, 101.05, 5, Side.SELL);           // a whale seller, at the value area low
        bench.trade(30_999, 101.05, 1, Side.SELL);          // 29.999 s later
        assertThat(bench.context.signals()).isEmpty();
        bench.trade(31_000, 101.05, 1, Side.SELL);          // 30 s: quiet enough
        assertThat(bench.context.signals()).extracting(Signal::direction).containsExactly(SignalDirection.LONG);

        ScalperBench ignoring = new ScalperBench(Map.of("whaleQuietSeconds", 0));
        for (int i = 0; i < 10; i++) {
            ignoring.trade(i * 90L, 101.5, 1, Side.BUY);
        }
        ignoring.book(950, 3, 1, 1, 1);
        ignoring.trade(1_000, 101.05, 5, Side.SELL);
        assertThat(ignoring.context.signals()).hasSize(1);
    }

    @Test
    void noEntryWhileAWhaleOfferRestsInTheTopLevels() {
        ScalperBench bench = new ScalperBench();
        double[] volumes = {5, 10, 20, 40, 15, 5, 5};
        for (int i = 0; i < volumes.length; i++) {
            bench.trade(i * 100L, 100.5 + i, volumes[i], Side.BUY);
        }
        // three books record 3 1 | 1 1 each: the last 10 level sizes hold eight 1s and two 3s, median 1, whale 5
        bench.book(700, 3, 1, 1, 1);
        bench.book(710, 3, 1, 1, 1);
        bench.book(720, 3, 1, 1, 1);
        bench.book(730, 9, 3, 5, 1);                         // imbalance (12 - 6) / 18 = 1/3, but a 5-lot offer
        bench.trade(1_000, 101.05, 1, Side.SELL);           // at the value area low
        assertThat(bench.context.signals()).isEmpty();
        // the last 10 sizes are now 1 1 3 1 1 1 9 3 5 1: median (1 + 3) / 2 = 2, whale 10; no whale offer
        bench.book(1_100, 3, 1, 1, 1);
        assertThat(bench.context.signals()).extracting(Signal::direction).containsExactly(SignalDirection.LONG);
    }

    @Test
    void aRestoredInstanceKeepsThePositionItsTargetAndItsDeadline() {
        ScalperBench old = enteredAt101_05();
        StateSnapshot snapshot = old.scalper.snapshot();
        assertThat(snapshot.format()).isEqualTo("volume-scalper/1");

        ScalperBench swapped = new ScalperBench();
        assertThat(swapped.scalper.restore(snapshot)).isTrue();
        assertThat(swapped.scalper.isLong()).isTrue();
        swapped.trade(2_000, 101.56, 1, Side.BUY);          // the old entry's target, 101.55525
        assertThat(swapped.context.signals()).singleElement()
                .satisfies(s -> assertThat(s.direction()).isEqualTo(SignalDirection.FLAT));

        ScalperBench timed = new ScalperBench();
        timed.scalper.restore(snapshot);
        timed.timer(121_000);                               // the old instance's timer fires in the new one
        assertThat(timed.context.signals()).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("held 120 s"));

        assertThat(new ScalperBench().scalper.restore(new StateSnapshot("other/1", Map.of()))).isFalse();
        assertThat(new ScalperBench().scalper.restore(new StateSnapshot("volume-scalper/1", Map.of()))).isFalse();
    }

    @Test
    void everyParameterIsBoundedAndNamedWhenRefused() {
        VolumeScalperProvider provider = new VolumeScalperProvider();
        assertThat(provider.descriptor().parameters().parameters()).allSatisfy(spec -> {
            assertThat(spec.min()).as(spec.name()).isNotNull();
            assertThat(spec.max()).as(spec.name()).isNotNull();
            assertThat(spec.description()).isNotBlank();
        });
        assertThatThrownBy(() -> TestParameters.of(provider, "bookDepth", "101"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("bookDepth")
                .hasMessageContaining("1 .. 100");
        assertThatThrownBy(() -> TestParameters.of(provider, "minImbalance", "1.5"))
                .hasMessageContaining("minImbalance");
    }
}
