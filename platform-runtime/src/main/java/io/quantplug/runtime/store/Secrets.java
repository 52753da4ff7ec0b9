package io.quantplug.runtime.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps database passwords out of every message: URLs and error texts are masked before anyone sees them. */
public final class Secrets {

    /** What a password is replaced with. */
    public static final String MASK = "***";

    // password=..., pass=..., pwd=... in a query string (&) or H2's ;key=value list, up to the next separator
    private static final Pattern PARAMETER = Pattern.compile("(?i)([?&;](?:password|pass|pwd)=)[^&;]*");
    // //user:password@host
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;]+:)[^@/?;]*@");

    private Secrets() {
    }

    /**
     * Masks the passwords a JDBC URL carries ({@code password=}, {@code pass=}, {@code pwd=} parameters and
     * {@code user:password@} user info).
     *
     * @param url a JDBC URL, or null
     * @return the URL with each password replaced by {@value #MASK}; null for null
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = PARAMETER.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    }

    /**
     * The passwords a JDBC URL carries, verbatim ({@code password=}, {@code pass=}, {@code pwd=} values and the
     * password of {@code user:password@} user info), so that a driver's message quoting one of them in another form
     * (e.g. {@code UnknownHostException: secret@db.example}) can be masked too.
     *
     * @param url a JDBC URL, or null
     * @return the non-empty passwords found, in order
     */
    public static java.util.List<String> passwordsIn(String url) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (url == null) {
            return out;
        }
        Matcher p = PARAMETER.matcher(url);
        while (p.find()) {
            String v = p.group().substring(p.group(1).length());
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        Matcher u = USER_INFO.matcher(url);
        while (u.find()) {
            String v = u.group().substring(u.group(1).length(), u.group().length() - 1);
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Masks a text that may quote a URL or a password (e.g. a driver's error message).
     *
     * @param text     the text, or null
     * @param password the password to hide wherever it appears verbatim, or null
     * @return the masked text; null for null
     */
    public static String mask(String text, String password) {
        if (text == null) {
            return null;
        }
        String masked = maskUrl(text);
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, MASK);
        }
        return masked;
    }
}
