package io.quantplug.api.market;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length of a bar, written like Binance kline intervals: {@code 1s}, {@code 1m}, {@code 15m}, {@code 1h},
 * {@code 4h}, {@code 1d}, {@code 1w}.
 *
 * @param millis bar length in milliseconds, &gt; 0
 */
public record Timeframe(long millis) implements Comparable<Timeframe> {

    /** One minute. */
    public static final Timeframe M1 = new Timeframe(60_000L);
    /** Five minutes. */
    public static final Timeframe M5 = new Timeframe(300_000L);
    /** Fifteen minutes. */
    public static final Timeframe M15 = new Timeframe(900_000L);
    /** One hour. */
    public static final Timeframe H1 = new Timeframe(3_600_000L);
    /** Four hours. */
    public static final Timeframe H4 = new Timeframe(14_400_000L);
    /** One day (UTC). */
    public static final Timeframe D1 = new Timeframe(86_400_000L);

    private static final Pattern TEXT = Pattern.compile("(\\d+)([smhdw])");
    private static final long[] UNIT_MILLIS = {604_800_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L};
    private static final char[] UNIT_CHARS = {'w', 'd', 'h', 'm', 's'};

    /**
     * Validates the length.
     *
     * @param millis bar length in milliseconds, &gt; 0
     * @throws IllegalArgumentException when {@code millis <= 0}
     * 
     */
    public Timeframe {
        if (millis <= 0) {
            throw new IllegalArgumentException("timeframe must be > 0 ms, got " + millis);
        }
    }

    /**
     * Parses {@code <n><unit>} with unit {@code s}, {@code m}, {@code h}, {@code d} or {@code w}.
     *
     * @param text e.g. {@code 1m} or {@code 4h}
     * @return the timeframe
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Timeframe parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("timeframe '" + text
                    + "' must be a number followed by s, m, h, d or w (e.g. 1m, 15m, 1h, 1d)");
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2).charAt(0)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> 604_800_000L;
        };
        return new Timeframe(Math.multiplyExact(n, unit));
    }

    /**
     * The timeframe of a duration.
     *
     * @param duration a positive duration
     * @return the timeframe
     */
    public static Timeframe of(Duration duration) {
        return new Timeframe(duration.toMillis());
    }

    /**
     * The length as a duration.
     *
     * @return the bar length
     */
    public Duration duration() {
        return Duration.ofMillis(millis);
    }

    /**
     * How many bars of this length fit in a 365-day year; the annualisation factor for 24/7 markets.
     *
     * @return 365 days divided by the bar length
     */
    public double barsPerYear() {
        return 365.0 * 86_400_000.0 / millis;
    }

    /**
     * The shortest label, e.g. {@code 1m}, {@code 90s}, {@code 1w}.
     *
     * @return the label; {@code <n>ms} when the length is not a whole number of seconds
     */
    public String label() {
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (millis % UNIT_MILLIS[i] == 0) {
                return (millis / UNIT_MILLIS[i]) + String.valueOf(UNIT_CHARS[i]);
            }
        }
        return millis + "ms";
    }

    @Override
    public int compareTo(Timeframe o) {
        return Long.compare(millis, o.millis);
    }

    @Override
    public String toString() {
        return label();
    }
}
