package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hot swap as a user reaches it: a console instance of {@code sma-crossover} replays the real March 2023 bars at a
 * slow pace while its plugin is replaced — a higher version dropped into the plugins folder, then one uploaded
 * through the API, then a reload — and each time the running instance moves to the new build within 5 s, still
 * RUNNING, restored from the old build's snapshot, without a bar skipped or repeated; a broken build leaves it on the
 * old one with the reason in the API.
 */
class InstanceHotSwapIT {

    private static final String MARCH = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static final String DATA_SET = "BTCUSDT_1m_20230301_20230321.csv";
    private static final Pattern REASON = Pattern.compile("(v\\d) bar (\\d+) open (\\d+) restored (\\d+)");

    @Test
    void aRunningInstanceMovesToEachNewBuildOfItsPluginWithoutLosingABar() throws Exception {
        Path csv = SharedData.require(MARCH);
        Map<Long, Integer> barIndex = barIndex(csv);
        try (TestServer server = TestServer.start()) {
            String trader = server.token("trader");
            String admin = server.token("admin");
            assertThat(server.upload("/api/datasets", trader, DATA_SET, Files.readAllBytes(csv)).status())
                    .isEqualTo(201);
            List<String> events = new ArrayList<>();
            InputStream stream = events(server, trader, events);

            TestServer.Response created = server.send("POST", "/api/instances", trader, "{\"strategy\":"
                    + "\"sma-crossover\",\"parameters\":{\"fast\":10,\"slow\":30},\"dataset\":\"" + DATA_SET + "\","
                    + "\"riskRules\":[{\"id\":\"max-order-notional\",\"parameters\":{\"percentOfEquity\":\"100\"}}],"
                    + "\"speed\":25}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(server.send("POST", "/api/instances/" + id + "/start", trader, null).status()).isEqualTo(200);
            JsonNode v1 = waitFor(server, trader, id, v -> v.get("barsDone").asLong() >= 60);
            String original = v1.get("pluginVersion").asText();
            assertThat(v1.get("pluginId").asText()).isEqualTo("sma-crossover");
            assertThat(extension(v1, "strategy", "sma-crossover").get("pluginVersion").asText()).isEqualTo(original);
            JsonNode rule = extension(v1, "riskRule", "max-order-notional");
            assertThat(rule.get("pluginId").asText()).isEqualTo("risk-basics");
            assertThat(rule.get("pluginVersion").asText()).isNotBlank();
            assertThat(extension(v1, "riskRule", "kill-switch").get("pluginId").isNull()).isTrue();

            // 1. a higher version dropped beside the running jar in the plugins folder: an upgrade
            Path dist = ApiFlowIT.distJar("sma-crossover");
            Path old = onlyJar(server.plugins);
            Path jar = server.plugins.resolve("sma-crossover-9.0.0.jar");
            Path v2 = SmaBuilds.build(dist, "9.0.0", "v2", Files.createTempFile("sma-v2", ".jar"));
            JsonNode before = server.send("GET", "/api/instances/" + id, trader, null).json();
            long t0 = System.nanoTime();
            Path tmp = server.plugins.resolve("sma.jar.tmp");
            Files.copy(v2, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
            JsonNode after = waitFor(server, trader, id, v -> v.get("pluginVersion").asText().equals("9.0.0"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("InstanceHotSwapIT: folder swap visible after %.2f s%n", seconds);
            assertThat(seconds).isLessThan(5);
            assertThat(after.get("status").asText()).isEqualTo("RUNNING");
            JsonNode swap = after.get("swaps").get(0);
            assertThat(swap.get("outcome").asText()).isEqualTo("RESTORED");
            assertThat(swap.get("fromVersion").asText()).isEqualTo(original);
            assertThat(swap.get("toVersion").asText()).isEqualTo("9.0.0");
            assertThat(swap.get("barsBefore").asLong()).isGreaterThanOrEqualTo(before.get("barsDone").asLong());
            // the watcher retires the old file once the new build has started, which the session may show first
            for (long end = System.nanoTime() + 5_000_000_000L; Files.exists(old) && System.nanoTime() < end; ) {
                Thread.sleep(20);
            }
            assertThat(old).doesNotExist();
            assertThat(server.plugins.resolve("retired").resolve(old.getFileName())).exists();
            JsonNode folderAudit = server.send("GET", "/api/audit?action=plugin.folder_&limit=10", admin, null).json();
            assertThat(folderAudit.get("entries").findValuesAsText("actor")).contains("plugins-folder");
            assertThat(folderAudit.toString()).contains("sma-crossover-9.0.0.jar").contains("9.0.0 started");
            assertThat(after.get("workingOrders").isArray()).isTrue();
            if (after.get("fills").asLong() == before.get("fills").asLong()) {
                assertThat(after.get("position").asText()).isEqualTo(before.get("position").asText());
            }
            if (after.get("orders").asLong() == before.get("orders").asLong()) {
                assertThat(after.get("workingOrders")).isEqualTo(before.get("workingOrders"));
            }
            Matcher m2 = awaitSignal(events, "v2");
            checkContinuity(m2, barIndex);
            assertThat(Integer.parseInt(m2.group(4))).as("closes restored from the old build").isEqualTo(30);

            // 2. an upload through the API (an older build is refused unless a downgrade is asked for)
            Path older = SmaBuilds.build(dist, "1.0.0", "v1", Files.createTempFile("sma-v1", ".jar"));
            TestServer.Response refused = server.upload("/api/plugins", admin, "sma-crossover.jar",
                    Files.readAllBytes(older));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("message").asText()).contains("older than the running 9.0.0")
                    .contains("downgrade=true");
            assertThat(server.send("GET", "/api/instances/" + id, trader, null).json().get("pluginVersion")
                    .asText()).isEqualTo("9.0.0");
            Path v3 = SmaBuilds.build(dist, "9.1.0", "v3", Files.createTempFile("sma-v3", ".jar"));
            t0 = System.nanoTime();
            TestServer.Response up = server.upload("/api/plugins", admin, "sma-crossover.jar", Files.readAllBytes(v3));
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            after = waitFor(server, trader, id, v -> v.get("pluginVersion").asText().equals("9.1.0"));
            System.out.printf("InstanceHotSwapIT: upload swap visible after %.2f s%n", (System.nanoTime() - t0) / 1e9);
            assertThat(after.get("swaps")).hasSize(2);
            checkContinuity(awaitSignal(events, "v3"), barIndex);

            // 3. a reload of the same build: a swap again, restored; then an explicit downgrade by upload
            TestServer.Response down = server.upload("/api/plugins?downgrade=true", admin, "sma-crossover.jar",
                    Files.readAllBytes(older));
            assertThat(down.status()).as(down.body()).isEqualTo(201);
            after = waitFor(server, trader, id, v -> v.get("pluginVersion").asText().equals("1.0.0"));
            assertThat(after.get("swaps")).hasSize(3);
            TestServer.Response up2 = server.upload("/api/plugins", admin, "sma-crossover.jar",
                    Files.readAllBytes(v3));
            assertThat(up2.status()).as(up2.body()).isEqualTo(201);
            waitFor(server, trader, id, v -> v.get("pluginVersion").asText().equals("9.1.0"));
            TestServer.Response reload = server.send("POST", "/api/plugins/sma-crossover/reload", admin, null);
            assertThat(reload.status()).isEqualTo(200);
            after = waitFor(server, trader, id, v -> v.get("swaps").size() == 5);
            assertThat(after.get("swaps").get(4).get("outcome").asText()).isEqualTo("RESTORED");
            assertThat(after.get("status").asText()).isEqualTo("RUNNING");

            // 4. a broken build leaves the instance on 9.1.0, and says why
            Files.write(tmp, ConsoleHardeningIT.jar("sma-crossover", "9.2.0", "com.example.Missing"));
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            after = waitFor(server, trader, id, v -> !v.get("pluginProblem").isNull());
            assertThat(after.get("pluginProblem").asText()).contains("9.2.0 was not taken").contains("still on 9.1.0");
            assertThat(after.get("pluginVersion").asText()).isEqualTo("9.1.0");
            assertThat(after.get("status").asText()).isEqualTo("RUNNING");
            long done = after.get("barsDone").asLong();
            waitFor(server, trader, id, v -> v.get("barsDone").asLong() > done + 25);

            JsonNode audit = server.send("GET", "/api/audit?action=instance.swapped&limit=10", admin, null).json();
            assertThat(audit.get("entries")).hasSize(5);
            TestServer.Response stop = server.send("POST", "/api/instances/" + id + "/stop", trader, null);
            assertThat(stop.json().get("status").asText()).isEqualTo("STOPPED");
            synchronized (events) {
                assertThat(String.join("\n", events)).contains("event: swap");
            }
            stream.close();
        }
    }

    /** The bar the signal names is the one the dataset has at that position: no bar skipped or repeated. */
    private static void checkContinuity(Matcher m, Map<Long, Integer> barIndex) {
        long open = Long.parseLong(m.group(3));
        long seen = Long.parseLong(m.group(2));
        assertThat(barIndex).containsKey(open);
        assertThat(seen).as("bars seen by the strategy, across the swap").isEqualTo(barIndex.get(open) + 1L);
    }

    private static Matcher awaitSignal(List<String> events, String label) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (events) {
                for (String line : events) {
                    Matcher m = REASON.matcher(line);
                    if (m.find() && m.group(1).equals(label)) {
                        return m;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no signal of " + label + " within 60 s");
    }

    private static Map<Long, Integer> barIndex(Path csv) throws java.io.IOException {
        Map<Long, Integer> index = new HashMap<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<String> lines = Files.readAllLines(csv);
        for (int i = 1; i < lines.size(); i++) {
            String t = lines.get(i).substring(0, 19);
            index.put(LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC).toEpochMilli(), i - 1);
        }
        return index;
    }

    private static JsonNode extension(JsonNode view, String role, String id) {
        for (JsonNode e : view.get("extensions")) {
            if (e.get("role").asText().equals(role) && e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no " + role + " " + id + " in " + view.get("extensions"));
    }

    private static Path onlyJar(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("sma-crossover")).findFirst().orElseThrow();
        }
    }

    private static InputStream events(TestServer server, String token, List<String> events) throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url() + "/api/events")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (events) {
                        events.add(line);
                    }
                }
            } catch (java.io.IOException ignored) {
                // closed at the end of the test
            }
        });
        return stream.body();
    }

    private static JsonNode waitFor(TestServer server, String token, long id, Predicate<JsonNode> done) {
        return server.await("/api/instances/" + id, token, java.time.Duration.ofSeconds(30), done);
    }
}
