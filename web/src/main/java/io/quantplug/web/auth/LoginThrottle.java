package io.quantplug.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: after {@link #MAX_FAILURES} wrong passwords for one user from one address within
 * {@link #WINDOW}, every further attempt for that pair — with a right password too — is refused until the oldest
 * of those failures is older than the window (a sliding window). Refused attempts are not counted. Thread-safe.
 */
public final class LoginThrottle {

    /** Failures allowed within the window. */
    public static final int MAX_FAILURES = 10;
    /** The window. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /**
     * Creates a throttle.
     *
     * @param clock the time source
     */
    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * How long a pair must wait before its next attempt.
     *
     * @param username the user name given
     * @param address  the client's address
     * @return zero when it may try now, else the wait
     */
    public Duration retryAfter(String username, String address) {
        Deque<Instant> q = failures.get(key(username, address));
        if (q == null) {
            return Duration.ZERO;
        }
        synchronized (q) {
            Instant now = clock.instant();
            prune(q, now);
            if (q.size() < MAX_FAILURES) {
                return Duration.ZERO;
            }
            return Duration.between(now, q.peekFirst().plus(WINDOW));
        }
    }

    /**
     * Counts a wrong password.
     *
     * @param username the user name given
     * @param address  the client's address
     */
    public void failed(String username, String address) {
        Deque<Instant> q = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (q) {
            Instant now = clock.instant();
            prune(q, now);
            q.addLast(now);
        }
    }

    /**
     * Forgets a pair's failures after a successful sign-in.
     *
     * @param username the user
     * @param address  the client's address
     */
    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private static void prune(Deque<Instant> q, Instant now) {
        while (!q.isEmpty() && !q.peekFirst().plus(WINDOW).isAfter(now)) {
            q.removeFirst();
        }
    }

    private static String key(String username, String address) {
        return username + '\u0000' + address;
    }
}
