package io.quantplug.sdk.indicator;

import io.quantplug.sdk.indicator.Crossing.Direction;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CrossIndicator;
import org.ta4j.core.indicators.helpers.FixedDecimalIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CrossingTest {

    @Test
    void crossesOnlyWhenTheSideChangesAndEqualityDoesNotReset() {
        Crossing c = new Crossing();
        assertThat(c.update(1, 2)).isEqualTo(Direction.NONE);   // first step only records "below"
        assertThat(c.update(2, 2)).isEqualTo(Direction.NONE);   // equal: no crossing, still "below"
        assertThat(c.update(3, 2)).isEqualTo(Direction.UP);     // below, equal, above: one crossing up
        assertThat(c.update(4, 2)).isEqualTo(Direction.NONE);
        assertThat(c.update(2, 2)).isEqualTo(Direction.NONE);
        assertThat(c.update(3, 2)).isEqualTo(Direction.NONE);   // above, equal, above: no crossing
        assertThat(c.update(1, 2)).isEqualTo(Direction.DOWN);
    }

    @Test
    void aTouchIsNotACrossAndTheLastStrictSideHolds() {
        Crossing c = new Crossing();
        assertThat(c.update(2, 2)).isEqualTo(Direction.NONE);   // equal from the start: no side yet
        assertThat(c.update(3, 2)).isEqualTo(Direction.NONE);   // first strict side, nothing crossed
        assertThat(c.update(2, 2)).isEqualTo(Direction.NONE);   // touch from above
        assertThat(c.update(2, 2)).isEqualTo(Direction.NONE);
        assertThat(c.update(3, 2)).isEqualTo(Direction.NONE);   // back above: the touch was not a cross
        assertThat(c.update(2, 2)).isEqualTo(Direction.NONE);
        assertThat(c.update(1, 2)).isEqualTo(Direction.DOWN);   // above, touch, below: down at the below step
    }

    /** Every sequence of five steps with a below, equal or above b, against ta4j 0.17's crossed-up/down rules. */
    @Test
    void matchesTa4jCrossedUpAndDownRulesOnEverySequenceOfFiveSteps() {
        int steps = 5;
        BarSeries series = Ta4jSeries.ofCloses(new double[steps]);
        FixedDecimalIndicator b = new FixedDecimalIndicator(series, 2, 2, 2, 2, 2);
        int crossings = 0;
        for (int code = 0; code < 243; code++) {
            double[] a = new double[steps];
            for (int t = 0, rest = code; t < steps; t++, rest /= 3) {
                a[t] = 1 + rest % 3;                            // 1 below, 2 touching, 3 above
            }
            FixedDecimalIndicator ta = new FixedDecimalIndicator(series, a);
            CrossedUpIndicatorRule up = new CrossedUpIndicatorRule(ta, b);
            CrossedDownIndicatorRule down = new CrossedDownIndicatorRule(ta, b);
            Crossing crossing = new Crossing();
            for (int t = 0; t < steps; t++) {
                Direction d = crossing.update(a[t], 2);
                String at = Arrays.toString(a) + " step " + t;
                assertThat(d == Direction.UP).as("up, %s", at).isEqualTo(up.isSatisfied(t, null));
                assertThat(d == Direction.DOWN).as("down, %s", at).isEqualTo(down.isSatisfied(t, null));
                crossings += d == Direction.NONE ? 0 : 1;
            }
        }
        assertThat(crossings).isGreaterThan(100);
    }

    @Test
    void matchesTa4jCrossIndicatorOnRealSmaSeries() {
        double[] closes = RealCloses.load();
        BarSeries series = Ta4jSeries.ofCloses(closes);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        CrossIndicator up = new CrossIndicator(slow, fast);     // ta4j: fast crossed up through slow
        CrossIndicator down = new CrossIndicator(fast, slow);   // ta4j: fast crossed down through slow
        Sma f = new Sma(10);
        Sma s = new Sma(30);
        Crossing crossing = new Crossing();
        int ups = 0;
        for (int i = 0; i < closes.length; i++) {
            f.update(closes[i]);
            s.update(closes[i]);
            if (!s.isReady()) {
                continue;
            }
            Direction d = crossing.update(f.value(), s.value());
            if (i >= 30) {
                assertThat(d == Direction.UP).as("cross up at %d", i).isEqualTo(up.getValue(i));
                assertThat(d == Direction.DOWN).as("cross down at %d", i).isEqualTo(down.getValue(i));
                ups += d == Direction.UP ? 1 : 0;
            }
        }
        assertThat(ups).isGreaterThan(600);
    }
}
