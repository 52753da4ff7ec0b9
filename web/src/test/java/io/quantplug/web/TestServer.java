package io.quantplug.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.Store;
import io.quantplug.runtime.store.UserStore;
import io.quantplug.web.auth.Passwords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real server for tests: port 0 on loopback, an embedded H2 store in a fresh home, and a plugins folder holding
 * copies of the distribution's plugin jars (so tests may change it). Users {@code admin}, {@code trader} and
 * {@code viewer} exist, each with password {@link #PASSWORD}. Run as an integration test ({@code quantplug.dist}
 * set by failsafe).
 */
public final class TestServer implements AutoCloseable {

    /** Every test user's password. */
    public static final String PASSWORD = "correct horse battery";

    /** The server (a new one after {@link #restart()}). */
    public WebServer server;
    private final WebServer.Settings settings;
    /** The store. */
    public final Store store;
    /** The home folder. */
    public final Path home;
    /** The plugins folder. */
    public final Path plugins;
    /** What the server printed (the first-start message). */
    public final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Path home, List<String> pluginJars, Clock clock, ServerLimits limits,
                       List<String> trustedProxies) throws IOException {
        this.home = home;
        this.plugins = Files.createDirectories(home.resolve("plugins"));
        Path dist = Path.of(System.getProperty("quantplug.dist", "target/quantplug"));
        try (Stream<Path> jars = Files.list(dist.resolve("plugins"))) {
            for (Path jar : jars.filter(p -> pluginJars.stream().anyMatch(n -> p.getFileName().toString()
                    .startsWith(n))).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        store = Store.open(DatabaseSettings.resolve(null, home, Map.of()));
        store.users().create("trader", Passwords.hash(PASSWORD), UserStore.Role.TRADER, "test");
        store.users().create("viewer", Passwords.hash(PASSWORD), UserStore.Role.VIEWER, "test");
        WebServer.Settings settings = WebServer.Settings.of(store, home, plugins).port(0)
                .env(Map.of("QUANTPLUG_ADMIN_PASSWORD", PASSWORD)).clock(clock);
        settings = new WebServer.Settings(settings.store(), home, plugins, "127.0.0.1", 0, clock, settings.env(),
                new PrintStream(console, true, StandardCharsets.UTF_8), settings.maxJarBytes(),
                Duration.ofMillis(100), "test", limits, trustedProxies);
        this.settings = settings;
        server = WebServer.start(settings);
    }

    /**
     * Starts a server with the distribution's sma-crossover and risk-basics plugins.
     *
     * @return the server
     */
    public static TestServer start() {
        return start(List.of("sma-crossover", "risk-basics"), Clock.systemUTC());
    }

    /**
     * Starts a server.
     *
     * @param pluginJars name prefixes of the distribution's plugin jars to copy in
     * @param clock      the server's clock
     * @return the server
     */
    public static TestServer start(List<String> pluginJars, Clock clock) {
        return start(pluginJars, clock, ServerLimits.defaults(), List.of());
    }

    /**
     * Starts a server with chosen limits and trusted proxies.
     *
     * @param pluginJars     name prefixes of the distribution's plugin jars to copy in
     * @param clock          the server's clock
     * @param limits         the server's limits
     * @param trustedProxies proxies whose forwarding headers the server believes
     * @return the server
     */
    public static TestServer start(List<String> pluginJars, Clock clock, ServerLimits limits,
                                   List<String> trustedProxies) {
        try {
            return new TestServer(Files.createTempDirectory("quantplug-web-" + UUID.randomUUID()), pluginJars,
                    clock, limits, trustedProxies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server's base URL, e.g. {@code http://127.0.0.1:41234}.
     *
     * @return the URL
     */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }


    /**
     * Signs in over HTTP and answers the bearer token.
     *
     * @param user the user
     * @return the token
     */
    public String token(String user) {
        Response r = send("POST", "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\""
                + PASSWORD + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asText();
    }

    /**
     * One HTTP answer.
     *
     * @param status  the status
     * @param body    the body
     * @param headers the headers
     */
    public record Response(int status, String body, Map<String, List<String>> headers) {
        /**
         * The body as JSON.
         *
         * @return the tree
         */
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /**
     * Sends a request with an optional bearer token and JSON body.
     *
     * @param method the method
     * @param path   the path
     * @param token  the bearer token, or null
     * @param json   the body, or null
     * @return the answer
     */
    public Response send(String method, String path, String token, String json) {
        return send(request(url() + path, method, token, json, Duration.ofSeconds(60)));
    }

    /**
     * An API request: a bearer token and a JSON body when given.
     *
     * @param uri     the whole address
     * @param method  the HTTP method
     * @param token   a bearer token, or null
     * @param json    the body, or null for none
     * @param timeout how long to wait for the answer
     * @return the request
     */
    static HttpRequest request(String uri, String method, String token, String json, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /**
     * Sends a prepared request.
     *
     * @param request the request
     * @return the answer
     */
    public Response send(HttpRequest request) {
        return send(http, request);
    }

    private static Response send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls {@code GET path} every 20 ms until the answer satisfies {@code done}.
     *
     * @param path    the path, e.g. {@code /api/instances/3}
     * @param token   the bearer token
     * @param timeout how long to wait
     * @param done    the condition
     * @return the first answer that satisfies it
     * @throws AssertionError naming the last answer when the time runs out
     */
    public JsonNode await(String path, String token, Duration timeout, java.util.function.Predicate<JsonNode> done) {
        return poll(() -> send("GET", path, token, null).json(), timeout, done, () -> path);
    }

    /**
     * Reads a JSON answer every 20 ms until it satisfies {@code done}.
     *
     * @param read    reads the answer
     * @param timeout how long to wait
     * @param done    the condition
     * @param what    what is read, for the failure (called once, at the end)
     * @return the first answer that satisfies it
     * @throws AssertionError naming {@code what} and the last answer when the time runs out
     */
    public static JsonNode poll(java.util.function.Supplier<JsonNode> read, Duration timeout,
                                java.util.function.Predicate<JsonNode> done, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode v = null;
        while (System.nanoTime() < deadline) {
            v = read.get();
            if (done.test(v)) {
                return v;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what.get() + " never reached the state within " + timeout + ": " + v);
    }

    /**
     * Waits up to 120 s for a backtest job to end.
     *
     * @param token the bearer token
     * @param id    the job id
     * @return its final view
     */
    public JsonNode awaitJob(String token, long id) {
        return await("/api/backtests/" + id, token, Duration.ofSeconds(120), v -> {
            String status = v.get("status").asText();
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        });
    }

    /**
     * A multipart/form-data upload of one file part named {@code file}.
     *
     * @param path     the path
     * @param token    the bearer token
     * @param fileName the part's file name
     * @param content  the bytes
     * @return the answer
     */
    public Response upload(String path, String token, String fileName, byte[] content) {
        return send(uploadRequest(path, token, fileName, content));
    }

    /**
     * The request {@link #upload} sends.
     *
     * @param path     the path
     * @param token    the bearer token
     * @param fileName the part's file name
     * @param content  the bytes
     * @return the request
     */
    public HttpRequest uploadRequest(String path, String token, String fileName, byte[] content) {
        String boundary = "----quantplug" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    /**
     * Sends a request on a connection of its own, for requests after which the server may close the connection
     * (a malformed request): a pooled connection closed under a following request would fail that request.
     *
     * @param request the request
     * @return the answer
     */
    public Response sendOnNewConnection(HttpRequest request) {
        return send(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), request);
    }

    /** Stops the server and starts it again on the same home, plugins folder and store (a new port). */
    public void restart() {
        server.close();
        server = WebServer.start(settings);
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
