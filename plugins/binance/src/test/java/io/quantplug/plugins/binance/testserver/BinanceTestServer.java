package io.quantplug.plugins.binance.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A Binance-compatible REST server on {@code 127.0.0.1} (port chosen by the OS) for one market, spot
 * ({@code /api/v3}) or USD-M ({@code /fapi}).
 *
 * <ul>
 *   <li>{@code exchangeInfo} and {@code depth} answer recorded payloads; {@code time} answers the server clock;
 *       {@code klines} serves rows of the shared CSVs ({@code startTime}, {@code endTime}, {@code limit}, and only
 *       klines already open at the server's time, as Binance).</li>
 *   <li>SIGNED endpoints check {@code X-MBX-APIKEY}, the signature (HMAC-SHA256 hex or Ed25519 base64 over the raw
 *       query before {@code &signature=}) and Binance's timing rule ({@code timestamp < serverTime + 1000} and
 *       {@code serverTime - timestamp <= recvWindow}, else -1021), then ask a {@link TestVenue}.</li>
 *   <li>Listen keys (spot {@code /api/v3/userDataStream}, USD-M {@code /fapi/v1/listenKey}): {@code POST} with the
 *       API key header issues a key ({@code listenKey-1}, ...), {@code PUT} and {@code DELETE} keep alive and close
 *       it (-1125 for a key not issued or closed; spot names the key in {@code listenKey}, USD-M in no
 *       parameter).</li>
 *   <li>Execution reports: every order the {@link TestVenue} accepts, fills, expires or cancels is also reported
 *       as Binance's user data stream would ({@code executionReport} spot, {@code ORDER_TRADE_UPDATE} USD-M) to the
 *       sink set with {@link #userData}, e.g. {@link StreamTestServer#sendUserData}.</li>
 *   <li>Faults on demand: HTTP 429 with {@code Retry-After}; an IP ban (418 with {@code Retry-After} to every
 *       request until it ends); a server clock skew (-1021); slow answers; a reported used weight.</li>
 * </ul>
 * Every request is recorded ({@link #requests()}).
 */
public final class BinanceTestServer implements AutoCloseable {

    /** A request as received. */
    public record Received(String method, String path, String rawQuery, long atMillis) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final boolean spot;
    private final String prefix;
    private final String exchangeInfo;
    private final TestVenue venue;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Supplier<String>> depth = new HashMap<>();
    private final ExecutionReports reports;
    private final List<String> listenKeys = new CopyOnWriteArrayList<>();
    private final Set<String> openKeys = ConcurrentHashMap.newKeySet();
    private volatile Consumer<String> userData = message -> { };
    private final Map<String, KlineArchive> klines = new HashMap<>();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger usedWeight = new AtomicInteger();
    private volatile String apiKey;
    private volatile byte[] hmacSecret;
    private volatile PublicKey ed25519Key;
    private volatile LongSupplier clock = System::currentTimeMillis;
    private volatile long skewMillis;
    private volatile long delayMillis;
    private volatile int reportedWeight = -1;
    private volatile int throttleCount;
    private volatile long throttleRetryAfter;
    private volatile long bannedUntil;
    private volatile String faultPath;
    private volatile int faultAtRequest;
    private volatile Runnable fault;

    private BinanceTestServer(boolean spot, String exchangeInfo) {
        this.spot = spot;
        this.prefix = spot ? "/api/v3/" : "/fapi/v1/";
        this.exchangeInfo = exchangeInfo;
        this.reports = new ExecutionReports(spot);
        try {
            this.venue = new TestVenue(json.readTree(exchangeInfo), spot);
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A spot server answering the given exchangeInfo payload. */
    public static BinanceTestServer spot(String exchangeInfo) {
        return new BinanceTestServer(true, exchangeInfo);
    }

    /** A USD-M futures server answering the given exchangeInfo payload. */
    public static BinanceTestServer usdm(String exchangeInfo) {
        return new BinanceTestServer(false, exchangeInfo);
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The matching engine. */
    public TestVenue venue() {
        return venue;
    }

    /** Accepts an API key whose requests are signed with an HMAC secret. */
    public BinanceTestServer acceptHmac(String key, String secret) {
        this.apiKey = key;
        this.hmacSecret = secret.getBytes(StandardCharsets.UTF_8);
        this.ed25519Key = null;
        return this;
    }

    /** Accepts an API key whose requests are signed with the Ed25519 key matching this public key. */
    public BinanceTestServer acceptEd25519(String key, PublicKey publicKey) {
        this.apiKey = key;
        this.ed25519Key = publicKey;
        this.hmacSecret = null;
        return this;
    }

    /** Serves a symbol's depth snapshot. */
    public BinanceTestServer depth(String symbol, String body) {
        depth.put(symbol, () -> body);
        return this;
    }

    /** Serves a symbol's depth snapshot from a live source (e.g. {@link StreamTestServer}'s own book). */
    public BinanceTestServer depth(String symbol, Supplier<String> body) {
        depth.put(symbol, body);
        return this;
    }

    /** Where the execution reports of the matching engine go (a user data stream's sender). */
    public BinanceTestServer userData(Consumer<String> sink) {
        this.userData = sink;
        return this;
    }

    /** The listen keys issued so far, in order. */
    public List<String> listenKeys() {
        return List.copyOf(listenKeys);
    }

    /** Serves a symbol's klines from a CSV archive. */
    public BinanceTestServer klines(String symbol, KlineArchive archive) {
        klines.put(symbol, archive);
        return this;
    }

    /** Runs the server clock from a fixed or custom source (e.g. a time inside the CSV range). */
    public BinanceTestServer clock(LongSupplier millis) {
        this.clock = millis;
        return this;
    }

    /** Shifts the server clock (a skew the client's offset does not know yet gives -1021). */
    public void skew(long millis) {
        this.skewMillis = millis;
    }

    /** Delays every answer. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** Reports this used weight in {@code X-MBX-USED-WEIGHT-1M} instead of the server's own count. */
    public void reportWeight(int weight) {
        this.reportedWeight = weight;
    }

    /** Answers the next {@code count} requests with HTTP 429 and {@code Retry-After: seconds}. */
    public void throttleNext(int count, long retryAfterSeconds) {
        this.throttleRetryAfter = retryAfterSeconds;
        this.throttleCount = count;
    }

    /** Bans this IP: every request until the ban ends gets HTTP 418 with the remaining seconds. */
    public void ban(long seconds) {
        this.bannedUntil = System.currentTimeMillis() + seconds * 1000;
    }

    /**
     * Runs a fault (e.g. {@code () -> server.ban(600)}) when the n-th request to a path (e.g. {@code /api/v3/klines})
     * arrives, before it is answered: a failure in the middle of a paginated download, at a point that does not
     * depend on timing.
     */
    public BinanceTestServer faultAt(String path, int n, Runnable fault) {
        this.fault = fault;
        this.faultPath = path;
        this.faultAtRequest = n;
        return this;
    }

    /** The server's current time, UTC epoch milliseconds. */
    public long now() {
        return clock.getAsLong() + skewMillis;
    }

    /** Every request received, in order. */
    public List<Received> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String raw = exchange.getRequestURI().getRawQuery();
            requests.add(new Received(exchange.getRequestMethod(), path, raw, System.currentTimeMillis()));
            if (path.equals(faultPath)
                    && requests.stream().filter(r -> r.path().equals(path)).count() == faultAtRequest) {
                fault.run();
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long banLeft = bannedUntil - System.currentTimeMillis();
            if (banLeft > 0) {
                exchange.getResponseHeaders().add("Retry-After", Long.toString((banLeft + 999) / 1000));
                send(exchange, 418, error(-1003, "Way too much request weight used; IP banned until "
                        + bannedUntil + "."));
                return;
            }
            if (throttleCount > 0) {
                throttleCount--;
                exchange.getResponseHeaders().add("Retry-After", Long.toString(throttleRetryAfter));
                send(exchange, 429, error(-1003, "Too much request weight used; current limit is 6000 request "
                        + "weight per 1 MINUTE."));
                return;
            }
            Map<String, String> params = decode(raw);
            String endpoint = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
            try {
                send(exchange, 200, route(exchange, endpoint, path, params, raw));
            } catch (TestVenue.Refusal r) {
                send(exchange, 400, error(r.code, r.getMessage()));
            }
        }
    }

    private String route(HttpExchange exchange, String endpoint, String path, Map<String, String> p, String raw)
            throws IOException {
        String method = exchange.getRequestMethod();
        switch (endpoint) {
            case "time":
                return "{\"serverTime\":" + now() + "}";
            case "exchangeInfo":
                usedWeight.addAndGet(spot ? 20 : 1);
                return exchangeInfo;
            case "depth":
                Supplier<String> body = depth.get(p.get("symbol"));
                if (body == null) {
                    throw new TestVenue.Refusal(-1121, "Invalid symbol.");
                }
                return body.get();
            case "klines":
                usedWeight.addAndGet(spot ? 2 : 10);
                return klines(p);
            default:
                break;
        }
        if (spot && "userDataStream".equals(endpoint) || !spot && "listenKey".equals(endpoint)) {
            return listenKey(exchange, method, spot ? p.get("listenKey") : null);
        }
        authenticate(exchange, p, raw);
        long now = now();
        if ("order".equals(endpoint) && "POST".equals(method)) {
            JsonNode answer = venue.newOrder(p, now);
            JsonNode trades = venue.trades(Map.of("symbol", p.get("symbol"), "orderId",
                    answer.path("orderId").asText()));
            reports.ofNewOrder(answer, trades, now).forEach(userData);
            return answer.toString();
        }
        if ("order".equals(endpoint) && "DELETE".equals(method)) {
            JsonNode answer = venue.cancel(p, now);
            userData.accept(reports.ofCancel(answer, now));
            return answer.toString();
        }
        return switch (spot ? endpoint : path) {
            case "openOrders", "/fapi/v1/openOrders" -> venue.openOrders(p.get("symbol")).toString();
            case "account", "/fapi/v2/balance" -> venue.account().toString();
            case "myTrades", "/fapi/v1/userTrades" -> venue.trades(p).toString();
            default -> throw new TestVenue.Refusal(-1000, "Unknown endpoint " + method + " " + path);
        };
    }

    private String listenKey(HttpExchange exchange, String method, String named) {
        String key = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
        if (apiKey == null || !apiKey.equals(key)) {
            throw new TestVenue.Refusal(-2015, "Invalid API-key, IP, or permissions for action.");
        }
        if ("POST".equals(method)) {
            String issued = "listenKey-" + (listenKeys.size() + 1);
            listenKeys.add(issued);
            openKeys.add(issued);
            return "{\"listenKey\":\"" + issued + "\"}";
        }
        String target = named != null ? named : listenKeys.isEmpty() ? null : listenKeys.get(listenKeys.size() - 1);
        if (target == null || !openKeys.contains(target)) {
            throw new TestVenue.Refusal(-1125, "This listenKey does not exist.");
        }
        if ("DELETE".equals(method)) {
            openKeys.remove(target);
        }
        return "{}";
    }

    private String klines(Map<String, String> p) {
        KlineArchive archive = klines.get(p.get("symbol"));
        if (archive == null) {
            throw new TestVenue.Refusal(-1121, "Invalid symbol.");
        }
        if (!"1m".equals(p.get("interval"))) {
            throw new TestVenue.Refusal(-1120, "Invalid interval.");
        }
        int limit = Integer.parseInt(p.getOrDefault("limit", "500"));
        if (limit > (spot ? 1000 : 1500)) {
            throw new TestVenue.Refusal(-1130, "Invalid data sent for a parameter.");
        }
        long end = Math.min(Long.parseLong(p.getOrDefault("endTime", Long.toString(Long.MAX_VALUE))), now());
        ArrayNode out = json.createArrayNode();
        for (KlineArchive.Row r : archive.between(Long.parseLong(p.getOrDefault("startTime", "0")), end, limit)) {
            ArrayNode row = out.addArray();
            row.add(r.openTime()).add(r.open()).add(r.high()).add(r.low()).add(r.close()).add(r.volume())
                    .add(r.openTime() + 59_999).add("0").add(0).add("0").add("0").add("0");
        }
        return out.toString();
    }

    private void authenticate(HttpExchange exchange, Map<String, String> p, String raw) {
        String key = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
        if (apiKey == null || !apiKey.equals(key)) {
            throw new TestVenue.Refusal(-2015, "Invalid API-key, IP, or permissions for action.");
        }
        int at = raw == null ? -1 : raw.lastIndexOf("&signature=");
        if (at < 0 || !verify(raw.substring(0, at), p.get("signature"))) {
            throw new TestVenue.Refusal(-1022, "Signature for this request is not valid.");
        }
        long timestamp = Long.parseLong(p.get("timestamp"));
        long recvWindow = Long.parseLong(p.getOrDefault("recvWindow", "5000"));
        long serverTime = now();
        if (!(timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow)) {
            throw new TestVenue.Refusal(-1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    private boolean verify(String payload, String signature) {
        try {
            if (hmacSecret != null) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(hmacSecret, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)))
                        .equalsIgnoreCase(signature);
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(ed25519Key);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private String error(int code, String msg) {
        return json.createObjectNode().put("code", code).put("msg", msg).toString();
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        int weight = reportedWeight >= 0 ? reportedWeight : usedWeight.incrementAndGet();
        exchange.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", Integer.toString(weight));
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The body of a recorded exchangeInfo answer as a tree (for tests reading expected values). */
    public static JsonNode tree(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
