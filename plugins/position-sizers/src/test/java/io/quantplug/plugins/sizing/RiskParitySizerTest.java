package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Timeframe;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeSizingContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.quantplug.plugins.sizing.SizerStubs.FIFTIETH_OF_A_YEAR;
import static io.quantplug.plugins.sizing.SizerStubs.PERP;
import static io.quantplug.plugins.sizing.SizerStubs.closes;
import static io.quantplug.plugins.sizing.SizerStubs.longSignal;
import static io.quantplug.plugins.sizing.SizerStubs.perpetual;
import static io.quantplug.plugins.sizing.SizerStubs.sizer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instruments whose bars (a fiftieth of a year each) close 100, 100 e^x, 100: returns +x and -x, realised
 * volatility sqrt(2 x^2 x 50) = 10 x a year over volatilityBars = 2; price 100. Equity 10 000.
 */
class RiskParitySizerTest {

    private static final RiskParityProvider PROVIDER = new RiskParityProvider();

    private static FakeSizingContext withVolatility(Instrument instrument, double annualVolatility) {
        double x = annualVolatility / 10;
        return new FakeSizingContext(instrument, new FakePortfolio().equity("10000"),
                closes(instrument, FIFTIETH_OF_A_YEAR, 100, 100 * Math.exp(x), 100));
    }

    @Test
    void givesEachOfNInstrumentsItsShareOfTheVolatilityBudget() {
        // N = 4, sigma = 40 %: 10 000 x 1/4 x 20 % / 40 % = 1 250 notional -> 12.5 at 100
        PositionSizer sizer = sizer(PROVIDER, "instrumentCount", "4", "volatilityBars", "2");
        assertThat(sizer.size(longSignal(PERP), withVolatility(PERP, 0.4))).isEqualByComparingTo("12.5");
    }

    @Test
    void everyInstrumentContributesTheSameRisk() {
        // N = 2, target 20 %: sigma_A = 40 % -> 10 000 x 1/2 x 0.5 = 2 500; sigma_B = 80 % -> 10 000 x 1/2 x 0.25
        // = 1 250; weights in the ratio 1/0.4 : 1/0.8 = 2 : 1; risk notional x sigma = 1 000 for both
        Instrument a = perpetual("AUSDT");
        Instrument b = perpetual("BUSDT");
        BigDecimal qa = sizer(PROVIDER, "instrumentCount", "2", "volatilityBars", "2")
                .size(longSignal(a), withVolatility(a, 0.4));
        BigDecimal qb = sizer(PROVIDER, "instrumentCount", "2", "volatilityBars", "2")
                .size(longSignal(b), withVolatility(b, 0.8));
        assertThat(qa).isEqualByComparingTo("25");
        assertThat(qb).isEqualByComparingTo("12.5");
        BigDecimal riskA = qa.multiply(BigDecimal.valueOf(100)).multiply(new BigDecimal("0.4"));
        BigDecimal riskB = qb.multiply(BigDecimal.valueOf(100)).multiply(new BigDecimal("0.8"));
        assertThat(riskA).isEqualByComparingTo(riskB).isEqualByComparingTo("1000");
    }

    @Test
    void harmonicMeanTargetGivesFullyInvestedInverseVolatilityWeights() {
        // sigma_A = 20 %, sigma_B = 60 %; normalised inverse-vol weights: (1/0.2) / (1/0.2 + 1/0.6) = 5 / (20/3)
        // = 0.75 and 0.25. The harmonic mean 2 / (5 + 5/3) = 0.3 as the target gives the same:
        // A: 1/2 x 0.3 / 0.2 = 0.75 -> 7 500 -> 75;  B: 1/2 x 0.3 / 0.6 = 0.25 -> 2 500 -> 25; total 10 000 = equity
        // (maxLeverage 2, since A alone asks 0.3 / 0.2 = 1.5 x before the 1/N)
        Instrument a = perpetual("AUSDT");
        Instrument b = perpetual("BUSDT");
        String[] params = {"instrumentCount", "2", "volatilityBars", "2", "targetVolatilityPercent", "30",
            "maxLeverage", "2"};
        assertThat(sizer(PROVIDER, params).size(longSignal(a), withVolatility(a, 0.2))).isEqualByComparingTo("75");
        assertThat(sizer(PROVIDER, params).size(longSignal(b), withVolatility(b, 0.6))).isEqualByComparingTo("25");
    }

    @Test
    void leverageCapIsSharedAcrossTheUniverse() {
        // zero volatility asks an unbounded weight; cap maxLeverage / N = 1 / 4 -> 2 500 -> 25
        FakeSizingContext flat = new FakeSizingContext(PERP, new FakePortfolio().equity("10000"),
                closes(PERP, Timeframe.D1, 100, 100, 100));
        assertThat(sizer(PROVIDER, "instrumentCount", "4", "volatilityBars", "2").size(longSignal(PERP), flat))
                .isEqualByComparingTo("25");
    }

    @Test
    void oneInstrumentIsAVolatilityTarget() {
        PositionSizer parity = sizer(PROVIDER, "volatilityBars", "2");
        PositionSizer target = sizer(new VolatilityTargetProvider(), "volatilityBars", "2");
        assertThat(parity.size(longSignal(PERP), withVolatility(PERP, 0.4)))
                .isEqualByComparingTo(target.size(longSignal(PERP), withVolatility(PERP, 0.4)))
                .isEqualByComparingTo("50");
    }

    @Test
    void tradesNothingWithoutHistory() {
        FakeSizingContext oneBar = new FakeSizingContext(PERP, new FakePortfolio().equity("10000"), closes(PERP,
                Timeframe.D1, 100));
        assertThat(sizer(PROVIDER, "volatilityBars", "2").size(longSignal(PERP), oneBar)).isZero();
    }
}
