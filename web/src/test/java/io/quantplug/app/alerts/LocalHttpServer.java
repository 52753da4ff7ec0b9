package io.quantplug.app.alerts;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A JDK HTTP server on 127.0.0.1 and a free port that records every request and answers per path. */
public final class LocalHttpServer implements AutoCloseable {

    /**
     * One request as received.
     *
     * @param method  the HTTP method
     * @param path    the path
     * @param headers the headers
     * @param body    the body as UTF-8 text
     */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        /**
         * The first value of a header.
         *
         * @param name the header
         * @return its value, or null
         */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * An answer.
     *
     * @param status      the HTTP status
     * @param contentType its content type
     * @param body        its body
     */
    public record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /**
     * Starts the server; unknown paths answer 200 with {@code {"ok":true}}.
     *
     * @throws IOException when it cannot bind
     */
    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Answer a = answers.getOrDefault(path, new Answer(200, "application/json", "{\"ok\":true}"));
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
    }

    /**
     * The base URL.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Answers requests to a path so.
     *
     * @param path   the path
     * @param status the status
     * @param body   the JSON body
     */
    public void answer(String path, int status, String body) {
        answers.put(path, new Answer(status, "application/json", body));
    }

    /**
     * The requests to a path so far.
     *
     * @param path the path
     * @return them, in order
     */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * Waits (polling, at most 10 s) until the condition holds; fails otherwise.
     *
     * @param what      what is awaited, for the failure
     * @param condition the condition
     */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
