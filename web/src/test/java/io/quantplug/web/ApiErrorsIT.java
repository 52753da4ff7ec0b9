package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad requests get a 4xx with one JSON shape naming the field and the reason, and change nothing: the plugins, the
 * backtests, the instances, the users and the audit log are the same before and after.
 */
class ApiErrorsIT {

    private static TestServer server;
    private static String admin;
    private static String trader;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.token("admin");
        trader = server.token("trader");
        byte[] csv = ("open_time,open,high,low,close,volume\n"
                + "2023-03-01 00:00:00,100,101,99,100.5,1\n2023-03-01 00:01:00,100.5,102,100,101,2\n"
                + "2023-03-01 00:02:00,101,101,100,100,3\n").getBytes(StandardCharsets.UTF_8);
        TestServer.Response up = server.upload("/api/datasets", trader, "TESTUSDT_1m.csv", csv);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Case(String method, String path, String token, String body, int status, String error,
                        String field, String messagePart) {
    }

    @Test
    void badRequestsAreRefusedWithTheFieldAndReasonAndChangeNothing() {
        String before = state();
        String ok = "\"dataset\":\"TESTUSDT_1m.csv\"";
        List<Case> cases = List.of(
                new Case("POST", "/api/backtests", trader, "{\"strategy\":", 400, "malformed_json", null,
                        "not valid JSON"),
                new Case("POST", "/api/backtests", trader, "[1,2]", 400, "malformed_json", null, "JSON object"),
                new Case("POST", "/api/backtests", trader, "", 400, "malformed_json", null, "JSON body"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"capital\":\"lots\","
                        + ok + "}", 400, "invalid_field", "capital", "wrong type"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"parameters\":[1],"
                        + ok + "}", 400, "invalid_field", "parameters", "wrong type"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"colour\":\"red\","
                        + ok + "}", 400, "invalid_field", "colour", "unknown field"),
                new Case("POST", "/api/backtests", trader, "{" + ok + "}", 400, "invalid_field", "strategy",
                        "strategy is required"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"no-such\"," + ok + "}", 400,
                        "invalid_field", "strategy", "available: sma-crossover"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"parameters\":"
                        + "{\"slow\":1}," + ok + "}", 400, "invalid_field", "parameters.slow", "slow"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"parameters\":"
                        + "{\"fast\":\"ten\"}," + ok + "}", 400, "invalid_field", "parameters.fast", "fast"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"parameters\":"
                        + "{\"speed\":3}," + ok + "}", 400, "invalid_field", "parameters.speed", "speed"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"capital\":\"-5\","
                        + ok + "}", 400, "invalid_field", "capital", "> 0"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"feeBps\":\"1001\","
                        + ok + "}", 400, "invalid_field", "feeBps", "0..1000"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"riskRules\":"
                        + "[{\"id\":\"max-order-notional\",\"parameters\":{\"percentOfEquity\":\"-1\"}}],"
                        + ok + "}", 400,
                        "invalid_field", "riskRules[0].parameters.percentOfEquity", "percentOfEquity"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"riskRules\":"
                        + "[{\"id\":\"sma-crossover\"}]," + ok + "}", 400, "invalid_field", "riskRules[0].id",
                        "no risk rule"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"dataset\":"
                        + "\"../../etc/passwd\"}", 400, "invalid_field", "dataset", "no data set"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"from\":\"March\","
                        + ok + "}", 400, "invalid_field", "from", "not a date"),
                new Case("POST", "/api/backtests", trader, "{\"strategy\":\"sma-crossover\",\"symbol\":\"BTCUSDT\","
                        + "\"timeframe\":\"1m\"}", 400, "invalid_field", "symbol", "no stored bars"),
                new Case("POST", "/api/instances", trader, "{\"strategy\":\"sma-crossover\",\"speed\":0," + ok
                        + "}", 400, "invalid_field", "speed", "0.1..100000"),
                new Case("GET", "/api/backtests/77", trader, null, 404, "not_found", "id", "no backtest 77"),
                new Case("GET", "/api/backtests/abc", trader, null, 404, "not_found", "id", "abc"),
                new Case("POST", "/api/instances/5/start", trader, null, 404, "not_found", "id", "no instance 5"),
                new Case("POST", "/api/plugins/nope/disable", admin, null, 404, "not_found", "id", "nope"),
                new Case("PATCH", "/api/users/nobody", admin, "{\"role\":\"admin\"}", 404, "not_found", "username",
                        "nobody"),
                new Case("PATCH", "/api/users/trader", admin, "{\"role\":\"boss\"}", 400, "invalid_field", "role",
                        "viewer, trader or admin"),
                new Case("POST", "/api/users", admin, "{\"username\":\"dave\",\"password\":\"short\","
                        + "\"role\":\"viewer\"}", 400, "invalid_field", "password", "at least 12"),
                new Case("POST", "/api/users", admin, "{\"username\":\"trader\",\"password\":\"long enough pw 1\","
                        + "\"role\":\"viewer\"}", 409, "conflict", null, "exists"),
                new Case("GET", "/api/audit?limit=100000", trader, null, 400, "invalid_field", "limit", "1..500"),
                new Case("POST", "/api/risk/kill-switch", trader, "{\"engaged\":\"yes\"}", 400, "invalid_field",
                        "engaged", "wrong type"),
                new Case("GET", "/api/nothing-here", trader, null, 404, "not_found", null, "no endpoint"));
        for (Case c : cases) {
            TestServer.Response r = server.send(c.method(), c.path(), c.token(), c.body());
            String what = c.method() + " " + c.path() + " " + c.body() + " -> " + r.body();
            assertThat(r.status()).as(what).isEqualTo(c.status());
            JsonNode e = r.json();
            assertThat(e.get("status").asInt()).as(what).isEqualTo(c.status());
            assertThat(e.get("error").asText()).as(what).isEqualTo(c.error());
            assertThat(e.get("field").isNull() ? null : e.get("field").asText()).as(what).isEqualTo(c.field());
            assertThat(e.get("message").asText()).as(what).contains(c.messagePart());
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void badUploadsAreRefusedAndChangeNothing() throws Exception {
        String before = state();
        TestServer.Response text = server.upload("/api/plugins", admin, "notes.jar",
                "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("field").asText()).isEqualTo("file");
        assertThat(text.json().get("message").asText()).contains("not a valid jar");

        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(jar, m)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write(1);
        }
        TestServer.Response noId = server.upload("/api/plugins", admin, "plain.jar", jar.toByteArray());
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().get("message").asText()).contains("no Plugin-Id");

        byte[] big = new byte[(int) WebServer.DEFAULT_MAX_JAR_BYTES + 1];
        TestServer.Response tooBig = server.upload("/api/plugins", admin, "big.jar", big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("error").asText()).isEqualTo("payload_too_large");

        TestServer.Response badCsv = server.upload("/api/datasets", trader, "BAD_1m.csv",
                "open_time,open,high,low,close,volume\n2023-03-01 00:00:00,100,101,99,100.5,1\n2023-03-01 00:01:00,"
                        .concat("x,102,100,101,2\n").getBytes(StandardCharsets.UTF_8));
        assertThat(badCsv.status()).isEqualTo(400);
        assertThat(badCsv.json().get("field").asText()).isEqualTo("file");
        assertThat(badCsv.json().get("message").asText()).startsWith("BAD_1m.csv:3:");
        TestServer.Response badName = server.upload("/api/datasets", trader, "../escape.csv", new byte[] {1});
        assertThat(badName.status()).isEqualTo(400);
        assertThat(server.send("GET", "/api/datasets", trader, null).json().get("datasets")).hasSize(1);
        assertThat(state()).isEqualTo(before);
        try (var files = java.nio.file.Files.list(server.plugins)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith("-SNAPSHOT.jar")))
                    .isEmpty();
        }
    }

    /** Everything a bad request must not change. */
    private static String state() {
        return server.send("GET", "/api/plugins", admin, null).body()
                + server.send("GET", "/api/backtests", admin, null).body()
                + server.send("GET", "/api/instances", admin, null).body()
                + server.send("GET", "/api/users", admin, null).body()
                + server.send("GET", "/api/audit?limit=500", admin, null).body();
    }
}
