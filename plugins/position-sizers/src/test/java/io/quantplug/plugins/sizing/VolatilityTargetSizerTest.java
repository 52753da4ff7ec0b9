package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.testkit.FakeBarHistory;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeSizingContext;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.sizing.SizerStubs.FIFTIETH_OF_A_YEAR;
import static io.quantplug.plugins.sizing.SizerStubs.PERP;
import static io.quantplug.plugins.sizing.SizerStubs.SPOT;
import static io.quantplug.plugins.sizing.SizerStubs.closes;
import static io.quantplug.plugins.sizing.SizerStubs.longSignal;
import static io.quantplug.plugins.sizing.SizerStubs.sizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bars of a fiftieth of a year closing 100, 100 e^0.04, 100: two returns +0.04 and -0.04, so the realised volatility
 * over volatilityBars = 2 is sqrt(2 x 0.04^2 / 1 x 50) = 0.40 a year (see {@link RealisedVolatilityTest}); the
 * reference price is the last close, 100.
 */
class VolatilityTargetSizerTest {

    private static final VolatilityTargetProvider PROVIDER = new VolatilityTargetProvider();

    private static FakeSizingContext fortyPercentVol(Instrument instrument, String equity) {
        return new FakeSizingContext(instrument, new FakePortfolio().equity(equity),
                closes(instrument, FIFTIETH_OF_A_YEAR, 100, 100 * Math.exp(0.04), 100));
    }

    @Test
    void scalesEquityByTargetOverRealisedVolatility() {
        // leverage = 20 % / 40 % = 0.5; notional = 0.5 x 10 000 = 5 000; quantity = 5 000 / 100 = 50
        PositionSizer sizer = sizer(PROVIDER, "volatilityBars", "2");
        assertThat(sizer.size(longSignal(PERP), fortyPercentVol(PERP, "10000"))).isEqualByComparingTo("50");
        // target 10 %: 0.25 x 10 000 / 100 = 25
        assertThat(sizer(PROVIDER, "volatilityBars", "2", "targetVolatilityPercent", "10")
                .size(longSignal(PERP), fortyPercentVol(PERP, "10000"))).isEqualByComparingTo("25");
    }

    @Test
    void maxLeverageBindsWhenVolatilityIsBelowTarget() {
        // target 100 % / 40 % = 2.5 x equity asked; maxLeverage 1 -> 10 000 / 100 = 100; maxLeverage 2 -> 200
        assertThat(sizer(PROVIDER, "volatilityBars", "2", "targetVolatilityPercent", "100")
                .size(longSignal(PERP), fortyPercentVol(PERP, "10000"))).isEqualByComparingTo("100");
        assertThat(sizer(PROVIDER, "volatilityBars", "2", "targetVolatilityPercent", "100", "maxLeverage", "2")
                .size(longSignal(PERP), fortyPercentVol(PERP, "10000"))).isEqualByComparingTo("200");
    }

    @Test
    void zeroVolatilityGivesTheLeverageCap() {
        // flat closes: sigma = 0, target / sigma is unbounded -> maxLeverage 1.5 x 10 000 = 15 000 -> 150
        FakeSizingContext flat = new FakeSizingContext(PERP, new FakePortfolio().equity("10000"),
                closes(PERP, Timeframe.D1, 100, 100, 100, 100));
        assertThat(sizer(PROVIDER, "volatilityBars", "3", "maxLeverage", "1.5").size(longSignal(PERP), flat))
                .isEqualByComparingTo("150");
    }

    @Test
    void spotBuyIsCappedByCashLessTheBuffer() {
        // target 100 % asks 2.5 x equity, maxLeverage 1 gives 10 000, the spot cash cap 10 000 x 0.99 = 9 900 -> 99
        assertThat(sizer(PROVIDER, "volatilityBars", "2", "targetVolatilityPercent", "100")
                .size(longSignal(SPOT), fortyPercentVol(SPOT, "10000"))).isEqualByComparingTo("99");
    }

    @Test
    void tradesNothingWithoutHistoryOrEquity() {
        // volatilityBars = 2 needs 3 bars
        FakeSizingContext twoBars = new FakeSizingContext(PERP, new FakePortfolio().equity("10000"), closes(PERP,
                Timeframe.D1, 100, 101));
        assertThat(sizer(PROVIDER, "volatilityBars", "2").size(longSignal(PERP), twoBars)).isZero();
        assertThat(sizer(PROVIDER, "volatilityBars", "2").size(longSignal(PERP), fortyPercentVol(PERP, "0")))
                .isZero();
    }

    @Test
    void refusesALookBackTheHistoryCannotHold() {
        FakeSizingContext small = new FakeSizingContext(PERP, new FakePortfolio().equity("10000"),
                new FakeBarHistory(closes(PERP, Timeframe.D1, 100, 101, 102), 30));
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> sizer(PROVIDER).size(longSignal(PERP), small))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("volatilityBars"))
                .withMessage("parameter 'volatilityBars' = 30 needs 31 bars of history, but the session keeps 30: "
                        + "allowed at most 29 (bars) in this session");
    }
}
