package io.quantplug.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * bcrypt password hashing (Provos and Mazières, "A Future-Adaptable Password Scheme", USENIX 1999), through the
 * {@code at.favre.lib:bcrypt} library, at cost 12 (2^12 rounds; about 0.6 s per hash on a 2-core VM). Thread-safe.
 */
public final class Passwords {

    /** The bcrypt cost factor of new hashes. */
    public static final int COST = 12;
    /** Shortest password accepted. */
    public static final int MIN_LENGTH = 12;
    /** Longest password accepted (bcrypt reads at most 72 bytes). */
    public static final int MAX_LENGTH = 72;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified when the user does not exist, so the answer takes as long as for a real user. */
    private static final String DUMMY = hash("not-a-real-password-" + RANDOM.nextLong());

    private Passwords() {
    }

    /**
     * Hashes a password.
     *
     * @param password the password
     * @return the {@code $2a$12$…} hash
     */
    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /**
     * Checks a password against a hash, in time independent of where they differ.
     *
     * @param password the password given
     * @param hash     the stored hash, or null when there is no such user (then a dummy hash is checked and the
     *                 answer is false)
     * @return whether they match
     */
    public static boolean verify(String password, String hash) {
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), hash == null ? DUMMY : hash).verified;
        return ok && hash != null;
    }

    /**
     * Why a new password is refused, or null when it is acceptable: 12 to 72 bytes in UTF-8.
     *
     * @param password the proposed password
     * @return the reason, or null
     */
    public static String problem(String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (bytes > MAX_LENGTH) {
            return "a password may have at most " + MAX_LENGTH + " bytes in UTF-8";
        }
        return null;
    }

    /**
     * A random password for a first start: 18 random bytes, URL-safe Base64 (24 characters, 144 bits).
     *
     * @return the password
     */
    public static String random() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * A random session id or token: 32 random bytes, URL-safe Base64.
     *
     * @return the token
     */
    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
