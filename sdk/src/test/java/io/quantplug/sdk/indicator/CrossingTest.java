package io.quantplug.sdk.indicator;

import io.quantplug.sdk.indicator.Crossing.Direction;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CrossIndicator;

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
