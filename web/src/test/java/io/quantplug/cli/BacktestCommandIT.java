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
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The backtest command end to end: real data, plugins loaded from the distribution's jars. */
class BacktestCommandIT {

    static final String BINANCE_US = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";

    @TempDir
    Path tmp;

    @Test
    void writesResultJsonAndReportWithTheDocumentedShape() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--param", "fast=10", "--param", "slow=30", "--fee-bps", "10", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Sharpe", "Max drawdown", "Win rate", "Trades", "30,240 bars");

        JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(doc.get("trades").isArray()).isTrue();
        JsonNode first = doc.get("trades").get(0);
        for (String field : new String[] {"entryTime", "exitTime", "entryPrice", "exitPrice", "quantity", "side",
            "pnl", "fees", "exitReason"}) {
            assertThat(first.has(field)).as("trade field %s", field).isTrue();
        }
        assertThat(first.get("entryTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        for (String metric : new String[] {"totalReturn", "sharpe", "sortino", "maxDrawdown", "winRate",
            "profitFactor", "tradeCount"}) {
            assertThat(doc.get("metrics").has(metric)).as("metric %s", metric).isTrue();
        }
        // the equity at the default bound: 2,000 of the 30,241 points (start + every bar), both ends kept
        JsonNode equity = doc.get("equity");
        assertThat(equity.size()).isEqualTo(2_000);
        assertThat(doc.at("/equitySampling/points").asLong()).isEqualTo(30_241);
        assertThat(doc.at("/equitySampling/kept").asInt()).isEqualTo(2_000);
        assertThat(equity.get(0).get(0).asText()).isEqualTo("2023-03-01T00:00:00Z");
        assertThat(equity.get(0).get(1).asDouble()).isEqualTo(10_000.0);
        assertThat(equity.get(1_999).get(0).asText()).isEqualTo("2023-03-22T00:00:00Z");
        JsonNode last = doc.get("trades").get(doc.get("trades").size() - 1);
        assertThat(last.get("exitReason").asText()).isEqualTo("END_OF_DATA");
        assertThat(last.get("exitTime").asText()).isEqualTo("2023-03-22T00:00:00Z");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("TradingView Lightweight Charts", "createSeriesMarkers", "\"trades\":[")
                .doesNotContain("__RESULT_JSON__", "__CANDLE_JSON__", "<script src=");
        // 30,240 bars drawn as at most 4,000 candles: ceil(30,240 / 4,000) = 8 bars each, 3,780 candles
        assertThat(html).contains("{\"barSeconds\":60,\"bucketSeconds\":480,\"candles\":[");
        assertThat(html).contains("\"equitySampling\":{\"points\":30241,\"kept\":2000,\"method\":\"LTTB\"}");
    }

    @Test
    void aFileBacktestedTwiceIsParsedOnceAndGivesTheSameResult() throws IOException {
        Path home = tmp.resolve("home");
        Path csv = tmp.resolve("BTCUSDT_1m_march.csv");
        Files.copy(SharedData.require(BINANCE_US), csv);
        String[] args = {"backtest", "--data", csv.toString(), "--strategy", "sma-crossover", "--no-store",
            "--home", home.toString(), "--out", null};
        args[args.length - 1] = tmp.resolve("parsed").toString();
        CliRun parsed = CliRun.of(args);
        args[args.length - 1] = tmp.resolve("cached").toString();
        CliRun cached = CliRun.of(args);
        CliRun uncached = CliRun.of("backtest", "--data", csv.toString(), "--strategy", "sma-crossover",
                "--no-store", "--no-cache", "--home", home.toString(), "--out", tmp.resolve("uncached").toString());

        assertThat(parsed.exitCode()).as(parsed.err()).isZero();
        assertThat(cached.exitCode()).as(cached.err()).isZero();
        assertThat(uncached.exitCode()).as(uncached.err()).isZero();
        try (var entries = Files.list(home.resolve("cache").resolve("bars"))) {
            assertThat(entries.toList()).hasSize(1); // one parse kept, in the home
        }
        String first = Files.readString(tmp.resolve("parsed").resolve("result.json"));
        assertThat(Files.readString(tmp.resolve("cached").resolve("result.json"))).isEqualTo(first);
        assertThat(Files.readString(tmp.resolve("uncached").resolve("result.json"))).isEqualTo(first);
        // a stored run builds its whole document and thins it when written: the same file
        CliRun stored = CliRun.of("backtest", "--data", csv.toString(), "--strategy", "sma-crossover",
                "--home", home.toString(), "--out", tmp.resolve("stored").toString());
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(Files.readString(tmp.resolve("stored").resolve("result.json"))).isEqualTo(first);
        assertThat(cached.out().replace(tmp.resolve("cached").toString(), "OUT"))
                .isEqualTo(parsed.out().replace(tmp.resolve("parsed").toString(), "OUT"));
    }

    @Test
    void smaCrossoverRunsOnOneSecondBarsFromTheTradesOfEverySharedRecording() throws IOException {
        Path dir = SharedData.require("binance-ws-raw-2024-08-08");
        List<Path> recordings;
        try (var files = Files.list(dir)) {
            recordings = files.filter(f -> f.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
        assertThat(recordings).hasSize(8);
        for (Path recording : recordings) {
            Path out = tmp.resolve("rec-" + recording.getFileName());
            CliRun run = CliRun.of("backtest", "--data", recording.toString(), "--bar", "1s", "--strategy",
                    "sma-crossover", "--no-store", "--out", out.toString());
            assertThat(run.exitCode()).as(recording + ": " + run.err()).isZero();
            assertThat(run.out()).as(recording.toString()).containsPattern("Data: \\d+ bars of 1s from the \\d+ trades"
                    + " recorded in " + recording.getFileName());
            // replayed as ticks: every trade the bars were made of reached the session, and the book when it had one
            java.util.regex.Matcher data = java.util.regex.Pattern.compile("from the (\\d+) trades").matcher(run.out());
            java.util.regex.Matcher replayed = java.util.regex.Pattern.compile(
                    "Replayed: (\\d+) trades, (\\d+) book updates from (\\d+) depth diffs").matcher(run.out());
            assertThat(data.find() && replayed.find()).as(run.out()).isTrue();
            assertThat(replayed.group(1)).isEqualTo(data.group(1));
            boolean hasSnapshot = !recording.getFileName().toString().endsWith("0809.gz");
            assertThat(Long.parseLong(replayed.group(2)) > 0).as(recording + " book updates").isEqualTo(hasSnapshot);
            JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
            assertThat(doc.at("/run/timeframe").asText()).isEqualTo("1s");
            assertThat(doc.get("trades").isArray()).isTrue();
        }
        // a recording is recognised without --bar (1-minute bars then)
        CliRun minutes = CliRun.of("backtest", "--data", recordings.get(0).toString(), "--strategy",
                "sma-crossover", "--param", "fast=2", "--param", "slow=3", "--no-store", "--out",
                tmp.resolve("rec-minutes").toString());
        assertThat(minutes.exitCode()).as(minutes.err()).isZero();
        assertThat(minutes.out()).containsPattern("Data: \\d+ bars of 1m from the");
    }

    @Test
    void volumeScalperRunsFromItsJarOnEverySharedRecordingWithFillsOnTheBook() throws IOException {
        Path dir = SharedData.require("binance-ws-raw-2024-08-08");
        List<Path> recordings;
        try (var files = Files.list(dir)) {
            recordings = files.filter(f -> f.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
        for (Path recording : recordings) {
            Path out = tmp.resolve("vs-" + recording.getFileName());
            CliRun run = CliRun.of("backtest", "--data", recording.toString(), "--bar", "1s", "--strategy",
                    "volume-scalper", "--enhancer", "footprint", "--no-store", "--feed-latency-ms", "measured",
                    "--entry-latency-ms", "5", "--queue-model", "probabilistic", "--out", out.toString());
            assertThat(run.exitCode()).as(recording + ": " + run.err()).isZero();
            boolean hasSnapshot = !recording.getFileName().toString().endsWith("0809.gz");
            assertThat(run.out()).as(recording.toString()).contains(hasSnapshot
                    ? "Fills: on the replayed book (market orders walk it, limit orders queue probabilistic, power 2.0)"
                    : "Fills: on the bars (the recording has no book snapshot");
            JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
            assertThat(doc.at("/run/strategy").asText()).isEqualTo("volume-scalper");
            if (recording.getFileName().toString().equals("spot_btcusdt_20240808.gz")) {
                assertThat(doc.get("trades").size()).as("round trips on spot BTCUSDT").isPositive();
            }
        }
    }

    @Test
    void aDetectorInstanceRunsBesideTheScalperInOneSession() throws IOException {
        Path recording = SharedData.require("binance-ws-raw-2024-08-08/spot_btcusdt_20240808.gz");
        Path out = tmp.resolve("detector");
        CliRun run = CliRun.of("backtest", "--data", recording.toString(), "--bar", "1s", "--strategy",
                "volume-scalper", "--add-strategy", "order-flow-detector:whaleMultiple=8", "--no-store", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(doc.at("/run/strategy").asText()).isEqualTo("volume-scalper+order-flow-detector");
        assertThat(run.err()).doesNotContain("plugin fault");
        CliRun bad = CliRun.of("backtest", "--data", recording.toString(), "--strategy", "volume-scalper",
                "--add-strategy", "order-flow-detector:whaleMultiple=1", "--no-store", "--out",
                tmp.resolve("bad-detector").toString());
        assertThat(bad.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(bad.err()).contains("whaleMultiple");
    }

    @Test
    void aTardisTradesCsvReplaysFromItsCompactCopyAndTheSameWithNoCache() throws IOException {
        Path csv = SharedData.require("binance-usdm-btcusdt-trades-2020-02-22-tardis/"
                + "binance-futures_trades_2020-02-22_BTCUSDT_first9999.csv");
        Path home = tmp.resolve("home");
        List<String> results = new java.util.ArrayList<>();
        for (String cache : new String[] {"import", "copy", "--no-cache"}) {
            Path out = tmp.resolve("csv-" + cache);
            List<String> args = new java.util.ArrayList<>(List.of("backtest", "--data", csv.toString(), "--bar", "1s",
                    "--strategy", "sma-crossover", "--no-store", "--home", home.toString(), "--out", out.toString()));
            if (cache.startsWith("--")) {
                args.add(cache);
            }
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertThat(run.exitCode()).as(cache + ": " + run.err()).isZero();
            assertThat(run.out()).contains("from the 9999 trades recorded in")
                    .contains("Fills: on the bars (the recording has no book snapshot")
                    .contains("Replayed: 9999 trades, 0 book updates");
            results.add(new ObjectMapper().readTree(out.resolve("result.json").toFile()).get("trades").toString());
            try (var copies = Files.list(home.resolve("cache/ticks"))) {
                assertThat(copies.count()).as("compact copies after " + cache).isEqualTo(1);
            }
        }
        // the same trades whether the replay read the CSV or its compact copy
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(2)).isEqualTo(results.get(0));
    }

    @Test
    void smaCrossoverRunsOnVolumeAndDollarBarsOfATardisTradesCsv() throws IOException {
        Path csv = SharedData.require("binance-usdm-btcusdt-trades-2020-02-22-tardis/"
                + "binance-futures_trades_2020-02-22_BTCUSDT_first9999.csv");
        // bar counts by awk over the CSV: a bar closes with the trade whose amount (or price*amount) brings the
        // running sum to the threshold, and the sum starts again from zero:
        // awk -F, 'NR>1{s+=$8; if (s>=20-1e-9){n++; s=0}} END{print n}'            -> 191
        // awk -F, 'NR>1{s+=$7*$8; if (s>=200000-1e-6){n++; s=0}} END{print n}'    -> 184
        String[][] cases = {{"volume:20", "volume 20 (base units)", "191"},
            {"dollar:200000", "dollar 200000 (quote notional)", "184"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("activity-" + c[0].replace(':', '-'));
            // the dollar run is stored: the store takes its bar label
            List<String> args = new ArrayList<>(List.of("backtest", "--data", csv.toString(), "--bar", c[0],
                    "--strategy", "sma-crossover", "--param", "fast=3", "--param", "slow=8", "--home",
                    tmp.resolve("home").toString(), "--out", out.toString()));
            if (c[0].startsWith("volume")) {
                args.add("--no-store");
            }
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertThat(run.exitCode()).as(c[0] + ": " + run.err()).isZero();
            if (c[0].startsWith("dollar")) {
                assertThat(run.out()).contains("Stored as run");
                CliRun listed = CliRun.of("runs", "list", "--home", tmp.resolve("home").toString());
                assertThat(listed.out()).as(listed.err()).contains("dollar:200000");
            }
            assertThat(run.out()).contains("Data: " + c[2] + " bars of " + c[1] + " from the 9999 trades")
                    .contains("a bar closes with the trade reaching its threshold")
                    .contains("Replayed: 9999 trades, 0 book updates");
            JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
            assertThat(doc.at("/run/timeframe").asText()).isEqualTo(c[0]);
            assertThat(doc.at("/run/bars").asLong()).isEqualTo(Long.parseLong(c[2]));
            assertThat(doc.get("trades").size()).as(c[0] + " round trips").isPositive();
        }
        CliRun bad = CliRun.of("backtest", "--data", csv.toString(), "--bar", "volume:0", "--strategy",
                "sma-crossover", "--no-store", "--out", tmp.resolve("bad-volume").toString());
        assertThat(bad.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(bad.err()).contains("--bar volume = 0 is out of range: allowed > 0 and <= 1e15");
        assertThat(tmp.resolve("bad-volume")).doesNotExist();
    }

    @Test
    void aTardisBookSnapshotCsvReplaysAsOrderBookEventsWithFillsOnTheBook() throws IOException {
        for (String depth : new String[] {"25", "5"}) {
            Path csv = SharedData.require("orderbook-small-samples/binance-futures_book_snapshot_" + depth
                    + "_BTCUSDT.csv");
            Path out = tmp.resolve("book-" + depth);
            CliRun run = CliRun.of("backtest", "--data", csv.toString(), "--strategy", "volume-scalper", "--bar", "1s",
                    "--no-store", "--home", tmp.resolve("home").toString(), "--out", out.toString());
            assertThat(run.exitCode()).as(depth + ": " + run.err()).isZero();
            // 10 rows from 00:00:03.696 to 00:00:04.005 UTC: two one-second bars of the mid price
            assertThat(run.out()).contains("Data: 2 bars of 1s of the mid price after each of the 10 book updates")
                    .contains("Fills: on the replayed book (market orders walk it")
                    .contains("Replayed: 0 trades, 10 book updates");
            assertThat(run.err()).doesNotContain("plugin fault");
            JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
            assertThat(doc.at("/run/bars").asLong()).isEqualTo(2);
        }
    }

    @Test
    void badBookFillOptionsAreRefusedWithTheirName() {
        Path recording = SharedData.require("binance-ws-raw-2024-08-08/spot_btcusdt_20240808.gz");
        CliRun queue = CliRun.of("backtest", "--data", recording.toString(), "--strategy", "sma-crossover",
                "--no-store", "--queue-model", "lifo", "--out", tmp.resolve("q").toString());
        assertThat(queue.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(queue.err()).contains("--queue-model must be risk-averse or probabilistic, got 'lifo'");
        CliRun latency = CliRun.of("backtest", "--data", recording.toString(), "--strategy", "sma-crossover",
                "--no-store", "--entry-latency-ms", "-1", "--out", tmp.resolve("l").toString());
        assertThat(latency.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(latency.err()).contains("--entry-latency-ms must be 0 to 60000 ms, got -1");
        assertThat(tmp.resolve("q")).doesNotExist();
    }

    @Test
    void equityFullKeepsEveryBarAndABadValueIsRefusedBeforeAnyWork() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        Path out = tmp.resolve("full");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover", "--no-store",
                "--equity", "full", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(doc.get("equity").size()).isEqualTo(30_241);
        assertThat(doc.has("equitySampling")).isFalse();

        CliRun bad = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover", "--no-store",
                "--equity", "all", "--out", tmp.resolve("bad").toString());
        assertThat(bad.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(bad.err()).contains("--equity must be bounded or full, got 'all'");
        assertThat(tmp.resolve("bad")).doesNotExist();
    }

    @Test
    void riskRuleRejectionShowsInTheResultWithItsTypedReason() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        Path out = tmp.resolve("risk");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--risk", "max-order-notional:percentOfEquity=50", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Rejected orders").contains("MAX_ORDER_NOTIONAL by max-order-notional");
        JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        JsonNode rejection = doc.get("rejections").get(0);
        assertThat(rejection.get("source").asText()).isEqualTo("RISK_RULE");
        assertThat(rejection.get("code").asText()).isEqualTo("MAX_ORDER_NOTIONAL");
        assertThat(rejection.get("ruleId").asText()).isEqualTo("max-order-notional");
        assertThat(rejection.get("message").asText()).contains("exceeds 50% of equity");
        // Every entry is all-in (100 % of equity), so every entry is refused and no trade happens.
        assertThat(doc.get("trades").size()).isZero();
    }

    @Test
    void theCircuitBreakerPluginRunsFromItsJarOnRealData() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        Path free = tmp.resolve("free");
        Path guarded = tmp.resolve("guarded");
        CliRun without = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--no-store", "--out", free.toString());
        CliRun with = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--risk", "circuit-breaker:cooldownMinutes=120", "--no-store", "--out", guarded.toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(with.exitCode()).as(with.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode freeDoc = json.readTree(free.resolve("result.json").toFile());
        JsonNode doc = json.readTree(guarded.resolve("result.json").toFile());
        assertThat(doc.get("rejections").size()).isPositive();
        assertThat(doc.get("rejections")).allSatisfy(r -> {
            assertThat(r.get("ruleId").asText()).isEqualTo("circuit-breaker");
            assertThat(r.get("code").asText()).isIn("CIRCUIT_OPEN", "CIRCUIT_HALF_OPEN");
        });
        // the breaker refuses entries while open, so the same strategy on the same bars trades less, but trades
        assertThat(doc.get("trades").size()).isPositive().isLessThan(freeDoc.get("trades").size());

        // its trips, half-openings and resets: in result.json with the rule's id, counted and listed after the table
        JsonNode events = doc.get("riskEvents");
        assertThat(events.size()).isPositive();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("ruleId").asText()).isEqualTo("circuit-breaker");
            assertThat(e.get("eventType").asText()).isIn("TRIP", "HALF_OPEN", "RESET");
        });
        assertThat(freeDoc.get("riskEvents").size()).isZero();
        assertThat(without.out()).contains("Risk events: 0");
        assertThat(with.out()).contains(String.format(java.util.Locale.ROOT, "Risk events: %,d", events.size()));
        JsonNode first = events.get(0);
        assertThat(with.out()).contains("  circuit-breaker  " + first.get("time").asText() + "  TRIP"
                + " ".repeat(7) + first.get("code").asText()); // "TRIP" padded to 9, then 2
        long listed = with.out().lines().filter(l -> l.startsWith("  circuit-breaker  ")).count();
        assertThat(listed).isEqualTo(Math.min(events.size(), MetricsTable.RISK_EVENTS_LISTED));
    }

    @Test
    void enhancementPluginsFilterEntriesFromTheirJarsOnRealData() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        ObjectMapper json = new ObjectMapper();
        Path free = tmp.resolve("unfiltered");
        CliRun plain = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover", "--no-store",
                "--out", free.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        int trades = json.readTree(free.resolve("result.json").toFile()).get("trades").size();
        for (String enhancer : new String[] {"multi-timeframe", "multi-factor-score:minScore=60",
            "ml-regime:retrainEveryBars=5000,minConfidence=0.4"}) {
            Path out = tmp.resolve(enhancer.replaceAll("[^a-z]", ""));
            CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                    "--enhancer", enhancer, "--no-store", "--out", out.toString());
            assertThat(run.exitCode()).as(enhancer + ": " + run.err()).isZero(); // 3 would be a plugin fault
            int filtered = json.readTree(out.resolve("result.json").toFile()).get("trades").size();
            // an enhancer only drops entries here, so the same strategy on the same bars trades less, but trades
            assertThat(filtered).as(enhancer).isPositive().isLessThan(trades);
        }
    }

    @Test
    void theVolatilityStrategiesRunFromTheirJarsOnRealData() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        ObjectMapper json = new ObjectMapper();
        Path trend = tmp.resolve("regime-trend");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "regime-trend", "--no-store",
                "--out", trend.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode trendDoc = json.readTree(trend.resolve("result.json").toFile());
        // regime-trend leaves a position by its channel exit (SIGNAL) or by the stop it placed at entry (STOP)
        assertThat(trendDoc.get("trades")).isNotEmpty()
                .extracting(t -> t.get("exitReason").asText()).contains("SIGNAL", "STOP")
                .allMatch(r -> r.equals("SIGNAL") || r.equals("STOP") || r.equals("END_OF_DATA"));

        Path grid = tmp.resolve("volatility-grid");
        run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "volatility-grid", "--no-store",
                "--out", grid.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode gridDoc = json.readTree(grid.resolve("result.json").toFile());
        // a grid only submits orders, never signals, and leaves positions at its resting limit orders
        assertThat(gridDoc.at("/counts/signals").asLong()).isZero();
        assertThat(gridDoc.at("/counts/orders").asLong()).isPositive();
        assertThat(gridDoc.get("trades")).isNotEmpty()
                .allMatch(t -> t.get("exitReason").asText().equals("LIMIT")
                        || t.get("exitReason").asText().equals("END_OF_DATA"));
    }

    @Test
    void theBlackSwanGuardRunsFromItsJarAndReportsItsTripsOnRealData() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        Path out = tmp.resolve("guarded");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--risk", "black-swan-guard", "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        JsonNode events = doc.get("riskEvents");
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.get("ruleId").asText())
                .isEqualTo("black-swan-guard"));
        // the guard alternates: a trip blocks entries until conditions are normal again, then it resumes
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("eventType").asText()).as("event %d", i)
                    .isEqualTo(i % 2 == 0 ? "TRIP" : "RESUME");
        }
        assertThat(doc.get("rejections")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("ruleId").asText()).isEqualTo("black-swan-guard"));
        // a trip with a position open closes it: those trades end by the risk rule, not by the strategy
        assertThat(doc.get("trades")).extracting(t -> t.get("exitReason").asText()).contains("RISK_RULE");
    }

    /** Runs sma-crossover on the March 2023 bars with extra options; returns its result.json. */
    private JsonNode smaWith(String name, String... options) throws IOException {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("backtest", "--data",
                SharedData.require(BINANCE_US).toString(), "--strategy", "sma-crossover", "--no-store", "--out",
                out.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(name + ": " + run.err()).isZero();
        return new ObjectMapper().readTree(out.resolve("result.json").toFile());
    }

    @Test
    void theOtherShippedRiskRulesSizersAndTheRegimeFilterRunFromTheirJarsOnRealData() throws IOException {
        int plainTrades = smaWith("plain").get("trades").size();

        // All-in entries are worth about 10,000 USDT, twice a 5,000 limit: every entry is refused by the rule.
        for (String rule : new String[] {"max-position-notional:limit=5000",
            "exposure-limits:maxPositionNotional=5000"}) {
            String id = rule.substring(0, rule.indexOf(':'));
            JsonNode doc = smaWith(id, "--risk", rule);
            assertThat(doc.get("trades")).as(rule).isEmpty();
            assertThat(doc.get("rejections")).as(rule).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("ruleId").asText()).isEqualTo(id));
        }

        // an all-in entry (about 10,000 USDT) risks more than 0.1 % of equity (about 10 USDT) on a 1-minute bar at 99 %
        JsonNode var = smaWith("value-at-risk", "--risk", "value-at-risk:limitPct=0.1");
        assertThat(var.get("trades").size()).isLessThan(plainTrades);
        assertThat(var.get("rejections")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("ruleId").asText()).isEqualTo("value-at-risk");
            assertThat(r.get("code").asText()).isEqualTo("VALUE_AT_RISK");
            assertThat(r.get("message").asText()).contains("one-bar historical VaR at 99 % after the order would be",
                    "(0.1 % of equity ", " bars");
        });

        // kelly below its minimum sample of 20 round trips sizes at the 2 % fallback: 2 % x 10,000 = 200 USDT
        JsonNode kelly = smaWith("kelly", "--sizer", "kelly").get("trades").get(0);
        assertThat(kelly.get("quantity").asDouble() * kelly.get("entryPrice").asDouble()).isBetween(190.0, 210.0);

        // risk parity across one instrument is volatility targeting: the same trades, quantity for quantity
        JsonNode target = smaWith("volatility-target", "--sizer", "volatility-target").get("trades");
        JsonNode parity = smaWith("risk-parity", "--sizer", "risk-parity:instrumentCount=1").get("trades");
        assertThat(parity).isEqualTo(target);
        assertThat(target.get(0).get("quantity").asDouble() * target.get(0).get("entryPrice").asDouble())
                .isGreaterThan(10.0).isLessThan(9_900.0);

        // the regime enhancer only drops entries decided in EXTREME volatility
        int filtered = smaWith("volatility-regime", "--enhancer", "volatility-regime").get("trades").size();
        assertThat(filtered).isPositive().isLessThan(plainTrades);
    }

    @Test
    void aSizerPluginSizesEntriesFromItsJarOnRealData() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        Path out = tmp.resolve("sized");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--sizer", "fixed-fractional:riskPercent=1,stopPercent=2", "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(out.resolve("result.json").toFile()).get("trades").get(0);
        // Risking 1 % of the 10,000 USDT start equity with a stop 2 % away: 1 % x 10,000 / (2 % x P) = 5,000 / P
        // units, sized on the signal bar's close and filled at the next open, so a notional of about 5,000 USDT
        // (not the 10,000 of the default all-in entry).
        double notional = first.get("quantity").asDouble() * first.get("entryPrice").asDouble();
        assertThat(notional).isBetween(4_900.0, 5_100.0);
    }

    @Test
    void missingFileIsOneLineNamingTheFile() {
        CliRun run = CliRun.of("backtest", "--data", tmp.resolve("nope.csv").toString(), "--strategy", "sma-crossover");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("nope.csv").contains("does not exist").doesNotContain("Exception");
    }

    @Test
    void malformedRowIsOneLineNamingFileAndLine() throws IOException {
        Path bad = tmp.resolve("BTCUSDT_bad.csv");
        Files.writeString(bad, "timestamp,open,high,low,close,volume\n"
                + "2023-03-01 00:00:00,100,101,99,100.5,1\n"
                + "2023-03-01 00:01:00,100.5,abc,99,100,1\n");
        CliRun run = CliRun.of("backtest", "--data", bad.toString(), "--strategy", "sma-crossover");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("BTCUSDT_bad.csv:3").contains("abc").doesNotContain("\tat ");
    }

    @Test
    void unknownStrategyNamesTheAvailableOnes() {
        Path data = SharedData.require(BINANCE_US);
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "no-such-strategy");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("unknown strategy 'no-such-strategy'")
                .contains("available: ").contains("rsi-reversion").contains("sma-crossover");
    }

    @Test
    void outOfRangeParameterNamesTheParameterAndItsRange() {
        Path data = SharedData.require(BINANCE_US);
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--param", "fast=0");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("parameter 'fast' = 0 is out of range: allowed integer 1 .. 1000 (bars)");

        CliRun crossed = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--param", "fast=50", "--param", "slow=20");
        assertThat(crossed.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(crossed.err()).contains("'fast' = 50 must be below 'slow' = 20");
    }

    @Test
    void jarThatIsNotAPluginIsRefusedNamingTheFileAndReason() throws IOException {
        Path data = SharedData.require(BINANCE_US);
        Path plugins = copyOfDistributionPlugins();
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("not-a-plugin.jar")),
                new Manifest())) {
            jar.flush();
        }
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--plugins-dir", plugins.toString());
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("not-a-plugin.jar").contains("refused")
                .contains("its manifest has no Plugin-Id");

        Files.writeString(plugins.resolve("not-a-plugin.jar"), "this is not a zip file");
        CliRun corrupt = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--plugins-dir", plugins.toString());
        assertThat(corrupt.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(corrupt.err()).contains("not-a-plugin.jar").contains("not a valid jar");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CliRun run = CliRun.of("backtest", "--data", tmp.resolve("nope.csv").toString(), "--strategy", "x",
                "--verbose");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.err()).contains("does not exist").contains("\tat ");
    }

    @Test
    void unknownOptionIsOneLine() {
        CliRun run = CliRun.of("backtest", "--data", "x.csv", "--strategy", "s", "--bogus");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("Unknown option: '--bogus'");
    }

    private Path copyOfDistributionPlugins() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (Stream<Path> jars = Files.list(CliRun.dist().resolve("plugins"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        return plugins;
    }
}
