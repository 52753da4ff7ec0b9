package io.quantplug.runtime.data;

/**
 * Parses a bar time field into UTC epoch milliseconds without allocating: an epoch number in seconds, milliseconds,
 * microseconds or nanoseconds (told apart by magnitude, see {@link TimestampFormat}), or ISO-8601 text.
 *
 * <p>Accepted ISO-8601 forms: {@code 2026-02-14} (midnight UTC); {@code 2021-03-26 03:00}, {@code 2021-03-26
 * 03:00:00}, {@code 2023-03-01T00:00:00.250} (no zone means UTC); any of these followed by {@code Z} or an offset
 * {@code +00:00}, {@code -05:00}, {@code +0530} or {@code +05}. Sub-millisecond digits are truncated.
 *
 * <p>Keeps the format of the last successful parse, so one instance belongs to one import on one thread.
 */
final class TimestampParser {

    /** Returned by {@link #parse} when the text is not a time. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long SECONDS_LIMIT = 100_000_000_000L;
    private static final long MILLIS_LIMIT = 100_000_000_000_000L;
    private static final long MICROS_LIMIT = 100_000_000_000_000_000L;

    private TimestampFormat lastFormat;

    /**
     * The format of the last field parsed successfully.
     *
     * @return the format, or null before the first success
     */
    TimestampFormat lastFormat() {
        return lastFormat;
    }

    /**
     * Parses {@code buffer[offset, offset + length)}, ignoring spaces around the time.
     *
     * @param buffer the characters
     * @param offset index of the first character
     * @param length number of characters
     * @return UTC epoch milliseconds, or {@link #INVALID} when the text is not an epoch number or ISO-8601 time
     */
    long parse(char[] buffer, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && buffer[start] == ' ') {
            start++;
        }
        while (end > start && buffer[end - 1] == ' ') {
            end--;
        }
        if (end - start >= 10 && buffer[start + 4] == '-') {
            return parseIso(buffer, start, end);
        }
        return parseEpoch(buffer, start, end);
    }

    /**
     * Parses a whole string; see {@link #parse(char[], int, int)}.
     *
     * @param text the text
     * @return UTC epoch milliseconds, or {@link #INVALID}
     */
    long parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    private long parseEpoch(char[] b, int start, int end) {
        long whole = 0;
        int i = start;
        for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
            int digit = b[i] - '0';
            if (whole > (Long.MAX_VALUE - digit) / 10) {
                return INVALID;
            }
            whole = whole * 10 + digit;
        }
        if (i == start) {
            return INVALID;
        }
        int fractionMillis = 0;
        if (i < end && b[i] == '.') {
            i++;
            int fractionStart = i;
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
                if (i - fractionStart < 3) {
                    fractionMillis += (b[i] - '0') * (i == fractionStart ? 100 : i == fractionStart + 1 ? 10 : 1);
                }
            }
        }
        if (i != end) {
            return INVALID;
        }
        if (whole < SECONDS_LIMIT) {
            lastFormat = TimestampFormat.EPOCH_SECONDS;
            return whole * 1000 + fractionMillis;
        }
        if (whole < MILLIS_LIMIT) {
            lastFormat = TimestampFormat.EPOCH_MILLIS;
            return whole;
        }
        if (whole < MICROS_LIMIT) {
            lastFormat = TimestampFormat.EPOCH_MICROS;
            return whole / 1000;
        }
        lastFormat = TimestampFormat.EPOCH_NANOS;
        return whole / 1_000_000;
    }

    private long parseIso(char[] b, int start, int end) {
        int year = digits(b, start, 4);
        int month = digits(b, start + 5, 2);
        int day = digits(b, start + 8, 2);
        if (year < 0 || month < 1 || month > 12 || b[start + 7] != '-' || day < 1
                || day > daysInMonth(year, month)) {
            return INVALID;
        }
        long secondOfDay = 0;
        int millis = 0;
        int i = start + 10;
        if (i < end) {
            char separator = b[i];
            if ((separator != 'T' && separator != 't' && separator != ' ') || end - i < 6 || b[i + 3] != ':') {
                return INVALID;
            }
            int hour = digits(b, i + 1, 2);
            int minute = digits(b, i + 4, 2);
            int second = 0;
            i += 6;
            if (i < end && b[i] == ':') {
                second = end - i >= 3 ? digits(b, i + 1, 2) : -1;
                i += 3;
                if (i < end && (b[i] == '.' || b[i] == ',')) {
                    int fractionStart = ++i;
                    for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
                        if (i - fractionStart < 3) {
                            millis = millis * 10 + (b[i] - '0');
                        }
                    }
                    if (i == fractionStart) {
                        return INVALID;
                    }
                    for (int pad = Math.min(3, i - fractionStart); pad < 3; pad++) {
                        millis *= 10;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return INVALID;
            }
            secondOfDay = hour * 3600L + minute * 60L + second;
        }
        long offsetSeconds = 0;
        if (i < end) {
            offsetSeconds = parseOffset(b, i, end);
            if (offsetSeconds == INVALID) {
                return INVALID;
            }
        }
        lastFormat = TimestampFormat.ISO_8601;
        return (epochDay(year, month, day) * 86_400L + secondOfDay - offsetSeconds) * 1000L + millis;
    }

    /** Parses {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM} filling {@code b[i, end)} exactly. */
    private static long parseOffset(char[] b, int i, int end) {
        int length = end - i;
        if (length == 1 && (b[i] == 'Z' || b[i] == 'z')) {
            return 0;
        }
        if (b[i] != '+' && b[i] != '-') {
            return INVALID;
        }
        int hours = length >= 3 ? digits(b, i + 1, 2) : -1;
        int minutes;
        if (length == 3) {
            minutes = 0;
        } else if (length == 5) {
            minutes = digits(b, i + 3, 2);
        } else if (length == 6 && b[i + 3] == ':') {
            minutes = digits(b, i + 4, 2);
        } else {
            return INVALID;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return INVALID;
        }
        long seconds = hours * 3600L + minutes * 60L;
        return b[i] == '-' ? -seconds : seconds;
    }

    /** The value of {@code count} decimal digits at {@code b[i]}, or -1 when one of them is not a digit. */
    private static int digits(char[] b, int i, int count) {
        int value = 0;
        for (int k = i; k < i + count; k++) {
            char c = b[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * Days from 1970-01-01 to a proleptic Gregorian date: the {@code days_from_civil} algorithm of Howard Hinnant,
     * "chrono-Compatible Low-Level Date Algorithms" (2013), http://howardhinnant.github.io/date_algorithms.html.
     */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
