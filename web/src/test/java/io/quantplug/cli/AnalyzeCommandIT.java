package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** {@code quantplug analyze} with the volatility-regime plugin of the distribution, on real BTC daily bars. */
class AnalyzeCommandIT {

    static final String DAILY = "binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv";

    // R 4.2.2, fGarch 4022.89, garchFit(~garch(1,1), cond.dist = "norm", include.mean = TRUE) on the 3,101 percent log
    // returns of this file's closes: sdk-volatility/src/test/resources/io/quantplug/sdk/volatility/garch-reference.R,
    // where the command and its output are written down.
    static final double R_MU = 0.132060793298;
    static final double R_OMEGA = 0.474443435961;
    static final double R_ALPHA = 0.103199909452;
    static final double R_BETA = 0.868831205982;
    static final double R_LOG_LIKELIHOOD = -8132.5190058288;

    @Test
    void printsTheGarchFitOfTheWholeFileAsFgarchFindsIt() throws IOException {
        CliRun run = CliRun.of("analyze", "--data", SharedData.require(DAILY).toString(), "--analyzer",
                "volatility-regime", "--param", "windowBars=5000", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("analyzer").asText()).isEqualTo("volatility-regime");
        assertThat(doc.get("bars").asLong()).isEqualTo(3_102);
        assertThat(doc.get("timeframe").asText()).isEqualTo("1d");
        assertThat(doc.get("regime").asText()).isIn("LOW", "MEDIUM", "HIGH", "EXTREME");
        JsonNode garch = doc.get("garch");
        assertThat(garch.get("observations").asInt()).isEqualTo(3_101);
        assertThat(garch.get("mu").asDouble()).isCloseTo(R_MU, withinPercentage(0.01));
        assertThat(garch.get("omega").asDouble()).isCloseTo(R_OMEGA, withinPercentage(0.01));
        assertThat(garch.get("alpha").asDouble()).isCloseTo(R_ALPHA, withinPercentage(0.01));
        assertThat(garch.get("beta").asDouble()).isCloseTo(R_BETA, withinPercentage(0.01));
        assertThat(garch.get("logLikelihood").asDouble()).isCloseTo(R_LOG_LIKELIHOOD, withinPercentage(0.0001));
        JsonNode estimators = doc.get("estimators");
        assertThat(estimators.size()).isEqualTo(6);
        for (String name : new String[] {"close-to-close", "parkinson", "garman-klass", "rogers-satchell",
            "yang-zhang", "ewma"}) {
            // annualised, as a fraction: between 5 % and 500 % a year
            assertThat(estimators.get(name).asDouble()).as(name).isGreaterThan(0.05).isLessThan(5.0);
        }
    }

    @Test
    void printsTextByDefault() throws IOException {
        CliRun run = CliRun.of("analyze", "--data", SharedData.require(DAILY).toString(), "--analyzer",
                "volatility-regime");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("analyzer: volatility-regime").contains("estimators:")
                .contains("  yang-zhang: ").contains("garch:").contains("  logLikelihood: ");
    }

    @Test
    void anUnknownAnalyzerNamesTheAvailableOnes() throws IOException {
        CliRun run = CliRun.of("analyze", "--data", SharedData.require(DAILY).toString(), "--analyzer", "nope");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.err()).contains("unknown analyzer 'nope'").contains("volatility-regime")
                .contains("fixed-fractional");
    }
}
