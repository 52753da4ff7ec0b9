package io.quantplug.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quantplug backtest --config FILE.yaml} end to end: ten real hourly Binance pairs on one account, plugins
 * from the distribution's jars, and bad input refused with one line and exit code 2.
 */
class BacktestConfigIT {

    static final String DIR = "binance-spot-1h-2021-2023";
    static final List<String> PAIRS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT",
            "DOGEUSDT", "LTCUSDT", "LINKUSDT", "AVAXUSDT");

    @TempDir
    Path tmp;

    /** The data folder as the YAML file in {@code tmp} reaches it: a path relative to the file's folder. */
    private String relativeData() {
        return tmp.relativize(SharedData.require(DIR)).toString();
    }

    private Path yaml(String text) throws IOException {
        Path file = tmp.resolve("portfolio.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void tenPairsTwoStrategiesSharedCapitalWriteTheDocumentedResult() throws IOException {
        StringBuilder y = new StringBuilder("capital: 10000\nfeeBps: 10\nslippageBps: 2\ninstruments:\n");
        for (String pair : PAIRS) {
            // the final row of every file is a candle still open at download time (PROVENANCE.md)
            y.append("  - data: ").append(relativeData()).append('/').append(pair).append("_1h.csv\n")
                    .append("    dropLastBars: 1\n");
        }
        y.append("""
                strategies:
                  - id: sma-crossover
                    params: {fast: 10, slow: 30}
                  - id: rsi-reversion
                sizer: {id: fixed-fractional, params: {riskPercent: 1, stopPercent: 2}}
                riskRules: [{id: circuit-breaker, params: {cooldownMinutes: 120}}]
                """);
        Path out = tmp.resolve("out");
        String home = tmp.resolve("home").toString();
        CliRun run = CliRun.of("backtest", "--config", yaml(y.toString()).toString(), "--out", out.toString(),
                "--home", home);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sma-crossover+rsi-reversion on 10 instruments, 1h bars", "Sharpe",
                "By strategy:", "By instrument:", "AVAXUSDT.BINANCE", "(final 1 row left out)",
                "Stored as run 1 (quantplug runs show 1)");

        JsonNode doc = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(out.resolve("result.json").toFile());
        assertThat(doc.get("format").asText()).isEqualTo("quantplug-portfolio-result/1");
        for (String block : new String[] {"run", "metrics", "strategies", "instruments", "trades", "equity",
            "rejections", "faults", "counts", "riskEvents", "decisions"}) {
            assertThat(doc.has(block)).as("block %s", block).isTrue();
        }
        assertThat(doc.get("run").get("books")).hasSize(10);
        assertThat(doc.get("run").get("timeframe").asText()).isEqualTo("1h");
        assertThat(doc.get("run").get("sizer").asText()).startsWith("fixed-fractional");
        JsonNode equity = doc.get("equity");
        assertThat(equity.get(0).get(0).asText()).isEqualTo("2021-04-04T20:00:00Z"); // BTC and ETH start first
        assertThat(equity.get(0).get(1).asDouble()).isEqualTo(10_000.0);

        Set<String> traded = new HashSet<>();
        for (JsonNode t : doc.get("trades")) {
            traded.add(t.get("instrument").asText());
            for (String field : new String[] {"strategy", "instrument", "entryTime", "exitTime", "entryPrice",
                "exitPrice", "quantity", "side", "pnl", "fees", "exitReason"}) {
                assertThat(t.has(field)).as("trade field %s", field).isTrue();
            }
        }
        assertThat(traded).hasSizeGreaterThanOrEqualTo(5);

        BigDecimal netProfit = doc.get("metrics").get("netProfit").decimalValue();
        BigDecimal byStrategy = BigDecimal.ZERO;
        assertThat(doc.get("strategies")).hasSize(2);
        for (JsonNode s : doc.get("strategies")) {
            assertThat(s.get("instruments")).hasSize(10);
            assertThat(s.get("trades").asInt()).isPositive();
            byStrategy = byStrategy.add(s.get("netPnl").decimalValue());
        }
        BigDecimal byInstrument = BigDecimal.ZERO;
        for (JsonNode i : doc.get("instruments")) {
            byInstrument = byInstrument.add(i.get("netPnl").decimalValue());
        }
        // every position is closed at the end, so the account's profit is the sum of its trades' P&L
        assertThat(byStrategy).isEqualByComparingTo(netProfit);
        assertThat(byInstrument).isEqualByComparingTo(netProfit);
        assertThat(doc.get("metrics").get("endEquity").decimalValue().subtract(new BigDecimal("10000")))
                .isEqualByComparingTo(netProfit);

        // stored: listed as a portfolio run, and shown as the same document as result.json
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode listed = json.readTree(CliRun.of("runs", "list", "--json", "--home", home).out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("kind").asText()).isEqualTo("PORTFOLIO");
        assertThat(listed.get(0).get("mode").asText()).isEqualTo("BACKTEST");
        assertThat(listed.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(listed.get(0).get("strategy").asText()).isEqualTo("sma-crossover+rsi-reversion");
        assertThat(listed.get(0).get("instrument").asText().split(","))
                .containsExactlyElementsOf(PAIRS.stream().map(p -> p + ".BINANCE").toList());
        assertThat(listed.get(0).get("tradeCount").asInt()).isEqualTo(doc.get("trades").size());
        CliRun table = CliRun.of("runs", "list", "--home", home);
        assertThat(table.out()).contains("sma-crossover+rsi-reversion", "10 instruments 1h", "COMPLETED");
        CliRun shown = CliRun.of("runs", "show", "1", "--json", "--home", home);
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(json.readTree(shown.out()).equals(StoreCommandsIT.NUMBERS_BY_VALUE, doc)).as("runs show 1 --json = result.json")
                .isTrue();
        assertThat(CliRun.of("runs", "show", "1", "--home", home).out()).contains("Run 1: BACKTEST portfolio",
                "By strategy:", "By instrument:", "AVAXUSDT.BINANCE");
    }

    @Test
    void noStoreLeavesThePortfolioRunOutOfTheStore() throws IOException {
        Path file = yaml("instruments:\n  - data: " + relativeData() + "/ETHUSDT_1h.csv\nstrategies:\n"
                + "  - id: sma-crossover\n");
        String home = tmp.resolve("home").toString();
        CliRun run = CliRun.of("backtest", "--config", file.toString(), "--out", tmp.resolve("out").toString(),
                "--no-store", "--home", home);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(not stored: --no-store)");
        assertThat(CliRun.of("runs", "list", "--home", home).out()).contains("No runs stored yet.");
    }

    private void assertOneLineBadInput(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line).contains(fragments));
    }

    @Test
    void yamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path file = yaml("capital: 10000\nfeeBps: 10: 5\ninstruments:\n  - data: x.csv\n");
        assertOneLineBadInput(CliRun.of("backtest", "--config", file.toString()), "portfolio.yaml line 2",
                "YAML syntax error", "mapping values are not allowed here");
    }

    @Test
    void unknownKeyIsNamedWithItsPath() throws IOException {
        Path file = yaml("instruments:\n  - data: x.csv\n    symbl: BTCUSDT\nstrategies:\n  - id: sma-crossover\n");
        assertOneLineBadInput(CliRun.of("backtest", "--config", file.toString()), "portfolio.yaml line 3",
                "unknown key 'instruments[0].symbl'", "symbol");
    }

    @Test
    void missingDataFileIsNamed() throws IOException {
        Path file = yaml("instruments:\n  - data: nowhere/BTCUSDT_1h.csv\nstrategies:\n  - id: sma-crossover\n");
        assertOneLineBadInput(CliRun.of("backtest", "--config", file.toString()), "instruments[0].data",
                "nowhere/BTCUSDT_1h.csv does not exist");
    }

    @Test
    void mixedTimeframesAreRefusedNamingTheFiles() throws IOException {
        Path minute = SharedData.require(BacktestCommandIT.BINANCE_US);
        Path file = yaml("instruments:\n  - data: " + relativeData() + "/ETHUSDT_1h.csv\n  - data: " + minute
                + "\nstrategies:\n  - id: sma-crossover\n");
        assertOneLineBadInput(CliRun.of("backtest", "--config", file.toString()),
                "mixed timeframes: ETHUSDT_1h.csv has 1h bars, BTCUSDT_1m_20230301_20230321.csv 1m");
    }

    @Test
    void unknownStrategyGetsTheMessageOfTheSingleFileCommand() throws IOException {
        Path file = yaml("instruments:\n  - data: " + relativeData() + "/ETHUSDT_1h.csv\nstrategies:\n  - id: nope\n");
        CliRun portfolio = CliRun.of("backtest", "--config", file.toString());
        CliRun single = CliRun.of("backtest", "--data", SharedData.require(DIR + "/ETHUSDT_1h.csv").toString(),
                "--strategy", "nope", "--no-store");
        assertOneLineBadInput(portfolio, "unknown strategy 'nope'; available: ");
        // (the single-file command prints a note on the file's gaps first)
        assertThat(portfolio.errLines().get(0)).isEqualTo(single.errLines().get(single.errLines().size() - 1));
    }

    @Test
    void parameterErrorNamesTheStrategyAndTheParameter() throws IOException {
        Path file = yaml("instruments:\n  - data: " + relativeData() + "/ETHUSDT_1h.csv\nstrategies:\n"
                + "  - id: sma-crossover\n    params: {fast: 0}\n");
        assertOneLineBadInput(CliRun.of("backtest", "--config", file.toString()), "strategy 'sma-crossover'",
                "fast");
    }

    @Test
    void configDoesNotGoWithDataOrStrategy() throws IOException {
        Path file = yaml("instruments:\n  - data: x.csv\nstrategies:\n  - id: sma-crossover\n");
        assertOneLineBadInput(CliRun.of("backtest", "--config", file.toString(), "--data", "x.csv", "--strategy",
                "sma-crossover"), "--config FILE.yaml describes the whole run; it does not go with --data, --strategy");
    }
}
