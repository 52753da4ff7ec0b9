package io.quantplug.plugins.binance.rest;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * Keeps requests within Binance's request-weight and order-count limits (Binance "LIMITS": {@code REQUEST_WEIGHT}
 * per minute and IP, {@code ORDERS} per 10 seconds and account) with two Resilience4j {@link RateLimiter}s, whose
 * permits are weight units and orders.
 *
 * <p>Each request first takes its documented weight (and one order permit when it places an order); when the
 * period's budget is spent the caller waits, inside Resilience4j, for the next period, up to {@code maxWait}. Each
 * answer's headers ({@code X-MBX-USED-WEIGHT-1M}, {@code X-MBX-ORDER-COUNT-10S}) then feed the server's own count
 * back: when Binance has counted more than this limiter (another process on the same IP, or a restart within the
 * minute), the difference is reserved from the current period, so the limiter never grants more than Binance will
 * accept. The limiter's periods start when it is created, not on Binance's minute boundaries; the header feedback
 * keeps the two in step from above. Thread-safe.
 */
public final class RequestWeightLimiter {

    private final RateLimiter weight;
    private final RateLimiter orders;
    private final int weightLimit;
    private final int orderLimit;
    private final Duration maxWait;
    private volatile int usedWeight1m = -1;
    private volatile int orderCount10s = -1;
    private volatile int orderCountLong = -1;

    /**
     * Creates the limiter.
     *
     * @param weightPerMinute request weight per minute, &gt; 0 ({@link BinanceMarket#weightPerMinute()})
     * @param ordersPer10s    orders per 10 seconds, &gt; 0 ({@link BinanceMarket#ordersPer10Seconds()})
     * @param maxWait         the longest a request waits for budget before it fails
     */
    public RequestWeightLimiter(int weightPerMinute, int ordersPer10s, Duration maxWait) {
        if (weightPerMinute <= 0 || ordersPer10s <= 0) {
            throw new IllegalArgumentException("weightPerMinute and ordersPer10s must be > 0");
        }
        this.weightLimit = weightPerMinute;
        this.orderLimit = ordersPer10s;
        this.maxWait = maxWait;
        this.weight = RateLimiter.of("binance-request-weight", RateLimiterConfig.custom()
                .limitForPeriod(weightPerMinute).limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(maxWait)
                .build());
        this.orders = RateLimiter.of("binance-orders", RateLimiterConfig.custom()
                .limitForPeriod(ordersPer10s).limitRefreshPeriod(Duration.ofSeconds(10)).timeoutDuration(maxWait)
                .build());
    }

    /**
     * Takes the budget of one request, waiting for the next period when needed.
     *
     * @param requestWeight the endpoint's documented weight, &ge; 1
     * @param placesOrder   whether the request places an order (counts against {@code ORDERS})
     * @param endpoint      the method and path, for the message
     * @throws BinanceException when the budget is not free within {@code maxWait}
     */
    public void acquire(int requestWeight, boolean placesOrder, String endpoint) {
        int permits = Math.min(Math.max(requestWeight, 1), weightLimit);
        if (!weight.acquirePermission(permits)) {
            throw new BinanceException(endpoint + " not sent: the request-weight budget (" + weightLimit
                    + " per minute) stayed spent for " + maxWait.toMillis() + " ms");
        }
        if (placesOrder && !orders.acquirePermission(1)) {
            throw new BinanceException(endpoint + " not sent: the order budget (" + orderLimit
                    + " per 10 s) stayed spent for " + maxWait.toMillis() + " ms");
        }
    }

    /**
     * Reads Binance's usage headers and reserves what Binance counted beyond this limiter.
     *
     * @param headers an answer's headers
     */
    public void observe(HttpHeaders headers) {
        int used = header(headers, "X-MBX-USED-WEIGHT-1M");
        if (used >= 0) {
            usedWeight1m = used;
            reserveExcess(weight, weightLimit, used);
        }
        int count10s = header(headers, "X-MBX-ORDER-COUNT-10S");
        if (count10s >= 0) {
            orderCount10s = count10s;
            reserveExcess(orders, orderLimit, count10s);
        }
        int longCount = Math.max(header(headers, "X-MBX-ORDER-COUNT-1D"), header(headers, "X-MBX-ORDER-COUNT-1M"));
        if (longCount >= 0) {
            orderCountLong = longCount;
        }
    }

    private static void reserveExcess(RateLimiter limiter, int limit, int serverUsed) {
        int available = limiter.getMetrics().getAvailablePermissions();
        int serverRemaining = Math.max(limit - serverUsed, 0);
        if (available > serverRemaining) {
            limiter.reservePermission(available - serverRemaining);
        }
    }

    private static int header(HttpHeaders headers, String name) {
        return headers.firstValue(name).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }).orElse(-1);
    }

    /**
     * What Binance last reported and what this limiter still grants.
     *
     * @return the usage snapshot
     */
    public WeightUsage usage() {
        return new WeightUsage(usedWeight1m, orderCount10s, orderCountLong,
                weight.getMetrics().getAvailablePermissions());
    }
}
