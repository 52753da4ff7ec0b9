package io.quantplug.web.auth;

import io.quantplug.runtime.store.UserStore.Role;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory (a restart signs everyone out). Each session has three random secrets of 256 bits:
 * the cookie value (browsers), the bearer token (scripts) and the CSRF token (sent back by the console in the
 * {@value #CSRF_HEADER} header on state-changing requests). A session ends on logout, after
 * {@link #IDLE_TIMEOUT} without a request, after {@link #MAX_AGE}, or when its user is changed or disabled.
 * Thread-safe.
 */
public final class Sessions {

    /** The session cookie's name. */
    public static final String COOKIE = "quantplug_session";
    /** The header carrying the CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** A session unused this long ends. */
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(8);
    /** A session ends this long after sign-in, used or not. */
    public static final Duration MAX_AGE = Duration.ofHours(24);

    /**
     * One session. {@code lastUsed} is updated by each request.
     *
     * @param cookie   the cookie value
     * @param token    the bearer token
     * @param csrf     the CSRF token
     * @param username the user
     * @param role     the user's role at sign-in
     * @param created  sign-in time
     */
    public record Session(String cookie, String token, String csrf, String username, Role role, Instant created) {
        @Override
        public String toString() {
            return "Session[" + username + ", " + role + ", since " + created + "]";
        }
    }

    private final Clock clock;
    private final Map<String, Session> byCookie = new ConcurrentHashMap<>();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Map<Session, Instant> lastUsed = new ConcurrentHashMap<>();

    /**
     * Creates an empty registry.
     *
     * @param clock the time source for expiry
     */
    public Sessions(Clock clock) {
        this.clock = clock;
    }

    /**
     * Opens a session.
     *
     * @param username the user
     * @param role     the role
     * @return the session
     */
    public Session open(String username, Role role) {
        Session s = new Session(Passwords.token(), Passwords.token(), Passwords.token(), username, role,
                clock.instant());
        byCookie.put(s.cookie(), s);
        byToken.put(s.token(), s);
        lastUsed.put(s, s.created());
        return s;
    }

    /**
     * The live session of a cookie value.
     *
     * @param cookie the cookie value, may be null
     * @return the session, or empty when unknown or expired
     */
    public Optional<Session> byCookie(String cookie) {
        return cookie == null ? Optional.empty() : live(byCookie.get(cookie));
    }

    /**
     * The live session of a bearer token.
     *
     * @param token the token, may be null
     * @return the session, or empty when unknown or expired
     */
    public Optional<Session> byToken(String token) {
        return token == null ? Optional.empty() : live(byToken.get(token));
    }

    /**
     * Ends a session.
     *
     * @param session the session
     */
    public void close(Session session) {
        byCookie.remove(session.cookie());
        byToken.remove(session.token());
        lastUsed.remove(session);
    }

    /**
     * Ends every session of a user (after a role change, a password change or disabling).
     *
     * @param username the user
     * @return how many ended
     */
    public int closeAll(String username) {
        int n = 0;
        for (Session s : byCookie.values()) {
            if (s.username().equals(username)) {
                close(s);
                n++;
            }
        }
        return n;
    }

    /**
     * Whether a CSRF token matches the session's, compared in constant time.
     *
     * @param session the session
     * @param given   the header's value, may be null
     * @return true when it matches
     */
    public static boolean csrfMatches(Session session, String given) {
        return given != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private Optional<Session> live(Session s) {
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant used = lastUsed.get(s);
        if (used == null || now.isAfter(used.plus(IDLE_TIMEOUT)) || now.isAfter(s.created().plus(MAX_AGE))) {
            close(s);
            return Optional.empty();
        }
        lastUsed.put(s, now);
        return Optional.of(s);
    }
}
