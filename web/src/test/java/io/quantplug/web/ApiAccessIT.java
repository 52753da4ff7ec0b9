package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.HandlerType;
import io.quantplug.web.auth.Access;
import io.quantplug.web.auth.LoginThrottle;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, over real HTTP: every endpoint × anonymous, viewer, trader and admin; sessions by cookie with
 * CSRF and by bearer token; sign-out; the login throttle (with a clock the test moves).
 */
class ApiAccessIT {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(List.of("sma-crossover", "risk-basics"), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyEndpointChecksTheRoleOfEveryCaller() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        for (String user : List.of("viewer", "trader", "admin")) {
            tokens.put(user, server.token(user));
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Api.Endpoint e : server.server.endpoints()) {
            if (e.path().equals("/api/auth/logout")) {
                continue; // below, with tokens of its own
            }
            for (Map.Entry<String, String> caller : tokens.entrySet()) {
                TestServer.Response r = server.send(e.method().name(), e.pathWith("999999"), caller.getValue(),
                        e.method() == HandlerType.GET ? null : "{}");
                int expected = expected(e.access(), caller.getKey());
                boolean ok = expected == 0 ? r.status() != 401 && r.status() != 403 : r.status() == expected;
                if (!ok) {
                    failures.add(e.method() + " " + e.path() + " as " + caller.getKey() + ": " + r.status()
                            + " (expected " + (expected == 0 ? "allowed" : expected) + ") " + r.body());
                }
                if (expected != 0) {
                    assertThat(r.json().get("error").asText()).isIn("unauthenticated", "forbidden");
                }
                checked++;
            }
        }
        for (String user : List.of("viewer", "trader", "admin")) {
            String token = server.token(user);
            assertThat(server.send("POST", "/api/auth/logout", token, null).status()).isEqualTo(200);
            assertThat(server.send("GET", "/api/auth/me", token, null).status()).isEqualTo(401);
        }
        assertThat(server.send("POST", "/api/auth/logout", null, null).status()).isEqualTo(401);
        assertThat(failures).isEmpty();
        // 28 endpoints besides logout, 4 callers each
        assertThat(checked).isEqualTo(4 * (server.server.endpoints().size() - 1));
        assertThat(server.server.endpoints()).hasSizeGreaterThanOrEqualTo(29);
    }

