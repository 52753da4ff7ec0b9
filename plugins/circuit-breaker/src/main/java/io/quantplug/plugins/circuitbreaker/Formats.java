package io.quantplug.plugins.circuitbreaker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

/** How the rules of this plugin write numbers and times in messages and event values. */
final class Formats {

    private Formats() {
    }

    /** An amount of money for a message: two decimals, half up, e.g. {@code 9500.00}. */
    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A percentage or ratio for a message: two decimals, half up, e.g. {@code 5.00}. */
    static String twoDecimals(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A percentage or ratio for an event value: four decimals, half up, e.g. {@code 5.0000}. */
    static String fourDecimals(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** An exact decimal without trailing zeros, e.g. a limit as configured: {@code 5}, {@code 2.5}. */
    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** A market-data number for a message: six decimals, e.g. {@code 0.041200}. */
    static String sixDecimals(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** A time for people: ISO-8601 UTC, e.g. {@code 2023-03-10T10:00:00Z}. */
    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** {@code part / whole x 100}, 16 significant digits. */
    static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, MathContext.DECIMAL64);
    }
}
