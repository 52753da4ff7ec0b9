package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code examples/pairs-trading.yaml} and {@code docs/pairs-trading.md} true: runs the example (its data paths
 * pointed at the shared data wherever it is) through {@code quantplug backtest --config} with the distribution's
 * {@code pairs-trading} plugin jar, and checks the figures the document quotes. The decisions themselves are checked
 * against a hand computation in the plugin's own {@code PairsTradingPluginIT}.
 */
class PairsTradingExampleIT {

    static final String EXAMPLE = "examples/pairs-trading.yaml";
    static final String DOC = "docs/pairs-trading.md";
    static final String DATA = "../../shared/data/";

    @TempDir
    Path tmp;

    @Test
    void theExampleRunsOneInstanceOnBothLegsAndPrintsWhatTheDocumentSays() throws IOException {
        Path root = SharedData.repositoryRoot();
        String example = Files.readString(root.resolve(EXAMPLE));
        assertThat(example).contains(DATA + "binance-spot-1h-2021-2023/SOLUSDT_1h.csv",
                DATA + "binance-spot-1h-2021-2023/AVAXUSDT_1h.csv");
        SharedData.require("binance-spot-1h-2021-2023/SOLUSDT_1h.csv");
        Path file = tmp.resolve("pairs-trading.yaml");
        Files.writeString(file, example.replace(DATA, SharedData.dataDir() + "/"));
        Path out = tmp.resolve("out");

        CliRun run = CliRun.of("backtest", "--config", file.toString(), "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> printed = List.of("End equity             11,384.83 USDT", "Trades                 16",
                "Fees                   93.59 USDT", "Exposure               3.33 %", "Rejected orders        0");
        assertThat(run.out()).contains(printed);
        assertThat(Files.readString(root.resolve(DOC))).contains("**11,384.83 USDT**", "**16 round trips**",
                "(7 on SOLUSDT, 9 on AVAXUSDT)", "93.59 USDT of fees", "3.33 % exposure");
        JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        JsonNode trades = doc.get("trades");
        assertThat(trades).hasSize(16);
        int sol = 0;
        for (JsonNode t : trades) {
            assertThat(t.get("strategy").asText()).isEqualTo("pairs-trading-1");
            assertThat(t.get("side").asText()).as("long-only on spot").isEqualTo("LONG");
            sol += t.get("instrument").asText().equals("SOLUSDT.BINANCE") ? 1 : 0;
        }
        assertThat(sol).isEqualTo(7);
        assertThat(doc.get("faults")).isEmpty();
    }

    @Test
    void aSpotShortLegOrAPairOfOneIsRefusedInOneLine() throws IOException {
        Path root = SharedData.repositoryRoot();
        SharedData.require("binance-spot-1h-2021-2023/SOLUSDT_1h.csv");
        String example = Files.readString(root.resolve(EXAMPLE)).replace(DATA, SharedData.dataDir() + "/");
        Path longShort = tmp.resolve("long-short.yaml");
        Files.writeString(longShort, example.replace("mode: long-only", "mode: long-short"));
        CliRun run = CliRun.of("backtest", "--config", longShort.toString(), "--no-store");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.err()).contains("strategy 'pairs-trading': parameter 'mode' = long-short needs two instruments"
                + " that can be shorted, but SOLUSDT.BINANCE is SPOT");
        Path single = tmp.resolve("single.yaml");
        Files.writeString(single, example.replace("subscribe: [SOLUSDT, AVAXUSDT]", "instruments: [SOLUSDT, AVAXUSDT]"));
        run = CliRun.of("backtest", "--config", single.toString(), "--no-store");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.err()).contains("pairs-trading trades exactly two instruments (y, then x), but instance "
                + "pairs-trading-1 subscribes to 1");
    }
}
