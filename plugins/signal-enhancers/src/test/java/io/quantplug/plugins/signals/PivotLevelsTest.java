package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.quantplug.plugins.signals.TestBars.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/** Pivots (swing highs and lows) and the nearest levels, by hand. */
class PivotLevelsTest {

    /** Bars with the given highs and lows (open and close in between). */
    private static List<Bar> bars(double[] highs, double[] lows) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < highs.length; i++) {
            double mid = (highs[i] + lows[i]) / 2;
            out.add(new Bar(BTC, Timeframe.H1, i * 3_600_000L, mid, highs[i], lows[i], mid, 1));
        }
        return out;
    }

    private static final double[] HIGHS = {10, 13, 12, 15, 14, 13, 16, 12, 11};
    private static final double[] LOWS = {8, 9, 7, 10, 9, 6, 11, 10, 9};

    @Test
    void aPivotHighExceedsKBarsOnEachSide() {
        List<Bar> b = bars(HIGHS, LOWS);
        // k = 1: 13 (> 10, 12), 15 (> 12, 14), 16 (> 13, 12); 14 and 12 are not above both neighbours
        assertThat(PivotLevels.highs(b, 1)).containsExactly(13.0, 15.0, 16.0);
        // k = 2 (Williams fractal): 15 (> 13, 12 | 14, 13) and 16 (> 14, 13 | 12, 11); 13 lacks 2 bars on its left
        assertThat(PivotLevels.highs(b, 2)).containsExactly(15.0, 16.0);
        // lows, k = 1: 7 (< 9, 10), 6 (< 9, 11); 9 at index 8 has no right neighbour
        assertThat(PivotLevels.lows(b, 1)).containsExactly(7.0, 6.0);
        // k = 2: 7 (< 8, 9 | 10, 9) and 6 (< 10, 9 | 11, 10)
        assertThat(PivotLevels.lows(b, 2)).containsExactly(7.0, 6.0);
    }

    @Test
    void equalHighsAreNoPivotAndTheLastKBarsCannotBeOne() {
        List<Bar> b = bars(new double[] {10, 12, 12, 11, 13}, new double[] {9, 9, 9, 9, 9});
        assertThat(PivotLevels.highs(b, 1)).isEmpty();   // 12 = 12; 13 is the last bar, not yet confirmed
        assertThat(PivotLevels.lows(b, 1)).isEmpty();
    }

    @Test
    void nearestLevelsAreTheClosestPivotsOnEachSideOfThePrice() {
        List<Double> highs = List.of(13.0, 15.0, 16.0);
        List<Double> lows = List.of(7.0, 6.0);
        assertThat(PivotLevels.resistance(highs, 14)).isEqualTo(15.0);
        assertThat(PivotLevels.resistance(highs, 12)).isEqualTo(13.0);
        assertThat(PivotLevels.resistance(highs, 16)).isNaN();       // strictly above only
        assertThat(PivotLevels.support(lows, 14)).isEqualTo(7.0);
        assertThat(PivotLevels.support(lows, 6.5)).isEqualTo(6.0);
        assertThat(PivotLevels.support(lows, 6)).isNaN();
    }
}
