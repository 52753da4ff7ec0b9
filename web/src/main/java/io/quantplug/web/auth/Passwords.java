package io.quantplug.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    /** Lowest zxcvbn score (0-4) of a new password. */
    public static final int MIN_SCORE = 3;

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
     * Why a new password is refused, or null when it is acceptable: 12 to 72 bytes in UTF-8, and not easy to guess
     * by the zxcvbn estimator (Wheeler, "zxcvbn: Low-Budget Password Strength Estimation", USENIX Security 2016;
     * the {@code com.nulab-inc:zxcvbn} port), which knows the common-password lists, names, words, keyboard patterns,
     * dates and repeats: a password below score {@value #MIN_SCORE} of 4 (under about 10^8 guesses) is refused with
     * zxcvbn's warning.
     *
     * @param password the proposed password
     * @param username the user it is for (a password built on the user name is weaker), may be null
     * @return the reason, or null
     */
    public static String problem(String password, String username) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (bytes > MAX_LENGTH) {
            return "a password may have at most " + MAX_LENGTH + " bytes in UTF-8";
        }
        Strength strength = new Zxcvbn().measure(password, username == null ? List.of()
                : List.of(username, "quantplug"));
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning(java.util.Locale.ENGLISH);
            return "this password is too easy to guess" + (warning == null || warning.isBlank() ? ""
                    : " (" + warning.replaceAll("\\.$", "").toLowerCase(java.util.Locale.ROOT) + ")")
                    + "; use a longer phrase of unrelated words";
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
