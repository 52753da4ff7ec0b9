package io.quantplug.sdk.orderflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VolumeProfileTest {

    private static VolumeProfile profile() {
        return new VolumeProfile(1.0, 10_000, 0.70, 1_000, 100);
    }

    /** Volumes 5, 10, 20, 40, 15, 5, 5 at rows 100..106 (total 100, target 70), all at time 0. */
    private static VolumeProfile ladder() {
        VolumeProfile p = profile();
        double[] volumes = {5, 10, 20, 40, 15, 5, 5};
        for (int i = 0; i < volumes.length; i++) {
            p.update(0, 100.5 + i, volumes[i]);
        }
        return p;
    }

    @Test
    void valueAreaAddsTheLargerPairOfRowsNotTheLargerSingleRow() {
        VolumeProfile p = ladder();
        // By hand: POC 103 (40). Pair above 104+105 = 20, pair below 102+101 = 30: add below, area 70 >= 70, stop.
        // (Single rows would add 102 (20 > 15), then 104 (15 > 10): 102..104, a different area.)
        assertThat(p.pointOfControl()).isEqualTo(103.0);
        assertThat(p.valueAreaHigh()).isEqualTo(103.0);
        assertThat(p.valueAreaLow()).isEqualTo(101.0);
        assertThat(p.valueAreaVolume()).isEqualTo(70.0);
        assertThat(p.totalVolume()).isEqualTo(100.0);
        assertThat(p.volumeAt(104.99)).isEqualTo(15.0);
        assertThat(p.volumeAt(99.0)).isZero();
    }

    @Test
    void equalPairsAddTheRowsAboveAndAnExhaustedSideGivesWayToTheOther() {
        VolumeProfile p = profile();
        // rows 10..14: 10, 10, 30, 10, 10 -> total 70, target 49. POC 12 (30); pairs above 20 = below 20: above
        // (area 50 >= 49): VA 12..14.
        double[] volumes = {10, 10, 30, 10, 10};
        for (int i = 0; i < volumes.length; i++) {
            p.update(0, 10 + i, volumes[i]);
        }
        assertThat(p.valueAreaHigh()).isEqualTo(14.0);
        assertThat(p.valueAreaLow()).isEqualTo(12.0);
        assertThat(p.valueAreaVolume()).isEqualTo(50.0);

        // POC at the top of the range: rows 20 (1), 21 (1), 22 (8); total 10, target 7 met by the POC alone.
        VolumeProfile top = profile();
        top.update(0, 20, 1);
        top.update(0, 21, 1);
        top.update(0, 22, 8);
        assertThat(top.valueAreaHigh()).isEqualTo(22.0);
        assertThat(top.valueAreaLow()).isEqualTo(22.0);
        // fraction 1.0 walks down the only side left: 22 -> 20 in one pair.
        VolumeProfile all = new VolumeProfile(1.0, 10_000, 1.0, 1_000, 100);
        all.update(0, 20, 1);
        all.update(0, 21, 1);
        all.update(0, 22, 8);
        assertThat(all.valueAreaLow()).isEqualTo(20.0);
        assertThat(all.valueAreaVolume()).isEqualTo(10.0);
    }

    @Test
    void pointOfControlTieGoesToTheRowNearestTheMiddleThenTheLowerOne() {
        VolumeProfile p = profile();
        // rows 100..104: 10, 5, 10, 5, 10 -> three rows of 10; middle of 100..104 is 102.
        double[] volumes = {10, 5, 10, 5, 10};
        for (int i = 0; i < volumes.length; i++) {
            p.update(0, 100 + i, volumes[i]);
        }
        assertThat(p.pointOfControl()).isEqualTo(102.0);

        VolumeProfile two = profile();
        two.update(0, 100, 10);
        two.update(0, 101, 10); // middle 100.5: both equally near -> the lower
        assertThat(two.pointOfControl()).isEqualTo(100.0);
    }

    @Test
    void tradesOlderThanTheWindowDropOut() {
        VolumeProfile p = profile();
        p.update(0, 150.0, 50);
        p.update(5_000, 100.0, 10);
        assertThat(p.pointOfControl()).isEqualTo(150.0);
        p.update(9_999, 101.0, 1);
        assertThat(p.tradeCount()).isEqualTo(3);
        p.expire(10_000); // cutoff 0: the trade at 0 leaves
        assertThat(p.tradeCount()).isEqualTo(2);
        assertThat(p.volumeAt(150.0)).isZero();
        assertThat(p.pointOfControl()).isEqualTo(100.0);
        assertThat(p.totalVolume()).isEqualTo(11.0);
        p.expire(20_000);
        assertThat(p.tradeCount()).isZero();
        assertThat(p.pointOfControl()).isNaN();
        assertThat(p.totalVolume()).isZero();
        // prices far from the old ones are fine once the old bins left
        p.update(20_000, 5_000.0, 1);
        assertThat(p.pointOfControl()).isEqualTo(5_000.0);
    }

    @Test
    void maxTradesEvictsTheOldest() {
        VolumeProfile p = new VolumeProfile(1.0, 10_000, 0.7, 2, 100);
        p.update(0, 10, 5);
        p.update(1, 11, 1);
        p.update(2, 12, 2);
        assertThat(p.tradeCount()).isEqualTo(2);
        assertThat(p.volumeAt(10)).isZero();
        assertThat(p.pointOfControl()).isEqualTo(12.0);
    }

    @Test
    void decimalPricesOnABinEdgeLandInTheirOwnBin() {
        VolumeProfile p = new VolumeProfile(0.1, 10_000, 0.7, 10, 10);
        p.update(0, 0.3, 1); // 0.3 / 0.1 = 2.9999999999999996 in binary
        assertThat(p.pointOfControl()).isCloseTo(0.3, within(1e-12));
        assertThat(p.volumeAt(0.35)).isEqualTo(1.0);
    }

    @Test
    void refusesBadInputNamingTheParameter() {
        assertThatThrownBy(() -> new VolumeProfile(0, 1, 0.7, 1, 1)).hasMessageContaining("binSize");
        assertThatThrownBy(() -> new VolumeProfile(1, 1, 1.5, 1, 1)).hasMessageContaining("valueAreaFraction");
        assertThatThrownBy(() -> new VolumeProfile(1, 1, 0.7, 0, 1)).hasMessageContaining("maxTrades");
        VolumeProfile p = new VolumeProfile(1.0, 10_000, 0.7, 10, 3);
        p.update(5, 10, 1);
        assertThatThrownBy(() -> p.update(4, 10, 1)).hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> p.update(6, 13, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxBins = 3");
        assertThatThrownBy(() -> p.update(6, 10, -1)).hasMessageContaining("quantity");
    }
}
