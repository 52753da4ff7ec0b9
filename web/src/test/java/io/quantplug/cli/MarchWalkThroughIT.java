package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Keeps {@code docs/walkthrough-march-2023.md} true: runs {@code examples/march-2023-circuit-breaker.yaml} (its data
 * path pointed at the shared data wherever it is) with and without its risk rules, and checks that the figures and
 * events the document quotes are the ones the command prints and writes — and that the document still quotes them.
 */
class MarchWalkThroughIT {

    static final String EXAMPLE = "examples/march-2023-circuit-breaker.yaml";
    static final String DOC = "docs/walkthrough-march-2023.md";
    static final String DATA_LINE = "../../shared/data/" + BacktestCommandIT.BINANCE_US;

    @TempDir
    Path tmp;

    private JsonNode run(String yaml, String name, List<String> printed) throws IOException {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        Path out = tmp.resolve(name);
        // --equity full: the week's figures below are read from the equity of every bar, as the document says
        CliRun run = CliRun.of("backtest", "--config", file.toString(), "--equity", "full", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(printed);
        return new ObjectMapper().readTree(out.resolve("result.json").toFile());
    }

    @Test
    void theMarch2023WalkThroughPrintsWhatItsDocumentSays() throws IOException {
        Path root = SharedData.repositoryRoot();
        String example = Files.readString(root.resolve(EXAMPLE));
        String doc = Files.readString(root.resolve(DOC));
        assertThat(example).contains(DATA_LINE);
        String yaml = example.replace(DATA_LINE, SharedData.require(BacktestCommandIT.BINANCE_US).toString());

        List<String> guarded = List.of("End equity             10,175.71 USDT", "Net profit             175.71 USDT",
                "Max drawdown           2.18 %", "Trades                 88 (1 closed at the end of the data)",
                "Fees                   58.85 USDT", "Rejected orders        93 (93 CIRCUIT_OPEN by circuit-breaker)",
                "Risk events: 87", "circuit-breaker  2023-03-01T17:28:00Z  TRIP       CONSECUTIVE_LOSSES",
                "sma-crossover:fast=60,slow=240                     1      60  255.61 USDT  40.11 USDT",
                "rsi-reversion:period=60                            1       3  -45.54 USDT   2.00 USDT",
                "regime-trend:entryBars=240,exitBars=120            1      25  -34.37 USDT  16.74 USDT");
        JsonNode with = run(yaml, "with", guarded);
        assertThat(doc).contains(guarded);

        // the events of 9-14 March the document's table lists (HALF_OPENs are left out of it)
        List<String> week = new ArrayList<>();
        for (JsonNode e : with.get("riskEvents")) {
            String time = e.get("time").asText();
            if (time.compareTo("2023-03-09") >= 0 && time.compareTo("2023-03-15") < 0
                    && !e.get("eventType").asText().equals("HALF_OPEN")) {
                week.add(time.substring(8, 16) + " " + e.get("eventType").asText() + " " + e.get("code").asText());
            }
        }
        assertThat(week).containsExactly("09T04:21 TRIP CONSECUTIVE_LOSSES", "09T12:06 TRIP PROBE_LOSS",
                "09T18:32 TRIP PROBE_LOSS", "10T08:14 TRIP PROBE_LOSS", "10T13:31 RESET PROBE_WIN",
                "10T20:20 TRIP CONSECUTIVE_LOSSES", "11T00:52 TRIP PROBE_LOSS", "11T06:18 TRIP PROBE_LOSS",
                "11T10:49 TRIP PROBE_LOSS", "12T02:30 RESET PROBE_WIN", "12T13:58 TRIP CONSECUTIVE_LOSSES",
                "12T18:37 RESET PROBE_WIN", "14T00:57 TRIP CONSECUTIVE_LOSSES", "14T05:15 TRIP PROBE_LOSS",
                "14T11:02 RESET PROBE_WIN");
        long refused = count(with.get("rejections"), "time");
        assertThat(refused).isEqualTo(44);
        assertThat(doc).contains("44 refused orders that week");

        // without the breaker (the document's step 3)
        String unguardedYaml = yaml.substring(0, yaml.indexOf("riskRules:"));
        List<String> unguarded = List.of("Net profit             280.78 USDT", "Max drawdown           2.31 %",
                "Trades                 117 (1 closed at the end of the data)", "Fees                   78.47 USDT",
                "Risk events: 0");
        JsonNode without = run(unguardedYaml, "without", unguarded);
        assertThat(doc).contains("| net profit | 175.71 USDT | 280.78 USDT |", "| max drawdown | 2.18 % | 2.31 % |",
                "| round trips | 88 | 117 |", "| fees | 58.85 USDT | 78.47 USDT |",
                "| +75.58 USDT, 1.55 % | +203.21 USDT, 1.55 % |");
        assertWeek(with, 75.58, 1.548);
        assertWeek(without, 203.21, 1.548);
    }

    /** Rejections (or anything with a time) from 9 to 14 March. */
    private static long count(JsonNode rows, String timeField) {
        long n = 0;
        for (JsonNode r : rows) {
            String t = r.get(timeField).asText();
            n += t.compareTo("2023-03-09") >= 0 && t.compareTo("2023-03-15") < 0 ? 1 : 0;
        }
        return n;
    }

    /** Equity change and worst peak-to-trough fall between the first and last equity points of 9-14 March. */
    private static void assertWeek(JsonNode doc, double change, double drawdownPercent) {
        double first = Double.NaN;
        double last = Double.NaN;
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (JsonNode point : doc.get("equity")) {
            String t = point.get(0).asText();
            if (t.compareTo("2023-03-09") < 0 || t.compareTo("2023-03-15") >= 0) {
                continue;
            }
            double equity = point.get(1).asDouble();
            first = Double.isNaN(first) ? equity : first;
            last = equity;
            peak = Math.max(peak, equity);
            worst = Math.max(worst, (peak - equity) / peak);
        }
        assertThat(last - first).isCloseTo(change, within(0.005));
        assertThat(worst * 100).isCloseTo(drawdownPercent, within(0.0005));
    }
}
