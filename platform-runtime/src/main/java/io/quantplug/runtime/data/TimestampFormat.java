package io.quantplug.runtime.data;

/**
 * How a time field was written. Epoch units are told apart by magnitude, per field: below 10<sup>11</sup> is
 * seconds, below 10<sup>14</sup> milliseconds, below 10<sup>17</sup> microseconds, otherwise nanoseconds (so each unit
 * covers the years 1973 to 5138).
 */
public enum TimestampFormat {

    /** Epoch seconds, optionally with a fraction, e.g. {@code 1672531200} or {@code 1502942400.0}. */
    EPOCH_SECONDS("epoch seconds"),

    /** Epoch milliseconds (13 digits today), e.g. {@code 1690848000000}. */
    EPOCH_MILLIS("epoch milliseconds"),

    /** Epoch microseconds (16 digits today), as in Binance spot dumps from 2025. */
    EPOCH_MICROS("epoch microseconds"),

    /** Epoch nanoseconds (19 digits today). */
    EPOCH_NANOS("epoch nanoseconds"),

    /**
     * ISO-8601 text: a date ({@code 2026-02-14}, midnight UTC), or a date and time separated by {@code T} or a space,
     * with optional seconds and fraction, and an optional zone {@code Z} or {@code ±HH:MM}; no zone means UTC.
     */
    ISO_8601("ISO-8601 text");

    private final String description;

    TimestampFormat(String description) {
        this.description = description;
    }

    /**
     * How the format reads in a message.
     *
     * @return e.g. {@code epoch milliseconds}
     */
    public String description() {
        return description;
    }
}
