package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sign-in under attack (finding 4 of the console's review): limits that act before bcrypt runs, client addresses
 * through trusted proxies only, HTTPS seen through the proxy (Secure cookie, HSTS), 400 for oversized input, and
 * no unknown user name written to the audit log.
 */
class SignInLimitsIT {

    private static TestServer.Response login(TestServer server, String forwardedFor, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                        + password + "\"}"));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return server.send(b.build());
    }

    @Test
    void perAddressLimitAnswers429BeforeAnyPasswordIsChecked() {
        ServerLimits limits = ServerLimits.defaults().with("signInsPerAddress", "5");
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(), limits, List.of())) {
            for (int i = 0; i < 5; i++) {
                assertThat(login(server, null, "nobody" + i, "wrong password " + i).status()).isEqualTo(401);
            }
            long t0 = System.nanoTime();
            TestServer.Response refused = login(server, null, "admin", TestServer.PASSWORD);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.headers().get("retry-after")).isNotEmpty();
            assertThat(refused.json().get("error").asText()).isEqualTo("too_many_attempts");
            assertThat(millis).as("a refused sign-in waits the tarpit, never a hash").isBetween(
                    io.quantplug.web.auth.LoginGuard.REFUSAL_DELAY.toMillis() - 50, 2_000L);
        }
    }

    @Test
    void oversizedInputIs400AndCountsAsAnAttempt() {
        ServerLimits limits = ServerLimits.defaults().with("signInsPerAddress", "4");
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(), limits, List.of())) {
            TestServer.Response longPassword = login(server, null, "admin", "p".repeat(73));
            assertThat(longPassword.status()).isEqualTo(400);
            assertThat(longPassword.json().get("field").asText()).isEqualTo("password");
            TestServer.Response longName = login(server, null, "u".repeat(65), "whatever password");
            assertThat(longName.status()).isEqualTo(400);
            assertThat(longName.json().get("field").asText()).isEqualTo("username");
            assertThat(login(server, null, "u".repeat(10_000), "x").status()).isEqualTo(400);
            assertThat(login(server, null, "admin", "p".repeat(10_000)).status()).isEqualTo(400);
            assertThat(login(server, null, "admin", TestServer.PASSWORD).status()).isEqualTo(429);
        }
    }

    @Test
    void forwardedAddressesCountOnlyFromATrustedProxy() {
        // no trusted proxy: X-Forwarded-For is the client's word and ignored
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(),
                ServerLimits.defaults(), List.of())) {
            assertThat(login(server, "203.0.113.7", "trader", "not the password").status()).isEqualTo(401);
            String admin = server.token("admin");
            JsonNode audit = server.send("GET", "/api/audit?action=auth.login_failed", admin, null).json();
            assertThat(audit.get("entries").get(0).get("details").asText()).contains("127.0.0.1")
                    .doesNotContain("203.0.113.7");
        }
        // behind a trusted proxy on loopback: the right-most untrusted forwarded address is the client
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(),
                ServerLimits.defaults(), List.of("127.0.0.1", "10.0.0.0/8"))) {
            for (int i = 0; i < 10; i++) {
                assertThat(login(server, "198.51.100.1, 203.0.113.7, 10.1.2.3", "trader", "wrong " + i).status())
                        .isEqualTo(401);
            }
            // the pair trader@203.0.113.7 is locked out, with the right password too ...
            assertThat(login(server, "203.0.113.7", "trader", TestServer.PASSWORD).status()).isEqualTo(429);
            // ... but a proxy's shared address no longer lets anyone lock the account for everybody
            assertThat(login(server, "203.0.113.8", "trader", TestServer.PASSWORD).status()).isEqualTo(200);
            String admin = token(server, "192.0.2.44");
            JsonNode audit = server.send("GET", "/api/audit?action=auth.login&limit=50", admin, null).json();
            assertThat(audit.get("entries").findValuesAsText("details")).contains("from 203.0.113.8",
                    "from 192.0.2.44");
        }
    }

    @Test
    void httpsThroughATrustedProxyMakesTheCookieSecureAndSendsHsts() {
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(),
                ServerLimits.defaults(), List.of("127.0.0.1"))) {
            HttpRequest tls = HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                            + TestServer.PASSWORD + "\"}")).build();
            TestServer.Response r = server.send(tls);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().get("set-cookie").get(0)).contains("Secure").contains("HttpOnly")
                    .contains("SameSite=Strict");
            assertThat(r.headers().get("strict-transport-security")).containsExactly("max-age=31536000");
            TestServer.Response plain = login(server, null, "admin", TestServer.PASSWORD);
            assertThat(plain.headers().get("set-cookie").get(0)).doesNotContain("Secure");
            assertThat(plain.headers()).doesNotContainKey("strict-transport-security");
        }
        // the same header from an untrusted peer changes nothing
        try (TestServer server = TestServer.start()) {
            HttpRequest forged = HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                            + TestServer.PASSWORD + "\"}")).build();
            TestServer.Response r = server.send(forged);
            assertThat(r.headers().get("set-cookie").get(0)).doesNotContain("Secure");
        }
    }

    @Test
    void underAttackUnknownNamesAreNotHashedAndSuspectsWaitButOthersSignIn() {
        ServerLimits limits = ServerLimits.defaults().with("failedSignIns", "3");
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(), limits,
                List.of("127.0.0.1"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(server, "203.0.113." + i, "admin", "guess number " + i).status()).isEqualTo(401);
            }
            // the budget is spent: an address that failed waits, before bcrypt
            TestServer.Response suspect = login(server, "203.0.113.0", "admin", TestServer.PASSWORD);
            assertThat(suspect.status()).isEqualTo(429);
            // an unknown user name from a fresh address is answered without hashing
            long t0 = System.nanoTime();
            assertThat(login(server, "198.51.100.9", "mistyped-password-here", "x".repeat(12)).status())
                    .isEqualTo(401);
            long unknownMillis = (System.nanoTime() - t0) / 1_000_000;
            // the real user from a clean address signs in
            assertThat(login(server, "192.0.2.10", "admin", TestServer.PASSWORD).status()).isEqualTo(200);
            System.out.printf("SignInLimitsIT: unknown user under attack answered in %d ms%n", unknownMillis);
            assertThat(unknownMillis).as("no bcrypt for an unknown name under attack").isLessThan(150);

            String admin = token(server, "192.0.2.11");
            String audit = server.send("GET", "/api/audit?action=auth.&limit=100", admin, null).body();
            assertThat(audit).doesNotContain("mistyped-password-here").contains("unknown user name (22 characters)");
        }
    }

    private static String token(TestServer server, String address) {
        TestServer.Response r = login(server, address, "admin", TestServer.PASSWORD);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("token").asText();
    }
}
