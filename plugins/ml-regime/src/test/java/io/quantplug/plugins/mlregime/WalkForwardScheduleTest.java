package io.quantplug.plugins.mlregime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fit bars and training ranges of the walk-forward schedule by hand (m = 3, h = 2, min 4, W = 5, R = 3). */
class WalkForwardScheduleTest {

    private final WalkForwardSchedule s = new WalkForwardSchedule(3, 2, 4, 5, 3);

    @Test
    void firstFitOnceMinExamplesAreLabelled() {
        // examples start at bar m = 3; at bar t the labelled ones are 3 .. t - 2, L(t) = t - 4;
        // L(t) = 4 first at t0 = 3 + 2 + 4 - 1 = 8
        assertThat(s.firstFit()).isEqualTo(8);
        assertThat(s.fitBarAt(0)).isEqualTo(-1);
        assertThat(s.fitBarAt(7)).isEqualTo(-1);
        // then every 3 bars: 8, 11, 14, ... and each answers until the next
        assertThat(s.fitBarAt(8)).isEqualTo(8);
        assertThat(s.fitBarAt(10)).isEqualTo(8);
        assertThat(s.fitBarAt(11)).isEqualTo(11);
        assertThat(s.fitBarAt(13)).isEqualTo(11);
        assertThat(s.fitBarAt(14)).isEqualTo(14);
    }

    @Test
    void aFitLearnsOnlyFromLabelledExamplesOfTheWindow() {
        // fit at 8: examples max(3, 8 - 2 - 5 + 1 = 2) = 3 .. 8 - 2 = 6: four, the last labelled by bars 7, 8
        assertThat(s.trainingFirst(8)).isEqualTo(3);
        assertThat(s.trainingLast(8)).isEqualTo(6);
        // fit at 11: max(3, 11 - 2 - 5 + 1 = 5) = 5 .. 9: the window's five
        assertThat(s.trainingFirst(11)).isEqualTo(5);
        assertThat(s.trainingLast(11)).isEqualTo(9);
        // fit at 14: 8 .. 12
        assertThat(s.trainingFirst(14)).isEqualTo(8);
        assertThat(s.trainingLast(14)).isEqualTo(12);
        for (long fit = 8; fit < 200; fit += 3) {
            assertThat(s.trainingLast(fit) + 2).as("the last label's bar of the fit at %d", fit).isEqualTo(fit);
        }
    }

    @Test
    void keepsTheBarsTheLatestFitNeeds() {
        // at bar 13 the fit at 11 still answers; it reads bars 5 - m = 2 .. 11 and the features of 13 read 10 .. 13:
        // bars 2 .. 13 are 12 bars; W + h + m + R = 5 + 2 + 3 + 3 = 13 keeps them
        assertThat(s.barsToKeep()).isEqualTo(13);
        assertThat(13 - (s.trainingFirst(11) - 3) + 1).isLessThanOrEqualTo(s.barsToKeep());
    }
}
