package io.quantplug.sdk.orderflow;

import io.quantplug.api.order.Side;
import org.junit.jupiter.api.Test;

import static io.quantplug.api.order.Side.BUY;
import static io.quantplug.api.order.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FootprintTest {

    private static Footprint footprint() {
        return new Footprint(1.0, 60_000, 100, 2, 2.0, 0);
    }

    private static boolean trade(Footprint f, long t, double price, double quantity, Side aggressor) {
        return f.update(t, price, quantity, aggressor);
    }

    @Test
    void splitsVolumeByAggressorPerBinWithDeltaAndDiagonalImbalances() {
        Footprint f = footprint();
        assertThat(trade(f, 1_000, 100.2, 2, BUY)).isFalse();   // ask@100 2
        trade(f, 2_000, 100.7, 3, SELL);                         // bid@100 3
        trade(f, 3_000, 101.5, 6, BUY);                          // ask@101 6
        trade(f, 4_000, 99.1, 1, SELL);                          // bid@99 1
        trade(f, 59_999, 100.0, 1, SELL);                        // bid@100 4
        FootprintBar bar = f.current();
        assertThat(bar.startMillis()).isZero();
        assertThat(bar.bidVolume(100.5)).isEqualTo(4.0);
        assertThat(bar.askVolume(100.5)).isEqualTo(2.0);
        assertThat(bar.askVolume(101)).isEqualTo(6.0);
        assertThat(bar.bidVolume(101)).isZero();
        assertThat(bar.bidVolume()).isEqualTo(5.0);
        assertThat(bar.askVolume()).isEqualTo(8.0);
        assertThat(bar.delta()).isEqualTo(3.0);
        assertThat(bar.open()).isEqualTo(100.2);
        assertThat(bar.high()).isEqualTo(101.5);
        assertThat(bar.low()).isEqualTo(99.1);
        assertThat(bar.close()).isEqualTo(100.0);
        assertThat(bar.lowestRow()).isEqualTo(99.0);
        assertThat(bar.highestRow()).isEqualTo(101.0);
        // buy imbalance: ask(p) / bid(p - 1): at 101 6/4 = 1.5, at 100 2/1 = 2, at 99 nothing below -> NaN (0/0)
        assertThat(bar.buyImbalanceRatio(101)).isEqualTo(1.5);
        assertThat(bar.buyImbalanceRatio(100)).isEqualTo(2.0);
        assertThat(bar.buyImbalanceRatio(99)).isNaN();
        // sell imbalance: bid(p) / ask(p + 1): at 99 1/2 = 0.5, at 100 4/6
        assertThat(bar.sellImbalanceRatio(99)).isEqualTo(0.5);
        assertThat(bar.sellImbalanceRatio(100)).isEqualTo(4.0 / 6.0);
        assertThat(bar.sellImbalanceRatio(101)).isNaN();
        assertThat(bar.buyImbalanceCount(2.0)).isEqualTo(1);
        assertThat(bar.buyImbalanceCount(1.5)).isEqualTo(2);
        assertThat(bar.sellImbalanceCount(0.5)).isEqualTo(2);
        assertThat(bar.sellImbalanceCount(0.7)).isZero();

        assertThat(trade(f, 60_000, 102.0, 1, SELL)).isTrue();
        assertThat(f.lastCompleted().startMillis()).isZero();
        assertThat(f.lastCompleted().delta()).isEqualTo(3.0);
        assertThat(f.lastCompleted().cumulativeDelta()).isEqualTo(3.0);
        assertThat(f.current().startMillis()).isEqualTo(60_000);
        assertThat(f.current().delta()).isEqualTo(-1.0);
        assertThat(f.cumulativeDelta()).isEqualTo(2.0);
        assertThat(f.completedBars()).isEqualTo(1);
    }

    @Test
    void anEmptyOppositeCellIsAnInfiniteImbalance() {
        Footprint f = footprint();
        trade(f, 0, 100, 1, SELL); // bid@100 1
        trade(f, 0, 101, 5, BUY);  // ask@101 5; bid@100... ask@100 0, bid@101 0
        trade(f, 0, 102, 2, BUY);  // ask@102 2 against bid@101 0 -> infinite
        assertThat(f.current().buyImbalanceRatio(102)).isInfinite();
        assertThat(f.current().buyImbalanceCount(3.0)).isEqualTo(2); // 101 (5/1) and 102 (2/0)
    }

    @Test
    void flagsBidAbsorptionOnHeavySellingThatDidNotMoveThePrice() {
        Footprint f = footprint(); // lookback 2 bars, heavy = 2x their mean, no progress allowed (0 bins)
        trade(f, 0, 100, 1, BUY);
        trade(f, 1, 100, 1, SELL);            // bar 0: volume 2
        trade(f, 60_000, 100, 2, SELL);       // bar 1: volume 2
        trade(f, 120_000, 100.5, 6, SELL);    // bar 2: volume 8 >= 2 x 2, delta -8 ...
        trade(f, 120_001, 100.9, 2, BUY);     // ... -4, closes in the open's bin and above it
        trade(f, 180_000, 100, 1, BUY);       // bar 3 opens: bar 2 is judged
        assertThat(f.lastCompleted().volume()).isEqualTo(8.0);
        assertThat(f.lastCompleted().absorption()).isEqualTo(Absorption.BID_ABSORPTION);
        trade(f, 240_000, 100, 1, BUY);       // bar 3 (volume 1) is light
        assertThat(f.lastCompleted().absorption()).isEqualTo(Absorption.NONE);
    }

    @Test
    void noAbsorptionWhenThePriceProgressedMoreThanAllowedOrBeforeTheLookbackFilled() {
        Footprint strict = footprint();                              // no progress allowed
        Footprint loose = new Footprint(1.0, 60_000, 100, 2, 2.0, 2); // two bins of progress allowed
        for (Footprint f : new Footprint[] {strict, loose}) {
            trade(f, 0, 100, 10, BUY);
            trade(f, 0, 100, 1, SELL);
            trade(f, 60_000, 100, 1, SELL);
            assertThat(f.lastCompleted().absorption()).isEqualTo(Absorption.NONE); // no bars before it to compare
            trade(f, 120_000, 100, 1, BUY);
            trade(f, 180_000, 100, 20, SELL);   // heavy selling: 21 >= 2 x mean(1, 1) of bars 1 and 2, delta -19
            trade(f, 180_001, 102, 1, BUY);     // closes two bins above its open
            trade(f, 240_000, 100, 1, BUY);
        }
        assertThat(strict.lastCompleted().absorption()).isEqualTo(Absorption.NONE);
        assertThat(loose.lastCompleted().absorption()).isEqualTo(Absorption.BID_ABSORPTION);
    }

    @Test
    void askAbsorptionWhenHeavyBuyingClosesAtOrBelowTheOpen() {
        Footprint f = footprint();
        trade(f, 0, 100, 1, BUY);
        trade(f, 60_000, 100, 1, BUY);
        trade(f, 120_000, 100.8, 5, BUY);
        trade(f, 120_001, 100.1, 1, SELL);     // delta +4, volume 6 >= 2 x 1, close below open, same bin
        trade(f, 180_000, 100, 1, BUY);
        assertThat(f.lastCompleted().absorption()).isEqualTo(Absorption.ASK_ABSORPTION);
    }

    @Test
    void refusesBadInputNamingTheParameter() {
        assertThatThrownBy(() -> new Footprint(1, 0, 10, 1, 1, 0)).hasMessageContaining("barMillis");
        assertThatThrownBy(() -> new Footprint(1, 1, 10, 0, 1, 0)).hasMessageContaining("absorptionLookback");
        assertThatThrownBy(() -> new Footprint(1, 1, 10, 1, 0, 0)).hasMessageContaining("absorptionVolumeMultiple");
        Footprint f = footprint();
        f.update(10, 1, 1, BUY);
        assertThatThrownBy(() -> f.update(9, 1, 1, BUY)).hasMessageContaining("must not decrease");
    }
}
