package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.testsupport.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The findings of the console's security review, each reproduced as an attacker would send it and answered as it
 * must be now: bounded numbers, transactional plugin uploads, owner-only control of runs, bounded sign-in work,
 * 4xx instead of 500, no method override, strong and case-distinct user names, a private home and the CSP. The
 * queue and instance limits and the sign-in flood are measured in {@code HardeningLoadIT}.
 */
class ConsoleHardeningIT {

    private static final String MARCH = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static final String DATA_SET = "BTCUSDT_1m_20230301_20230321.csv";

    private static String backtest(String extra) {
        return "{\"strategy\":\"sma-crossover\",\"parameters\":{\"fast\":\"10\",\"slow\":\"30\"},\"dataset\":\""
                + DATA_SET + "\"" + extra + "}";
    }

    private static void uploadMarch(TestServer server, String token) throws IOException {
        TestServer.Response up = server.upload("/api/datasets", token, DATA_SET,
                Files.readAllBytes(SharedData.require(MARCH)));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Finding 1: a 96-byte request used to be answered after 17 s with a 1 GB body, and three of them ran out of heap. */
    @Test
    void hugeNumbersAreRefusedAtOnceWithASmallAnswer() throws IOException {
        try (TestServer server = TestServer.start()) {
            String trader = server.token("trader");
            uploadMarch(server, trader);
            long heapBefore = usedHeapAfterGc();
            List<String> attacks = List.of(
                    backtest(",\"feeBps\":1e999999999"),
                    backtest(",\"feeBps\":\"1e999999999\""),
                    backtest(",\"slippageBps\":1e100000000"),
                    backtest(",\"capital\":1e999999999"),
                    backtest(",\"capital\":\"-1e-999999999\""),
                    backtest(",\"capital\":" + "9".repeat(900)),
                    "{\"strategy\":\"sma-crossover\",\"parameters\":{\"fast\":\"1e999999999\"},\"dataset\":\""
                            + DATA_SET + "\"}",
                    "{\"strategy\":\"sma-crossover\",\"parameters\":{\"fast\":\"" + "7".repeat(100_000) + "\"},"
                            + "\"dataset\":\"" + DATA_SET + "\"}");
            for (String body : attacks) {
                long t0 = System.nanoTime();
                TestServer.Response r = server.send("POST", "/api/backtests", trader, body);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                String what = body.length() > 120 ? body.substring(0, 120) + "…" : body;
                assertThat(r.status()).as(what + " -> " + r.body()).isEqualTo(400);
                assertThat(r.body().length()).as(what).isLessThan(1024);
                assertThat(millis).as(what + " answered in ms").isLessThan(1_000);
                System.out.printf("ConsoleHardeningIT: %s -> 400 in %d ms, %d bytes: %s%n", what, millis,
                        r.body().length(), r.json().get("message").asText());
            }
            assertThat(usedHeapAfterGc() - heapBefore).as("heap growth, bytes").isLessThan(64L << 20);

            // capital is bounded where the store can keep it: 1e308 used to fail after the whole run, leaking SQL
            for (String capital : List.of("1e308", "1e13", "\"1000000000000.01\"")) {
                TestServer.Response huge = server.send("POST", "/api/backtests", trader,
                        backtest(",\"capital\":" + capital));
                assertThat(huge.status()).isEqualTo(400);
                assertThat(huge.json().get("field").asText()).isEqualTo("capital");
                if (!capital.equals("1e308")) {
                    assertThat(huge.json().get("message").asText()).contains("at most 10^12");
                }
            }
            TestServer.Response most = server.send("POST", "/api/backtests", trader,
                    backtest(",\"capital\":\"1000000000000\""));
            assertThat(most.status()).as(most.body()).isEqualTo(202);
            JsonNode done = waitForJob(server, trader, most.json().get("id").asLong());
            assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        }
    }

    /** Finding 2: a refused upload of a known plugin id overwrote the working jar and stayed in the folder. */
    @Test
    void aRefusedUploadLeavesTheWorkingPluginByteForByte() throws Exception {
        try (TestServer server = TestServer.start()) {
            String admin = server.token("admin");
            Path working = onlyJar(server.plugins, "sma-crossover");
            byte[] before = Files.readAllBytes(working);
            List<String> folderBefore = listing(server.plugins);

            byte[] noClass = jar("sma-crossover", "9.9.9", null);
            byte[] missingClass = jar("sma-crossover", "9.9.10", "com.example.Missing");
            for (byte[] bad : List.of(noClass, missingClass)) {
                TestServer.Response r = server.upload("/api/plugins", admin, "sma-crossover.jar", bad);
                assertThat(r.status()).as(r.body()).isEqualTo(422);
                assertThat(r.json().get("error").asText()).isEqualTo("plugin_refused");
                assertThat(r.json().get("message").asText()).contains("nothing changed");
                assertThat(Files.readAllBytes(working)).isEqualTo(before);
                assertThat(listing(server.plugins)).isEqualTo(folderBefore);
            }
            JsonNode sma = plugin(server, admin, "sma-crossover");
            assertThat(sma.get("state").asText()).isEqualTo("STARTED");
            assertThat(sma.get("version").asText()).isNotEqualTo("9.9.9");

            server.restart();
            String trader = server.token("trader");
            assertThat(plugin(server, trader, "sma-crossover").get("state").asText()).isEqualTo("STARTED");
            uploadMarch(server, trader);
            TestServer.Response run = server.send("POST", "/api/backtests", trader, backtest(""));
            assertThat(run.status()).as(run.body()).isEqualTo(202);
            assertThat(waitForJob(server, trader, run.json().get("id").asLong()).get("status").asText())
                    .isEqualTo("COMPLETED");
        }
    }

    /** A good upload still replaces the running build, and the watcher does not load the same bytes again. */
    @Test
    void aGoodUploadReplacesTheRunningBuildOnce() throws Exception {
        try (TestServer server = TestServer.start()) {
            String admin = server.token("admin");
            Path working = onlyJar(server.plugins, "sma-crossover");
            byte[] same = Files.readAllBytes(working);
            List<String> folder = listing(server.plugins);
            List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
            server.server.services().plugins().addListener(c -> changes.add(c.kind().name()));
            TestServer.Response r = server.upload("/api/plugins", admin, "sma-crossover.jar", same);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            Thread.sleep(600); // several settle intervals of the watcher (100 ms here)
            assertThat(changes).containsExactly("REPLACED"); // the upload's swap; the watcher saw the same bytes
            assertThat(listing(server.plugins)).isEqualTo(folder);
            assertThat(Files.readAllBytes(working)).isEqualTo(same);
            assertThat(plugin(server, admin, "sma-crossover").get("state").asText()).isEqualTo("STARTED");
        }
    }

    /** Low: a trader could stop another trader's instance and cancel their backtest. */
    @Test
    void onlyOwnersAndAdminsControlARun() throws IOException {
        try (TestServer server = TestServer.start()) {
            String admin = server.token("admin");
            String trader = server.token("trader");
            assertThat(server.send("POST", "/api/users", admin, "{\"username\":\"other\",\"password\":\""
                    + TestServer.PASSWORD + "\",\"role\":\"trader\"}").status()).isEqualTo(201);
            String other = server.token("other");
            uploadMarch(server, trader);
            long instance = server.send("POST", "/api/instances", trader, backtest(",\"speed\":1")).json()
                    .get("id").asLong();
            TestServer.Response foreignStart = server.send("POST", "/api/instances/" + instance + "/start", other,
                    null);
            assertThat(foreignStart.status()).isEqualTo(403);
            assertThat(server.send("POST", "/api/instances/" + instance + "/start", trader, null).status())
                    .isEqualTo(200);
            TestServer.Response foreignStop = server.send("POST", "/api/instances/" + instance + "/stop", other,
                    null);
            assertThat(foreignStop.status()).isEqualTo(403);
            assertThat(foreignStop.json().get("message").asText()).contains("only its owner or an admin");
            assertThat(server.send("GET", "/api/instances/" + instance, other, null).json().get("status").asText())
                    .isEqualTo("RUNNING");
            assertThat(server.send("POST", "/api/instances/" + instance + "/stop", admin, null).status())
                    .isEqualTo(200);

            long job = server.send("POST", "/api/backtests", trader, backtest("")).json().get("id").asLong();
            TestServer.Response foreignCancel = server.send("POST", "/api/backtests/" + job + "/cancel", other,
                    null);
            assertThat(foreignCancel.status()).isEqualTo(403);
        }
    }

    /** Finding 6: these were 500s. */
    @Test
    void badRequestsThatWere500sAre4xx() throws IOException {
        ServerLimits small = ServerLimits.defaults().with("datasetBytes", Long.toString(1 << 20));
        try (TestServer server = TestServer.start(List.of("sma-crossover", "risk-basics"), Clock.systemUTC(), small,
                List.of())) {
            String trader = server.token("trader");
            String admin = server.token("admin");

            TestServer.Response reversed = server.send("POST", "/api/backtests", trader,
                    backtest(",\"from\":\"2023-03-10\",\"to\":\"2023-03-02\""));
            assertThat(reversed.status()).as(reversed.body()).isEqualTo(400);
            assertThat(reversed.json().get("field").asText()).isEqualTo("to");

            TestServer.Response nulJar = server.sendOnNewConnection(server.uploadRequest("/api/plugins", admin,
                    "sma\u0000.jar", jar("nul-test", "1.0.0", null)));
            assertThat(nulJar.status()).as(nulJar.body()).isEqualTo(400);
            TestServer.Response nulCsv = server.sendOnNewConnection(server.uploadRequest("/api/datasets", trader,
                    "bars\u0000.csv", new byte[] {'x'}));
            assertThat(nulCsv.status()).as(nulCsv.body()).isEqualTo(400);

            // a 10 MB body declared in Content-Length is refused from its length, before any of it is read: the
            // answer comes while the client has sent only the headers (on a raw socket, which sends no body)
            TestServer.Response bigJson = declaredOnly(server, trader, 10 << 20);
            assertThat(bigJson.status()).isEqualTo(413);
            assertThat(bigJson.json().get("error").asText()).isEqualTo("payload_too_large");

            TestServer.Response chunkedCsv = server.sendOnNewConnection(chunkedUpload(server, "/api/datasets",
                    trader, "big.csv", 3L << 20));
            assertThat(chunkedCsv.status()).as(chunkedCsv.body()).isEqualTo(413);
            assertThat(chunkedCsv.json().get("error").asText()).isEqualTo("payload_too_large");
            TestServer.Response chunkedJar = server.sendOnNewConnection(chunkedUpload(server, "/api/plugins",
                    admin, "big.jar", WebServer.DEFAULT_MAX_JAR_BYTES + (3L << 20)));
            assertThat(chunkedJar.status()).as(chunkedJar.body()).isEqualTo(413);
            assertThat(chunkedJar.json().get("error").asText()).isEqualTo("payload_too_large");
            try (Stream<Path> left = Files.list(server.plugins)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".upload-"));
            }
        }
    }

    /** Low: a GET with X-HTTP-Method-Override: POST engaged the kill switch. */
    @Test
    void methodOverridesAreRefused() {
        try (TestServer server = TestServer.start()) {
            String trader = server.token("trader");
            HttpRequest sneaky = HttpRequest.newBuilder(URI.create(server.url() + "/api/risk/kill-switch"))
                    .header("Authorization", "Bearer " + trader).header("X-HTTP-Method-Override", "POST")
                    .header("Content-Type", "application/json")
                    .method("GET", HttpRequest.BodyPublishers.ofString("{\"engaged\":true}")).build();
            TestServer.Response r = server.send(sneaky);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("X-HTTP-Method-Override");
            assertThat(server.send("GET", "/api/risk", trader, null).json().at("/killSwitch/engaged").asBoolean())
                    .isFalse();
        }
    }

    /** Low: common passwords, user names differing only in case. */
    @Test
    void weakPasswordsAndCaseTwinsAreRefused() {
        try (TestServer server = TestServer.start()) {
            String admin = server.token("admin");
            for (String weak : List.of("password1234", "qwertyuiop123", "iloveyou2023!", "admin1234567")) {
                TestServer.Response r = server.send("POST", "/api/users", admin, "{\"username\":\"dave\","
                        + "\"password\":\"" + weak + "\",\"role\":\"viewer\"}");
                assertThat(r.status()).as(weak + " -> " + r.body()).isEqualTo(400);
                assertThat(r.json().get("field").asText()).isEqualTo("password");
                assertThat(r.json().get("message").asText()).contains("too easy to guess");
            }
            TestServer.Response twin = server.send("POST", "/api/users", admin, "{\"username\":\"Admin\","
                    + "\"password\":\"" + TestServer.PASSWORD + "\",\"role\":\"viewer\"}");
            assertThat(twin.status()).isEqualTo(409);
            assertThat(twin.json().get("message").asText()).contains("differ only in case");
            assertThat(server.send("POST", "/api/users", admin, "{\"username\":\"dave\",\"password\":\""
                    + TestServer.PASSWORD + "\",\"role\":\"viewer\"}").status()).isEqualTo(201);
        }
    }

    /** Low: the home holds the password hashes; the CSP lacked base-uri and form-action. */
    @Test
    void theHomeIsPrivateAndTheCspIsComplete() throws IOException {
        try (TestServer server = TestServer.start()) {
            try (Stream<Path> all = Files.walk(server.home)) {
                for (Path p : all.filter(p -> !Files.isSymbolicLink(p)).toList()) {
                    String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    assertThat(perms).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
                }
            }
            TestServer.Response page = server.send("GET", "/login.html", null, null);
            String csp = page.headers().get("content-security-policy").get(0);
            assertThat(csp).contains("base-uri 'self'").contains("form-action 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(page.headers()).doesNotContainKey("strict-transport-security");
        }
    }

    /** Low: a killed server's staged uploads are removed at the next start. */
    @Test
    void staleStagedUploadsAreRemovedAtStart() throws IOException {
        try (TestServer server = TestServer.start()) {
            Path stale = Files.writeString(server.plugins.resolve(".upload-123.part"), "half a jar");
            server.restart();
            assertThat(stale).doesNotExist();
        }
    }

    static JsonNode waitForJob(TestServer server, String token, long id) {
        return server.awaitJob(token, id);
    }

    private static JsonNode plugin(TestServer server, String token, String id) {
        for (JsonNode p : server.send("GET", "/api/plugins", token, null).json()) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no plugin " + id);
    }

    private static Path onlyJar(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(jars).hasSize(1);
            return jars.get(0);
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString() + ":" + size(p)).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A plugin jar with only a manifest: no provider, and a Plugin-Class when given (which it does not hold). */
    static byte[] jar(String id, String version, String pluginClass) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", version);
        if (pluginClass != null) {
            a.putValue("Plugin-Class", pluginClass);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return out.toByteArray();
    }

    /** A multipart upload of {@code bytes} zero bytes sent with chunked transfer encoding (no Content-Length). */
    private static HttpRequest chunkedUpload(TestServer server, String path, String token, String fileName,
                                             long bytes) {
        String boundary = "----quantplug" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(head, bytes, tail)))
                .build();
    }

    /** The head, then {@code zeros} zero bytes, then the tail, generated as read (never held in memory). */
    private static final class GeneratedBody extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final long total;
        private long pos;

        GeneratedBody(byte[] head, long zeros, byte[] tail) {
            this.head = head;
            this.tail = tail;
            this.total = head.length + zeros + tail.length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - pos);
            for (int i = 0; i < n; i++) {
                long at = pos + i;
                long tailStart = total - tail.length;
                b[off + i] = at < head.length ? head[(int) at] : at >= tailStart ? tail[(int) (at - tailStart)] : 0;
            }
            pos += n;
            return n;
        }
    }

    /** POSTs a backtest that declares a body of {@code length} bytes but sends none of it, and reads the answer. */
    private static TestServer.Response declaredOnly(TestServer server, String token, int length)
            throws java.io.IOException {
        java.net.URI uri = java.net.URI.create(server.url());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/backtests HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            long bodyLength = -1;
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    bodyLength = Long.parseLong(h.substring(15).trim());
                }
            }
            char[] body = new char[(int) Math.max(0, bodyLength)];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return new TestServer.Response(status, new String(body, 0, read), java.util.Map.of());
        }
    }
}
