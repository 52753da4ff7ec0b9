package io.quantplug.plugins.sizing;

import io.quantplug.api.market.Timeframe;
import io.quantplug.testkit.FakeBarHistory;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.sizing.SizerStubs.FIFTIETH_OF_A_YEAR;
import static io.quantplug.plugins.sizing.SizerStubs.SPOT;
import static io.quantplug.plugins.sizing.SizerStubs.closes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RealisedVolatilityTest {

    @Test
    void matchesAHandComputationOnFiveDailyCloses() {
        // closes 100, 102, 99, 101, 100 (daily); log returns:
        //   r1 = ln(102/100) =  0.0198026273
        //   r2 = ln( 99/102) = -0.0298529631
        //   r3 = ln(101/ 99) =  0.0200006667
        //   r4 = ln(100/101) = -0.0099503309
        // mean = ln(100/100) / 4 = 0
        // sum of squares = 0.000392144048 + 0.000891199409 + 0.000400026669 + 0.000099009084 = 0.001782379209
        // variance per bar = 0.001782379209 / (4 - 1) = 0.000594126403
        // sigma per day = sqrt(0.000594126403) = 0.0243747083
        // sigma per year = 0.0243747083 x sqrt(365) = 0.0243747083 x 19.1049732 = 0.465678148
        FakeBarHistory history = new FakeBarHistory(closes(SPOT, Timeframe.D1, 100, 102, 99, 101, 100), 1_000);
        assertThat(RealisedVolatility.variancePerBar(history, 4)).isCloseTo(0.000594126403, within(1e-12));
        assertThat(RealisedVolatility.annualised(history, 4)).isCloseTo(0.465678148, within(1e-9));
    }

    @Test
    void usesOnlyTheLatestReturns() {
        // a wild older close (1 000) outside the 4-return window changes nothing
        FakeBarHistory history = new FakeBarHistory(closes(SPOT, Timeframe.D1, 1_000, 100, 102, 99, 101, 100), 1_000);
        assertThat(RealisedVolatility.annualised(history, 4)).isCloseTo(0.465678148, within(1e-9));
    }

    @Test
    void annualisesByTheBarLength() {
        // returns +0.04, -0.04: mean 0, variance = (0.0016 + 0.0016) / (2 - 1) = 0.0032, sigma_bar = 0.0565685;
        // 50 bars a year: sigma = 0.0565685 x sqrt(50) = sqrt(0.0032 x 50) = sqrt(0.16) = 0.4
        FakeBarHistory history = new FakeBarHistory(closes(SPOT, FIFTIETH_OF_A_YEAR, 100, 100 * Math.exp(0.04), 100),
                1_000);
        assertThat(RealisedVolatility.annualised(history, 2)).isCloseTo(0.4, within(1e-12));
        // the same closes as hourly bars: sqrt(0.0032 x 8 760) = sqrt(28.032) = 5.29452
        FakeBarHistory hourly = new FakeBarHistory(closes(SPOT, Timeframe.H1, 100, 100 * Math.exp(0.04), 100), 1_000);
        assertThat(RealisedVolatility.annualised(hourly, 2)).isCloseTo(Math.sqrt(28.032), within(1e-9));
    }

    @Test
    void isUndefinedWithoutEnoughBars() {
        FakeBarHistory history = new FakeBarHistory(closes(SPOT, Timeframe.D1, 100, 101, 102), 1_000);
        assertThat(RealisedVolatility.annualised(history, 3)).isNaN();
        assertThat(RealisedVolatility.annualised(history, 2)).isFinite();
    }
}
