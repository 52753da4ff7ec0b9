package io.quantplug.web.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quantplug.app.ClockTimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Limits sign-in attempts before any password is hashed, so that guessing cannot use the server's CPU for bcrypt
 * (cost 12, about 0.3-0.6 s of one core each). Three limits, all token buckets of the Bucket4j library:
 * <ol>
 *   <li><b>Per address</b>: at most {@code perAddress} attempts a minute from one client address (greedy refill);
 *       beyond that a 429 with {@code Retry-After}, before anything else.</li>
 *   <li><b>Global failures</b>: the whole server accepts {@code globalFailures} wrong sign-ins a minute (a burst of
 *       as many). While that budget is spent the server is <i>under attack</i>: an address that failed within the
 *       last {@link #SUSPECT_FOR} gets 429 before bcrypt, and a user name that does not exist is answered 401
 *       without hashing (in calm times a dummy hash is checked so that the answer takes as long as for a real
 *       user). An unknown name from an address that failed recently is never hashed. A real user signing in from
 *       an address that has not failed is not slowed.</li>
 *   <li><b>Hashing slots</b>: at most as many passwords are hashed at once as the machine has cores; a caller that
 *       waits longer than {@link #SLOT_WAIT} gets 503. While every slot is busy, an unknown user name is answered
 *       at once too, so made-up names never queue ahead of real users. The price: under load an attacker can tell
 *       unknown names from real ones by the answer's time. A flood aimed at a real user name from many fresh
 *       addresses still costs one hash per address before each address is a suspect.</li>
 * </ol>
 * Attempts refused by the first two limits are answered after {@link #REFUSAL_DELAY}. The per-user-and-address
 * lockout ({@link LoginThrottle}) comes on top. Addresses are the ones {@link io.quantplug.web.ClientAddress}
 * resolves (behind a trusted proxy, the forwarded client's). The tables are bounded ({@value #MAX_ADDRESSES}
 * addresses, least recently used dropped first). Thread-safe.
 */
public final class LoginGuard {

    /** An address that failed is a suspect this long. */
    public static final Duration SUSPECT_FOR = Duration.ofMinutes(15);
    /**
     * How long an attempt refused by these limits waits before its 429 is sent (a tarpit that holds no thread): a
     * client guessing in a loop gets one try a second, so a flood cannot keep the CPU from a real user's hash.
     */
    public static final Duration REFUSAL_DELAY = Duration.ofSeconds(1);
    /** Longest wait for a hashing slot. */
    public static final Duration SLOT_WAIT = Duration.ofSeconds(5);
    private static final int MAX_ADDRESSES = 10_000;

    /**
     * The guard's verdict on an attempt.
     *
     * @param retryAfter  zero when the attempt may go on, else how long to wait
     * @param underAttack whether the global failure budget is spent (then unknown user names are not hashed)
     * @param suspect     whether the address failed within {@link #SUSPECT_FOR} (then unknown user names are not
     *                    hashed either)
     */
    public record Admission(Duration retryAfter, boolean underAttack, boolean suspect) {
        /**
         * Whether the attempt may go on.
         *
         * @return true when admitted
         */
        public boolean admitted() {
            return retryAfter.isZero();
        }
    }

    private final Clock clock;
    private final TimeMeter meter;
    private final int perAddress;
    private final Bucket failures;
    private final Semaphore hashing;
    private final Map<String, Bucket> addresses = lru();
    private final Map<String, Long> suspects = lru();

    /**
     * Creates a guard.
     *
     * @param clock          the time source (buckets refill on it)
     * @param perAddress     attempts a minute from one address, at least 1
     * @param globalFailures wrong sign-ins a minute on the whole server before it counts as under attack, at least 1
     * @param hashingSlots   passwords hashed at once, at least 1
     * @throws IllegalArgumentException when a limit is below 1
     */
    public LoginGuard(Clock clock, int perAddress, int globalFailures, int hashingSlots) {
        if (perAddress < 1 || globalFailures < 1 || hashingSlots < 1) {
            throw new IllegalArgumentException("sign-in limits must be at least 1, got perAddress=" + perAddress
                    + ", globalFailures=" + globalFailures + ", hashingSlots=" + hashingSlots);
        }
        this.clock = clock;
        this.meter = new ClockTimeMeter(clock);
        this.perAddress = perAddress;
        this.failures = bucket(globalFailures);
        this.hashing = new Semaphore(hashingSlots, true);
    }

    /**
     * Checks an attempt before its password is looked at, and counts it against its address.
     *
     * @param address the client's address
     * @return the verdict
     */
    public Admission admit(String address) {
        Bucket bucket;
        synchronized (addresses) {
            bucket = addresses.computeIfAbsent(address, a -> bucket(perAddress));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return new Admission(Duration.ofNanos(probe.getNanosToWaitForRefill()), underAttack(), true);
        }
        boolean attack = underAttack();
        boolean suspect = suspect(address);
        if (attack && suspect) {
            return new Admission(Duration.ofNanos(Math.max(1, failures.estimateAbilityToConsume(1)
                    .getNanosToWaitForRefill())), true, true);
        }
        return new Admission(Duration.ZERO, attack, suspect);
    }

    /**
     * Counts a failed attempt (wrong password, unknown user, refused input) against the global budget and marks
     * its address a suspect.
     *
     * @param address the client's address
     */
    public void failed(String address) {
        failures.tryConsume(1);
        synchronized (suspects) {
            suspects.put(address, clock.millis());
        }
    }

    /**
     * Clears an address after a successful sign-in.
     *
     * @param address the client's address
     */
    public void succeeded(String address) {
        synchronized (suspects) {
            suspects.remove(address);
        }
    }

    /**
     * Takes a hashing slot, waiting up to {@link #SLOT_WAIT}.
     *
     * @return true when taken (then {@link #releaseSlot()} must follow), false when the wait ran out
     */
    public boolean takeSlot() {
        try {
            return hashing.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Whether a hashing slot is free now (a hint: another thread may take it first).
     *
     * @return true when at least one slot is free
     */
    public boolean slotFree() {
        return hashing.availablePermits() > 0;
    }

    /** Gives back a hashing slot. */
    public void releaseSlot() {
        hashing.release();
    }

    private boolean underAttack() {
        return !failures.estimateAbilityToConsume(1).canBeConsumed();
    }

    private boolean suspect(String address) {
        synchronized (suspects) {
            Long since = suspects.get(address);
            if (since != null && clock.millis() - since >= SUSPECT_FOR.toMillis()) {
                suspects.remove(address);
                return false;
            }
            return since != null;
        }
    }

    private Bucket bucket(int perMinute) {
        return Bucket.builder().withCustomTimePrecision(meter)
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ADDRESSES;
            }
        });
    }
}
