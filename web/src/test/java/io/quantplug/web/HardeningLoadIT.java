package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantplug.testsupport.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bounded load on loopback (the server runs in this JVM; every loop stops by itself): 50 concurrent anonymous
 * sign-in floods while a real user signs in, and 100 backtests submitted beyond the queue's limit while the server
 * answers its health check. The figures are printed ({@code HardeningLoadIT:} lines) and recorded in
 * {@code BENCHMARKS.md}; the assertions are the acceptance bounds (real sign-in under 1 s, every refused backtest
 * answered 429 with {@code Retry-After}, the queue never over its limit, health under 1 s).
 */
class HardeningLoadIT {

    private static final String MARCH = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static final int FLOODERS = 50;
    private static final Duration FLOOD = Duration.ofSeconds(10);

    @Test
    void aRealSignInStaysFastUnderFiftyAnonymousFloods() throws Exception {
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(),
                ServerLimits.defaults(), List.of("127.0.0.1"))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long idle = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) { // the same sign-in without a flood, for comparison
                long t0 = System.nanoTime();
                assertThat(send(http, login(server, "192.0.2.1", "admin", TestServer.PASSWORD)).statusCode())
                        .isEqualTo(200);
                idle = Math.min(idle, (System.nanoTime() - t0) / 1_000_000);
            }
            long end = System.nanoTime() + FLOOD.toNanos();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger wrong = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
            List<Future<?>> floods = new ArrayList<>();
            for (int f = 0; f < FLOODERS; f++) {
                String address = "198.51.100." + (f + 1);
                int flooder = f;
                floods.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000 && System.nanoTime() < end; i++) {
                        int status = send(http, login(server, address, "guess-" + flooder + "-" + i,
                                "wrong password " + i)).statusCode();
                        sent.incrementAndGet();
                        (status == 429 ? refused : status == 401 ? wrong : other).incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(1_000); // the floods are under way
            List<Long> real = new ArrayList<>();
            while (System.nanoTime() < end - TimeUnit.MILLISECONDS.toNanos(500)) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = send(http, login(server, "192.0.2.1", "admin", TestServer.PASSWORD));
                real.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                Thread.sleep(500);
            }
            for (Future<?> f : floods) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Collections.sort(real);
            System.out.printf("HardeningLoadIT: sign-in flood, %d flooders for %d s: %d attempts (%.0f/s), %d answered"
                            + " 429, %d answered 401, %d other; real sign-ins %d, median %d ms, max %d ms (%d ms without the"
                            + " flood)%n",
                    FLOODERS, FLOOD.toSeconds(), sent.get(), sent.get() / (double) FLOOD.toSeconds(), refused.get(),
                    wrong.get(), other.get(), real.size(), real.get(real.size() / 2), real.get(real.size() - 1), idle);
            assertThat(other.get()).isZero();
            assertThat(refused.get()).isGreaterThan(wrong.get());
            assertThat(real).isNotEmpty().allMatch(ms -> ms < 1_000);
        }
    }

    @Test
    void backtestsBeyondTheQueueAre429WhileTheServerStaysResponsive() throws Exception {
        ServerLimits limits = ServerLimits.defaults().with("backtestsPerUser", "1000");
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(), limits, List.of())) {
            String trader = server.token("trader");
            TestServer.Response up = server.upload("/api/datasets", trader, "BTCUSDT_1m_20230301_20230321.csv",
                    Files.readAllBytes(SharedData.require(MARCH)));
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            String body = "{\"strategy\":\"sma-crossover\",\"dataset\":\"BTCUSDT_1m_20230301_20230321.csv\"}";
            // one job first, so the data set's bars (cached once for every job) are in the baseline
            server.awaitJob(trader, server.send("POST", "/api/backtests", trader, body).json().get("id").asLong());
            long baseline = usedHeapAfterGc();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger withoutRetryAfter = new AtomicInteger();
            AtomicInteger submitted = new AtomicInteger();
            AtomicLong maxQueued = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> submitters = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                submitters.add(pool.submit(() -> {
                    while (refused.get() < 100 && submitted.incrementAndGet() <= 500) {
                        TestServer.Response r = server.send("POST", "/api/backtests", trader, body);
                        if (r.status() == 202) {
                            accepted.incrementAndGet();
                        } else if (r.status() == 429) {
                            refused.incrementAndGet();
                            if (r.headers().get("retry-after") == null) {
                                withoutRetryAfter.incrementAndGet();
                            }
                        } else {
                            throw new AssertionError(r.status() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            List<Long> health = new ArrayList<>();
            while (submitters.stream().anyMatch(f -> !f.isDone())) {
                long t0 = System.nanoTime();
                assertThat(server.send("GET", "/health", null, null).status()).isEqualTo(200);
                health.add((System.nanoTime() - t0) / 1_000_000);
                long queued = server.send("GET", "/api/backtests", trader, null).json().findValuesAsText("status")
                        .stream().filter("QUEUED"::equals).count();
                maxQueued.accumulateAndGet(queued, Math::max);
                Thread.sleep(20);
            }
            for (Future<?> f : submitters) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long heapBefore = baseline;
            for (var job : server.send("GET", "/api/backtests", trader, null).json()) {
                server.awaitJob(trader, job.get("id").asLong());
            }
            long heapAfterJobs = usedHeapAfterGc();
            Collections.sort(health);
            System.out.printf("HardeningLoadIT: backtest flood, %d submissions: %d accepted, %d answered 429; most"
                            + " queued at once %d (limit %d); /health %d checks, median %d ms, max %d ms; live heap"
                            + " %.1f MB before, %.1f MB after the %d jobs finished%n",
                    accepted.get() + refused.get(), accepted.get(), refused.get(), maxQueued.get(),
                    limits.queuedBacktests(), health.size(), health.get(health.size() / 2),
                    health.get(health.size() - 1), heapBefore / 1e6, heapAfterJobs / 1e6, accepted.get());
            assertThat(refused.get()).isGreaterThanOrEqualTo(100);
            assertThat(withoutRetryAfter.get()).isZero();
            assertThat(maxQueued.get()).isLessThanOrEqualTo(limits.queuedBacktests());
            assertThat(health).isNotEmpty().allMatch(ms -> ms < 1_000);
            // a finished job keeps its summary only (it kept its plan and result, about 4 MB, before)
            assertThat((heapAfterJobs - heapBefore) / (double) accepted.get()).as("heap per finished job, bytes")
                    .isLessThan(1_500_000);
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static HttpRequest login(TestServer server, String forwardedFor, String user, String password) {
        return HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                        + password + "\"}")).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
