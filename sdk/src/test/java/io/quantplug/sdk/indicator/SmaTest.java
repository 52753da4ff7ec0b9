package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SmaTest {

    @Test
    void averagesTheLastPeriodInputsAfterWarmUp() {
        Sma sma = new Sma(3);
        assertThat(sma.warmUpPeriod()).isEqualTo(3);
        assertThat(sma.update(1)).isNaN();
        assertThat(sma.update(2)).isNaN();
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.update(3)).isEqualTo(2.0);        // (1+2+3)/3
        assertThat(sma.update(4)).isEqualTo(3.0);        // (2+3+4)/3
        assertThat(sma.update(11)).isEqualTo(6.0);       // (3+4+11)/3
        assertThat(sma.isReady()).isTrue();
        assertThat(sma.count()).isEqualTo(5);
    }

    @Test
    void constantInputGivesThatConstantExactly() {
        Sma sma = new Sma(30);
        for (int i = 0; i < 100_000; i++) {
            sma.update(0.1);
        }
        assertThat(sma.value()).isEqualTo(0.1);
    }

    @Test
    void flatMarketAfterMovementGivesEqualAveragesSoNoSpuriousCrossing() {
        double[] closes = RealCloses.load();
        Sma fast = new Sma(10);
        Sma slow = new Sma(30);
        Crossing crossing = new Crossing();
        for (int i = 0; i < 5_000; i++) {
            fast.update(closes[i]);
            slow.update(closes[i]);
        }
        double flat = closes[4_999];
        for (int i = 0; i < 100; i++) {
            fast.update(flat);
            slow.update(flat);
            if (i >= 30) {
                assertThat(fast.value()).isEqualTo(flat);
                assertThat(slow.value()).isEqualTo(flat);
                assertThat(crossing.update(fast.value(), slow.value())).isEqualTo(Crossing.Direction.NONE);
            }
        }
    }

    @Test
    void valueIsTheCorrectlyRoundedMeanOfTheFileDecimals() {
        for (String file : new String[] {RealCloses.FILE, RealCloses.FILUSDT}) {
            BigDecimal[] decimals = RealCloses.decimals(file);
            double[] closes = RealCloses.load(file);
            for (int period : new int[] {10, 30, 200}) {
                Sma sma = new Sma(period);
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < closes.length; i++) {
                    sum = sum.add(decimals[i]);
                    if (i >= period) {
                        sum = sum.subtract(decimals[i - period]);
                    }
                    double v = sma.update(closes[i]);
                    if (i >= period - 1) {
                        // 40 significant digits, then one rounding to the nearest double
                        double exact = sum.divide(BigDecimal.valueOf(period), new MathContext(40)).doubleValue();
                        assertThat(v).as("%s SMA(%d) at bar %d", file, period, i).isEqualTo(exact);
                    }
                }
                assertThat(sma.isExact()).isTrue();
            }
        }
    }

    @Test
    void fastAndSlowAveragesCompareAsTheirExactDecimalMeans() {
        BigDecimal[] decimals = RealCloses.decimals(RealCloses.FILUSDT);
        double[] closes = RealCloses.load(RealCloses.FILUSDT);
        Sma fast = new Sma(10);
        Sma slow = new Sma(30);
        int equal = 0;
        for (int i = 0; i < closes.length; i++) {
            fast.update(closes[i]);
            slow.update(closes[i]);
            if (i < 29) {
                continue;
            }
            BigDecimal fastSum = BigDecimal.ZERO;
            BigDecimal slowSum = BigDecimal.ZERO;
            for (int k = i - 29; k <= i; k++) {
                slowSum = slowSum.add(decimals[k]);
                fastSum = k > i - 10 ? fastSum.add(decimals[k]) : fastSum;
            }
            // fastSum / 10 against slowSum / 30, without division
            int exact = fastSum.multiply(BigDecimal.valueOf(3)).compareTo(slowSum);
            assertThat(Double.compare(fast.value(), slow.value())).as("bar %d", i).isEqualTo(exact);
            equal += exact == 0 ? 1 : 0;
        }
        // the flat stretches of August 2023 give 164 bars with equal means (counted with the exact sums above)
        assertThat(equal).isEqualTo(164);
    }

    @Test
    void raisesItsDecimalScaleWhenAnInputHasMoreDigits() {
        Sma sma = new Sma(3);
        sma.update(1);
        sma.update(2);
        assertThat(sma.update(3)).isEqualTo(2.0);
        assertThat(sma.update(0.001)).isEqualTo(1.667);      // (2 + 3 + 0.001) / 3 = 5.001 / 3
        assertThat(sma.update(-0.25)).isEqualTo(0.917);      // (3 + 0.001 - 0.25) / 3 = 2.751 / 3
        assertThat(sma.isExact()).isTrue();
    }

    @Test
    void fallsBackToACompensatedSumForInputsThatAreNotShortDecimals() {
        Sma thirds = new Sma(3);
        thirds.update(2.5);
        thirds.update(1.0 / 3);
        assertThat(thirds.update(2.0 / 3)).isCloseTo(3.5 / 3, within(1e-15));
        assertThat(thirds.isExact()).isFalse();
        assertThat(thirds.update(4)).isCloseTo(5.0 / 3, within(1e-15));   // (1/3 + 2/3 + 4) / 3

        Sma huge = new Sma(2);
        huge.update(1e16);
        assertThat(huge.update(3e16)).isEqualTo(2e16);
        assertThat(huge.isExact()).isFalse();
    }

    @Test
    void staysExactOnRandomDecimalsIncludingPowersOfTwoAndGivesTheirCorrectlyRoundedMean() {
        // magnitudes below 10^9 at up to 8 digits: any window of 40 stays below 2^53 units, so it must stay exact
        java.util.Random random = new java.util.Random(20261207);
        for (int round = 0; round < 200; round++) {
            int period = 1 + random.nextInt(40);
            int digits = random.nextInt(9);
            Sma sma = new Sma(period);
            BigDecimal[] window = new BigDecimal[period];
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < 300; i++) {
                BigDecimal decimal = random.nextInt(10) == 0
                        ? new BigDecimal(Math.scalb(1.0, random.nextInt(23) - 3)) // a power of two, 2^-3 .. 2^19
                        : BigDecimal.valueOf(random.nextLong() % 1_000_000_000L, digits);
                int slot = i % period;
                sum = sum.add(decimal).subtract(window[slot] == null ? BigDecimal.ZERO : window[slot]);
                window[slot] = decimal;
                double v = sma.update(decimal.doubleValue());
                if (i >= period - 1) {
                    double exact = sum.divide(BigDecimal.valueOf(period), new MathContext(40)).doubleValue();
                    assertThat(v).as("round %d, SMA(%d) of %d-digit decimals at %d", round, period, digits, i)
                            .isEqualTo(exact);
                }
            }
            assertThat(sma.isExact()).as("round %d", round).isTrue();
        }
    }

    @Test
    void aComputedValueThatIsNoShortDecimalLeavesTheExactWindow() {
        Sma sma = new Sma(2);
        sma.update(0.1);
        sma.update(0.1 + 0.2); // 0.30000000000000004: 17 significant digits, no decimal of 15 or fewer digits
        assertThat(sma.isExact()).isFalse();
        assertThat(sma.value()).isCloseTo(0.2, within(1e-16));
        assertThatThrownBy(() -> sma.update(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThat(sma.count()).isEqualTo(2);
    }

    @Test
    void refusesBadPeriodAndNonFiniteInput() {
        assertThatThrownBy(() -> new Sma(0)).hasMessageContaining("period must be >= 1, got 0");
        assertThatThrownBy(() -> new Sma(5).update(Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void matchesTa4jOnRealBinanceCloses() {
        double[] closes = RealCloses.load();
        BarSeries series = Ta4jSeries.ofCloses(closes);
        for (int period : new int[] {10, 30, 200}) {
            SMAIndicator reference = new SMAIndicator(new ClosePriceIndicator(series), period);
            Sma sma = new Sma(period);
            for (int i = 0; i < closes.length; i++) {
                double v = sma.update(closes[i]);
                if (i >= period - 1) {
                    double expected = reference.getValue(i).doubleValue();
                    assertThat(v).as("SMA(%d) at bar %d", period, i).isCloseTo(expected, within(1e-9));
                } else {
                    assertThat(v).isNaN();
                }
            }
        }
    }
}
