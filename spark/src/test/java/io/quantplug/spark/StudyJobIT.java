package io.quantplug.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.app.UserInputException;
import io.quantplug.cli.QuantplugCli;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.testsupport.SharedData;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Spark job in {@code local[2]} against {@code quantplug optimize} run in-process on the same 50,000 real
 * one-minute bars with the same grid and the real sma-crossover plugin jar: the same trials, trial for trial.
 */
class StudyJobIT {

    static final String BTC_2023 = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2023chunk.csv";

    @TempDir
    Path tmp;

    private static SparkSession spark;

    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("StudyJobIT").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void theSparkStudyEqualsTheLocalStudyTrialForTrialAndWritesItToParquetAndTheStore() throws IOException {
        Path data = SharedData.require(BTC_2023);
        Path plugins = Path.of(System.getProperty("quantplug.test.plugins"));
        Path home = tmp.resolve("home");
        String[] local = {"optimize", "--data", data.toString(), "--strategy", "sma-crossover",
            "--grid", "fast=5..20:5", "--grid", "slow=20..60:20", "--constraint", "fast<slow", "--fee-bps", "5",
            "--slippage-bps", "2", "--objective", "sortino", "--workers", "2", "--json", "--no-store",
            "--plugins-dir", plugins.toString(), "--home", home.toString()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = QuantplugCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), local);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode expected = mapper.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(expected.get("trials")).hasSize(11); // 4 fast x 3 slow, less fast=20 slow=20

        Path output = tmp.resolve("trials.parquet");
        String storeUrl = DatabaseSettings.embedded(home).url();
        Path yaml = tmp.resolve("study.yaml");
        Files.writeString(yaml, String.join("\n",
                "data: " + data,
                "strategy: sma-crossover",
                "grid: ['fast=5..20:5', 'slow=20..60:20']",
                "constraints: ['fast<slow']",
                "objective: sortino",
                "feeBps: 5",
                "slippageBps: 2",
                "plugins: " + plugins,
                "output: " + output,
                "slices: 4",
                "store: '" + storeUrl + "'", ""));
        StringWriter summary = new StringWriter();
        StudyJob.Outcome outcome = new StudyJob(spark, new PrintWriter(summary, true))
                .run(StudySpec.read(yaml));
        JsonNode actual = mapper.readTree(outcome.document());
        for (int i = 0; i < expected.get("trials").size(); i++) {
            JsonNode e = expected.get("trials").get(i);
            assertThat(actual.get("trials").get(i)).as("trial %d %s", i, e.get("parameters")).isEqualTo(e);
            assertThat(e.at("/metrics/tradeCount").asInt()).isPositive();
        }
        assertThat(actual).isEqualTo(expected); // best, Deflated Sharpe and PBO too
        assertThat(actual.get("pbo").isNumber()).isTrue();
        assertThat(summary.toString()).contains("Data: 50000 bars of 1m from BTCUSDT_1m_2023chunk.csv",
                "Study: 11 trials of sma-crossover on BTCUSDT.BINANCE 1m, objective sortino, 4 Spark task(s)",
                "Best: " + paramText(expected.at("/best/parameters")), "Stored as run 1");

        List<Row> rows = spark.read().parquet(output.toString()).orderBy("index").collectAsList();
        assertThat(rows).hasSize(11);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            JsonNode e = expected.get("trials").get(i);
            Map<String, String> parameters = row.getJavaMap(row.fieldIndex("parameters"));
            assertThat(row.getInt(row.fieldIndex("index"))).isEqualTo(i);
            assertThat(parameters).containsEntry("fast", e.at("/parameters/fast").asText())
                    .containsEntry("slow", e.at("/parameters/slow").asText());
            for (String ratio : List.of("totalReturn", "sharpe", "sortino", "maxDrawdown", "cagr", "exposure")) {
                assertThat(row.getDouble(row.fieldIndex(ratio))).as("%s of trial %d", ratio, i)
                        .isEqualTo(e.at("/metrics/" + ratio).asDouble());
            }
            assertThat(row.getString(row.fieldIndex("endEquity")))
                    .isEqualTo(e.at("/metrics/endEquity").decimalValue().toPlainString());
            assertThat(row.getInt(row.fieldIndex("tradeCount"))).isEqualTo(e.at("/metrics/tradeCount").asInt());
            assertThat(row.getInt(row.fieldIndex("faults"))).isZero();
        }

        // stored as optimize stores a study: shown by 'runs show' as the document optimize prints
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        assertThat(QuantplugCli.run(new PrintStream(shown, true, StandardCharsets.UTF_8), System.err,
                "runs", "show", "1", "--json", "--home", home.toString())).isZero();
        assertThat(mapper.readTree(shown.toString(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void aGridOutsideTheSchemaOrEmptyAfterTheConstraintsIsOneLineNamingTheKey() throws IOException {
        Path data = SharedData.require(BTC_2023);
        String base = "data: " + data + "\nstrategy: sma-crossover\nplugins: "
                + System.getProperty("quantplug.test.plugins") + "\noutput: " + tmp.resolve("out") + "\n";
        Path outside = tmp.resolve("outside.yaml");
        Files.writeString(outside, base + "grid: ['fast=0..10:5']\n");
        StudyJob job = new StudyJob(spark, new PrintWriter(new StringWriter()));
        assertThatThrownBy(() -> job.run(StudySpec.read(outside))).isInstanceOf(UserInputException.class)
                .hasMessage("'grid' fast=0..10:5: parameter 'fast' = 0 is out of range: allowed integer 1 .. 1000"
                        + " (bars)");
        Path empty = tmp.resolve("empty.yaml");
        Files.writeString(empty, base + "grid: ['fast=40..50:10', 'slow=20..30:10']\nconstraints: ['fast<slow']\n");
        assertThatThrownBy(() -> job.run(StudySpec.read(empty))).isInstanceOf(UserInputException.class)
                .hasMessage("the grid is empty after the constraints: none of its 4 parameter sets satisfies"
                        + " fast<slow");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    private static String paramText(JsonNode parameters) {
        StringBuilder b = new StringBuilder();
        parameters.fields().forEachRemaining(f -> b.append(b.length() == 0 ? "" : " ").append(f.getKey()).append('=')
                .append(f.getValue().asText()));
        return b.toString();
    }
}
