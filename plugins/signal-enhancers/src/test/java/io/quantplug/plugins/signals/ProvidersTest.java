package io.quantplug.plugins.signals;

import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the runtime and the console read from the plugin: the providers, their schemas and their refusals. */
class ProvidersTest {

    private static List<EnhancementProvider> providers() {
        return ServiceLoader.load(EnhancementProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void bothEnhancersAreRegisteredAsServices() {
        assertThat(providers()).extracting(p -> p.descriptor().id())
                .containsExactlyInAnyOrder("multi-factor-score", "multi-timeframe");
        for (EnhancementProvider p : providers()) {
            assertThat(p.kind()).isEqualTo(EnhancementKind.SIGNAL_ENHANCER);
            assertThat(p.create(p.descriptor().parameters().defaults())).as(p.descriptor().id())
                    .isInstanceOf(SignalEnhancer.class);
        }
    }

    @Test
    void everyParameterHasADescriptionADefaultAndEveryNumberARangeAndUnit() {
        for (EnhancementProvider provider : providers()) {
            for (ParameterSpec spec : provider.descriptor().parameters().parameters()) {
                String name = provider.descriptor().id() + "." + spec.name();
                assertThat(spec.description()).as(name).isNotBlank();
                assertThat(spec.defaultValue()).as(name).isNotNull();
                if (spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.DECIMAL) {
                    assertThat(spec.min()).as(name).isNotNull();
                    assertThat(spec.max()).as(name).isNotNull();
                    assertThat(spec.unit()).as(name).isNotBlank();
                }
            }
        }
        assertThat(new MultiFactorScoreProvider().descriptor().parameters().find("weightRiskReward"))
                .hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("20"));
    }

    private static void refused(Runnable action, String parameter, String message) {
        assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(action::run)
                .satisfies(e -> assertThat(e.parameter()).isEqualTo(parameter))
                .withMessage(message);
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheParameterAndItsRange() {
        refused(() -> TestBars.multiFactor(Map.of("minScore", "101")), "minScore",
                "parameter 'minScore' = 101 is out of range: allowed decimal 0 .. 100 (points)");
        refused(() -> TestBars.multiFactor(Map.of("emaFast", "0")), "emaFast",
                "parameter 'emaFast' = 0 is out of range: allowed integer 1 .. 1000 (bars)");
        refused(() -> TestBars.multiFactor(Map.of("stopAtr", "0.05")), "stopAtr",
                "parameter 'stopAtr' = 0.05 is out of range: allowed decimal 0.1 .. 20 (ATR)");
        refused(() -> TestBars.multiFactor(Map.of("weightTiming", "-1")), "weightTiming",
                "parameter 'weightTiming' = -1 is out of range: allowed decimal 0 .. 100 (weight)");
        refused(() -> TestBars.multiTimeframe(Map.of("minAlignment", "1.5")), "minAlignment",
                "parameter 'minAlignment' = 1.5 is out of range: allowed decimal 0 .. 1 (fraction)");
        refused(() -> TestBars.multiTimeframe(Map.of("emaPeriod", "1")), "emaPeriod",
                "parameter 'emaPeriod' = 1 is out of range: allowed integer 2 .. 500 (bars)");
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> TestBars.multiTimeframe(Map.of("weighting", "log")))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("weighting"))
                .withMessageContaining("one of linear, equal");
    }

    @Test
    void inconsistentMultiFactorParametersAreRefusedNamingOne() {
        MultiFactorScoreProvider p = new MultiFactorScoreProvider();
        refused(() -> p.create(TestBars.multiFactor(Map.of("emaFast", "26"))), "emaFast",
                "parameter 'emaFast' = 26 must be below 'emaSlow' = 26");
        refused(() -> p.create(TestBars.multiFactor(Map.of("minVolatility", "9"))), "maxVolatility",
                "parameter 'maxVolatility' = 8 must be above 'minVolatility' = 9 (% per day)");
        Map<String, String> zero = Map.of("weightTechnical", "0", "weightVolume", "0", "weightVolatility", "0",
                "weightMomentum", "0", "weightRiskReward", "0", "weightTiming", "0");
        refused(() -> p.create(TestBars.multiFactor(zero)), "weightTechnical",
                "parameters 'weightTechnical' .. 'weightTiming' are all 0: at least one factor weight must be > 0");
    }

    @Test
    void badTimeframeListsAreRefusedNamingTheParameter() {
        String allowed = "; allowed 1 to 8 distinct timeframes from 1m to 1d that divide a day evenly, separated by"
                + " spaces or '+' (on the command line, where ',' separates parameters), e.g. 5m 15m 1h 4h 1d or"
                + " 1h+4h+1d";
        MultiTimeframeProvider p = new MultiTimeframeProvider();
        refused(() -> p.create(TestBars.multiTimeframe(Map.of("timeframes", "1h 7m"))), "timeframes",
                "parameter 'timeframes' = '1h 7m' is invalid: 7m is not between 1m and 1d or does not divide a day"
                        + allowed);
        refused(() -> p.create(TestBars.multiTimeframe(Map.of("timeframes", "2d"))), "timeframes",
                "parameter 'timeframes' = '2d' is invalid: 2d is not between 1m and 1d or does not divide a day"
                        + allowed);
        refused(() -> p.create(TestBars.multiTimeframe(Map.of("timeframes", "30s"))), "timeframes",
                "parameter 'timeframes' = '30s' is invalid: 30s is not between 1m and 1d or does not divide a day"
                        + allowed);
        refused(() -> p.create(TestBars.multiTimeframe(Map.of("timeframes", "1h+4h+1h"))), "timeframes",
                "parameter 'timeframes' = '1h+4h+1h' is invalid: 1h is given twice" + allowed);
        refused(() -> p.create(TestBars.multiTimeframe(Map.of("timeframes", "hourly"))), "timeframes",
                "parameter 'timeframes' = 'hourly' is invalid: 'hourly' is not a timeframe" + allowed);
        refused(() -> p.create(TestBars.multiTimeframe(Map.of("timeframes", " "))), "timeframes",
                "parameter 'timeframes' = '' is invalid: '' is not a timeframe" + allowed);
        refused(() -> p.create(TestBars.multiTimeframe(Map.of("timeframes", "1m 2m 3m 4m 5m 6m 8m 10m 12m"))),
                "timeframes", "parameter 'timeframes' = '1m 2m 3m 4m 5m 6m 8m 10m 12m' is invalid: 9 timeframes are"
                        + " too many" + allowed);
        refused(() -> p.create(TestBars.multiTimeframe(Map.of("pivotBars", "3", "levelBars", "6"))), "levelBars",
                "parameter 'levelBars' = 6 must be above 2 x 'pivotBars' = 6 (a pivot needs that many bars around"
                        + " it)");
    }

    @Test
    void timeframesAreSortedAndMaySeparateBySpacePlusOrComma() {
        assertThat(MultiTimeframeProvider.timeframes("1d+1h 4h,15m"))
                .containsExactly(Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1);
        ConfluenceSettings linear = MultiTimeframeProvider.settings(TestBars.multiTimeframe(Map.of()));
        assertThat(linear.timeframes()).extracting(Timeframe::label).containsExactly("5m", "15m", "1h", "4h", "1d");
        assertThat(linear.weights()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(MultiTimeframeProvider.settings(TestBars.multiTimeframe(Map.of("weighting", "equal"))).weights())
                .containsExactly(1.0, 1.0, 1.0, 1.0, 1.0);
    }
}