    /** 0 = allowed; else the status a refusal must have. */
    private static int expected(Access access, String caller) {
        if (access == Access.PUBLIC) {
            return 0;
        }
        if (caller.equals("anonymous")) {
            return 401;
        }
        boolean allowed = switch (access) {
            case VIEWER -> true;
            case TRADER -> !caller.equals("viewer");
            case ADMIN -> caller.equals("admin");
            default -> true;
        };
        return allowed ? 0 : 403;
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        TestServer.Response r = server.send("GET", "/openapi.json", null, null);
        assertThat(r.status()).isEqualTo(200);
        Set<String> documented = new TreeSet<>();
        r.json().get("paths").properties().forEach(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        Set<String> declared = new TreeSet<>();
        server.server.endpoints().forEach(e -> declared.add(e.method().name() + " " + e.path()));
        assertThat(documented).isEqualTo(declared);
        assertThat(r.json().at("/paths/~1api~1plugins/post/x-quantplug-role").asText()).isEqualTo("admin");
    }

    /**
     * Every endpoint that reads a body describes it, and the schemas agree with the server: bodies the server accepts
     * validate against them (with a JSON Schema 2020-12 validator), and bodies it refuses for an unknown or
     * mistyped field do not.
     */
    @Test
    void openApiDescribesEveryRequestBodyAsTheServerReadsIt() throws Exception {
        JsonNode doc = server.send("GET", "/openapi.json", null, null).json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        for (var e : server.server.endpoints()) {
            JsonNode op = doc.at("/paths/" + e.path().replace("/", "~1") + "/" + e.method().name()
                    .toLowerCase(java.util.Locale.ROOT));
            assertThat(op.has("requestBody")).as(e.method() + " " + e.path()).isEqualTo(e.body() != null);
        }
        assertThat(doc.at("/paths/~1api~1plugins/post/requestBody/content/multipart~1form-data/schema/required/0")
                .asText()).isEqualTo("file");
        String run = "{\"strategy\":\"sma-crossover\",\"parameters\":{\"fast\":\"10\",\"slow\":\"30\"},"
                + "\"dataset\":\"X.csv\",\"capital\":\"10000\",\"feeBps\":10,\"riskRules\":[{\"id\":"
                + "\"max-order-notional\",\"parameters\":{\"percentOfEquity\":\"50\"}}],\"sizer\":null}";
        assertValid(doc, "/api/backtests", "post", run, true);
        assertValid(doc, "/api/backtests", "post", "{\"strategy\":\"x\",\"colour\":\"red\"}", false);
        assertValid(doc, "/api/backtests", "post", "{\"strategy\":\"x\",\"riskRules\":\"none\"}", false);
        assertValid(doc, "/api/instances", "post", run.substring(0, run.length() - 1) + ",\"speed\":10}", true);
        assertValid(doc, "/api/auth/login", "post", "{\"username\":\"a\",\"password\":\"b\"}", true);
        assertValid(doc, "/api/users", "post", "{\"username\":\"a\",\"password\":\"b\",\"role\":\"viewer\"}",
                true);
        assertValid(doc, "/api/users/{username}", "patch", "{\"disabled\":true}", true);
        assertValid(doc, "/api/users/{username}", "patch", "{\"disabled\":\"maybe\"}", false);
        assertValid(doc, "/api/risk/kill-switch", "post", "{\"engaged\":true,\"reason\":\"test\"}", true);
        // the server agrees on the refused ones
        String trader = server.token("trader");
        assertThat(server.send("POST", "/api/backtests", trader, "{\"strategy\":\"x\",\"colour\":\"red\"}")
                .json().get("field").asText()).isEqualTo("colour");
        assertThat(server.send("POST", "/api/backtests", trader, "{\"strategy\":\"x\",\"riskRules\":\"none\"}")
                .json().get("field").asText()).isEqualTo("riskRules");
    }

    private static void assertValid(JsonNode doc, String path, String method, String body, boolean valid)
            throws Exception {
        JsonNode ref = doc.at("/paths/" + path.replace("/", "~1") + "/" + method
                + "/requestBody/content/application~1json/schema");
        assertThat(ref.isMissingNode()).as(method + " " + path).isFalse();
        com.fasterxml.jackson.databind.node.ObjectNode schema = (com.fasterxml.jackson.databind.node.ObjectNode)
                ref.deepCopy();
        schema.set("components", doc.get("components"));
        com.networknt.schema.JsonSchema validator = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(schema);
        var errors = validator.validate(Json.MAPPER.readTree(body));
        assertThat(errors.isEmpty()).as(method + " " + path + " " + body + " -> " + errors).isEqualTo(valid);
    }

    @Test
    void browserSessionsUseAStrictHttpOnlyCookieAndNeedTheCsrfTokenToChangeState() {
        TestServer.Response login = server.send("POST", "/api/auth/login", null,
                "{\"username\":\"trader\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        String setCookie = login.headers().get("set-cookie").get(0);
        assertThat(setCookie).startsWith("quantplug_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = login.json().get("csrfToken").asText();
        assertThat(login.json().get("role").asText()).isEqualTo("trader");

        TestServer.Response me = server.send(request("GET", "/api/auth/me", cookie, null, null));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("csrfToken").asText()).isEqualTo(csrf);
        assertThat(me.json().has("token")).isFalse();

        String body = "{\"engaged\":false,\"reason\":\"csrf test\"}";
        TestServer.Response noToken = server.send(request("POST", "/api/risk/kill-switch", cookie, null, body));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().get("error").asText()).isEqualTo("csrf");
        TestServer.Response wrongToken = server.send(request("POST", "/api/risk/kill-switch", cookie,
                csrf.substring(1) + "x", body));
        assertThat(wrongToken.status()).isEqualTo(403);
        TestServer.Response withToken = server.send(request("POST", "/api/risk/kill-switch", cookie, csrf, body));
        assertThat(withToken.status()).isEqualTo(200);

        assertThat(server.send(request("POST", "/api/auth/logout", cookie, csrf, null)).status()).isEqualTo(200);
        assertThat(server.send(request("GET", "/api/auth/me", cookie, null, null)).status()).isEqualTo(401);
    }

    @Test
    void theEleventhWrongPasswordWithinFifteenMinutesIsRefusedUntilTheWindowPasses() {
        String wrong = "{\"username\":\"viewer\",\"password\":\"not the password\"}";
        String right = "{\"username\":\"viewer\",\"password\":\"" + TestServer.PASSWORD + "\"}";
        Instant start = CLOCK.instant();
        for (int i = 1; i <= LoginThrottle.MAX_FAILURES; i++) {
            CLOCK.set(start.plusSeconds(60L * i)); // the tenth failure comes 10 minutes after the start
            TestServer.Response r = server.send("POST", "/api/auth/login", null, wrong);
            assertThat(r.status()).as("attempt %d", i).isEqualTo(401);
            assertThat(r.json().get("error").asText()).isEqualTo("bad_credentials");
        }
        TestServer.Response eleventh = server.send("POST", "/api/auth/login", null, wrong);
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.json().get("error").asText()).isEqualTo("too_many_attempts");
        // first failure at start+1 min, so the window reopens at start+16 min: the clock is at start+10 min
        assertThat(eleventh.headers().get("retry-after")).containsExactly("360");
        TestServer.Response correct = server.send("POST", "/api/auth/login", null, right);
        assertThat(correct.status()).isEqualTo(429);

        CLOCK.set(start.plus(Duration.ofMinutes(16)).minusSeconds(1));
        assertThat(server.send("POST", "/api/auth/login", null, right).status()).isEqualTo(429);
        CLOCK.set(start.plus(Duration.ofMinutes(16)));
        assertThat(server.send("POST", "/api/auth/login", null, right).status()).isEqualTo(200);
        // another user from the same address was never limited
        assertThat(server.token("trader")).isNotBlank();
    }

    @Test
    void aForgedOrExpiredBearerTokenIsNotASession() {
        assertThat(server.send("GET", "/api/plugins", "not-a-token", null).status()).isEqualTo(401);
        TestServer.Response basic = server.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/plugins"))
                .header("Authorization", "Basic YWRtaW46eA==").GET().build());
        assertThat(basic.status()).isEqualTo(401);
        String token = server.token("viewer");
        Instant now = CLOCK.instant();
        CLOCK.set(now.plus(Duration.ofHours(9))); // idle timeout is 8 h
        try {
            assertThat(server.send("GET", "/api/plugins", token, null).status()).isEqualTo(401);
        } finally {
            CLOCK.set(now.plus(Duration.ofHours(9)));
        }
    }

    private HttpRequest request(String method, String path, String cookie, String csrf, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Cookie", cookie)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return b.build();
    }

    /** A clock a test sets. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
