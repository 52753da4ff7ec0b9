package io.quantplug.web.session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A point in time as people type it on the command line ({@code --from}, {@code --to}) and in API requests
 * ({@code from}, {@code to}): one reading for both.
 */
public final class TimeArgument {

    /** What a caller puts after the option or field name when the text is not a time. */
    public static final String EXPECTED = "is not a date (2023-03-01) or a date-time (2023-03-01T12:00:00Z)";

    private TimeArgument() {
    }

    /**
     * Reads a date (midnight UTC), an ISO-8601 date-time with {@code Z} or an offset, or a date-time without a
     * zone (taken as UTC).
     *
     * @param text e.g. {@code 2023-03-01}, {@code 2023-03-01T12:00:00Z}, {@code 2023-03-01T13:00:00+01:00},
     *             {@code 2023-03-01T12:00}; not null
     * @return UTC epoch milliseconds
     * @throws IllegalArgumentException when the text is none of these; its message is {@code 'TEXT' }{@link #EXPECTED}
     */
    public static long parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' " + EXPECTED, e);
        }
    }
}
