package io.quantplug.plugins.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Sends one Binance REST request and returns its JSON: public, API-keyed ({@code X-MBX-APIKEY} only) or SIGNED
 * ({@code timestamp}, {@code recvWindow} and {@code signature} over the percent-encoded query string, Binance
 * "Request Security"). All parameters travel in the query string, which Binance accepts for every method.
 *
 * <p>What it does about Binance's answers, in order:
 * <ol>
 *   <li><b>Request weight</b>: takes each endpoint's documented weight from a {@link RequestWeightLimiter} before
 *       sending and feeds back {@code X-MBX-USED-WEIGHT-1M} and the order-count headers after.</li>
 *   <li><b>HTTP 429</b>: closes the {@link BackoffGate} for {@code Retry-After} seconds; a Resilience4j
 *       {@link Retry} waits that long and resends, when the wait is within {@link RestSettings#maxBackoff()};
 *       otherwise the call fails with {@link BinanceRateLimitedException}.</li>
 *   <li><b>HTTP 418</b> (IP banned): the same gate, closed until the ban ends; nothing is sent before then by any
 *       thread (calls fail at once with {@link BinanceRateLimitedException}, or wait when the ban is shorter than
 *       {@code maxBackoff}); requests resume after it.</li>
 *   <li><b>Error -1021</b> (timestamp outside recvWindow): marks the {@link ServerClock} stale, so the retry first
 *       measures the offset again with {@code GET /time}, then resends once (a second Resilience4j {@link Retry},
 *       two attempts).</li>
 *   <li><b>Other errors</b> {@code {"code","msg"}}: {@link BinanceApiException}. A slow answer (past
 *       {@link RestSettings#requestTimeout()}) or a broken connection: {@link BinanceException}, not retried.</li>
 * </ol>
 *
 * <p>Nothing here logs; no message contains the API key, the secret or a signature. Thread-safe.
 */
public final class BinanceTransport {

    private final HttpClient http;
    private final URI baseUrl;
    private final BinanceMarket market;
    private final BinanceCredentials credentials;
    private final ServerClock clock;
    private final BackoffGate gate;
    private final RequestWeightLimiter limiter;
    private final RestSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final Retry backoffRetry;
    private final Retry timestampRetry;

    /**
     * Creates a transport.
     *
     * @param http        the JDK HTTP client (shared, owned by the caller)
     * @param baseUrl     e.g. {@code https://testnet.binance.vision} or a test server's {@code http://127.0.0.1:port}
     * @param market      spot or USD&#9416;-M (paths and limits)
     * @param credentials the key and signer, or null for public endpoints only
     * @param clock       Binance's clock as seen from here
     * @param settings    timeouts and limits
     */
    public BinanceTransport(HttpClient http, URI baseUrl, BinanceMarket market, BinanceCredentials credentials,
                            ServerClock clock, RestSettings settings) {
        this.http = Objects.requireNonNull(http, "http");
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.market = Objects.requireNonNull(market, "market");
        this.credentials = credentials;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.gate = new BackoffGate(clock);
        this.limiter = new RequestWeightLimiter(market.weightPerMinute(), market.ordersPer10Seconds(),
                settings.maxWeightWait());
        this.backoffRetry = Retry.of("binance-backoff", RetryConfig.custom()
                .maxAttempts(5)
                .retryOnException(e -> e instanceof BinanceRateLimitedException r
                        && r.retryAtMillis() - clock.localNow() <= settings.maxBackoff().toMillis())
                .intervalBiFunction((attempt, outcome) -> outcome.isLeft()
                        && outcome.getLeft() instanceof BinanceRateLimitedException r
                        ? Math.max(1L, r.retryAtMillis() - clock.localNow() + 5) : 1L)
                .build());
        this.timestampRetry = Retry.of("binance-timestamp", RetryConfig.custom()
                .maxAttempts(2)
                .waitDuration(Duration.ofMillis(1))
                .retryOnException(e -> e instanceof BinanceApiException a
                        && a.code() == BinanceApiException.INVALID_TIMESTAMP)
                .build());
    }

    /**
     * The market this transport talks to.
     *
     * @return spot or USD&#9416;-M
     */
    public BinanceMarket market() {
        return market;
    }

    /**
     * Binance's clock as measured by this transport.
     *
     * @return the server clock
     */
    public ServerClock serverClock() {
        return clock;
    }

    /**
     * The credentials, when set.
     *
     * @return the key and signer, or empty for a public-only transport
     */
    public Optional<BinanceCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /**
     * What Binance last reported about request weight and order counts.
     *
     * @return the usage snapshot
     */
    public WeightUsage usage() {
        return limiter.usage();
    }

    /**
     * When the back-off gate opens (after 429 or 418).
     *
     * @return UTC epoch milliseconds of the local clock; in the past when requests may be sent
     */
    public long backoffUntilMillis() {
        return gate.closedUntilMillis();
    }

    /**
     * Measures the server time offset with {@code GET /time} (weight 1).
     *
     * @return the offset, milliseconds (server minus local)
     */
    public long syncTime() {
        return clock.measure(() -> send("GET", market.path("time"), Map.of(), 1, Access.PUBLIC, false)
                .path("serverTime").asLong());
    }

    /**
     * A public (NONE security) request.
     *
     * @param path   absolute path, e.g. {@code /api/v3/klines}
     * @param params query parameters in order
     * @param weight the endpoint's documented request weight
     * @return the JSON answer
     */
    public JsonNode publicGet(String path, Map<String, String> params, int weight) {
        return send("GET", path, params, weight, Access.PUBLIC, false);
    }

    /**
     * A request that carries only the API key header (USER_STREAM security, e.g. listen keys).
     *
     * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
     * @param path   absolute path
     * @param params query parameters in order
     * @param weight the endpoint's documented request weight
     * @return the JSON answer
     * @throws BinanceException when no credentials are set
     */
    public JsonNode keyed(String method, String path, Map<String, String> params, int weight) {
        return send(method, path, params, weight, Access.KEYED, false);
    }

    /**
     * A SIGNED (TRADE or USER_DATA security) request.
     *
     * @param method      {@code GET}, {@code POST} or {@code DELETE}
     * @param path        absolute path, e.g. {@code /api/v3/order}
     * @param params      query parameters in order, without {@code timestamp}, {@code recvWindow}, {@code signature}
     * @param weight      the endpoint's documented request weight
     * @param placesOrder whether the request places an order (counts against the order limit)
     * @return the JSON answer
     * @throws BinanceException when no credentials are set
     */
    public JsonNode signed(String method, String path, Map<String, String> params, int weight, boolean placesOrder) {
        return send(method, path, params, weight, Access.SIGNED, placesOrder);
    }

    private enum Access { PUBLIC, KEYED, SIGNED }

    private JsonNode send(String method, String path, Map<String, String> params, int weight, Access access,
                          boolean placesOrder) {
        String endpoint = method + " " + path;
        if (access != Access.PUBLIC && credentials == null) {
            throw new BinanceException(endpoint + " needs API credentials: set " + BinanceCredentials.API_KEY
                    + " and " + BinanceCredentials.API_SECRET + " (or their _FILE variants)");
        }
        Supplier<JsonNode> attempt = () -> {
            if (access == Access.SIGNED && clock.stale()) {
                syncTime();
            }
            return sendOnce(method, path, endpoint, params, weight, access, placesOrder);
        };
        Supplier<JsonNode> withBackoff = Retry.decorateSupplier(backoffRetry, attempt);
        return access == Access.SIGNED ? timestampRetry.executeSupplier(withBackoff) : withBackoff.get();
    }

    private JsonNode sendOnce(String method, String path, String endpoint, Map<String, String> params, int weight,
                              Access access, boolean placesOrder) {
        gate.checkOpen(endpoint);
        limiter.acquire(weight, placesOrder, endpoint);
        Map<String, String> all = new LinkedHashMap<>(params);
        if (access == Access.SIGNED) {
            all.put("recvWindow", Long.toString(settings.recvWindowMillis()));
            all.put("timestamp", Long.toString(clock.now()));
        }
        String query = encode(all);
        if (access == Access.SIGNED) {
            String signature = credentials.signer().sign(query);
            query = (query.isEmpty() ? "" : query + "&") + "signature="
                    + URLEncoder.encode(signature, StandardCharsets.UTF_8);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + (query.isEmpty() ? ""
                        : "?" + query)))
                .timeout(settings.requestTimeout())
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (access != Access.PUBLIC) {
            request.header("X-MBX-APIKEY", credentials.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new BinanceException(endpoint + " got no answer within " + settings.requestTimeout().toMillis()
                    + " ms; its outcome is unknown", e);
        } catch (IOException e) {
            throw new BinanceException(endpoint + " failed: " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceException(endpoint + " interrupted", new IOException("interrupted"));
        }
        limiter.observe(response.headers());
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            long retryAfter = response.headers().firstValue("Retry-After").map(String::strip)
                    .filter(v -> v.matches("\\d{1,9}")).map(Long::parseLong).orElse(60L);
            throw new BinanceRateLimitedException(endpoint, status, gate.close(status, retryAfter));
        }
        JsonNode body = parse(endpoint, status, response.body());
        if (status >= 400 || body.has("code") && body.path("code").asInt(0) < 0 && body.has("msg")) {
            int code = body.path("code").asInt(0);
            if (code == BinanceApiException.INVALID_TIMESTAMP) {
                clock.markStale();
            }
            throw new BinanceApiException(endpoint, status, code, body.path("msg").asText("(no message)"));
        }
        return body;
    }

    private JsonNode parse(String endpoint, int status, String body) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            if (status >= 400) {
                throw new BinanceException(endpoint + " failed: HTTP " + status + " without a JSON error body");
            }
            throw new BinanceException(endpoint + " answered HTTP " + status + " with malformed JSON: "
                    + e.getMessage(), e);
        }
    }

    static String encode(Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
