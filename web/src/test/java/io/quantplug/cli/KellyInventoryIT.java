package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code kelly-inventory} sizer from the {@code position-sizers} jar on a three-pair portfolio of real hourly
 * bars: each book's sizer sees every instrument of the account, open positions are rebalanced on drift, and
 * nothing faults. The weights and the rebalancing are checked by hand in the plugin's and the runtime's tests.
 */
class KellyInventoryIT {

    @TempDir
    Path tmp;

    @Test
    void sizesAPortfolioFromEveryInstrumentsReturns() throws IOException {
        Path data = SharedData.require("binance-spot-1h-2021-2023/BTCUSDT_1h.csv").getParent();
        String yaml = """
                capital: 10000
                instruments:
                  - {data: %1$s/BTCUSDT_1h.csv, from: 2022-01-01, to: 2022-07-01}
                  - {data: %1$s/ETHUSDT_1h.csv, from: 2022-01-01, to: 2022-07-01}
                  - {data: %1$s/SOLUSDT_1h.csv, from: 2022-01-01, to: 2022-07-01}
                strategies:
                  - id: sma-crossover
                    params: {fast: 10, slow: 30}
                sizer: {id: kelly-inventory, params: {lookback: 250, kellyFraction: 0.5, maxGross: 0.9, driftPct: 5}}
                """.formatted(data);
        Path file = Files.writeString(tmp.resolve("kelly.yaml"), yaml);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("backtest", "--config", file.toString(), "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(doc.get("faults")).isEmpty();
        assertThat(doc.get("trades").size()).isPositive();
        // open positions drift and are traded back to their weights (driftPct 5): more orders than the entries and
        // exits of the round trips
        assertThat(doc.get("counts").get("orders").asLong()).isGreaterThan(2L * doc.get("trades").size());
    }
}
