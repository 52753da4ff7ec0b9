package io.quantplug.app;

import io.quantplug.api.market.Timeframe;
import io.quantplug.sdk.bar.ActivityBarAggregator;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * How a replay makes bars of its trades, as {@code --bar} gives it: time bars of a length ({@code 1s}, {@code 1m},
 * ...), volume bars of a base quantity ({@code volume:50}) or dollar bars of a quote notional
 * ({@code dollar:2000000}), after López de Prado, <i>Advances in Financial Machine Learning</i> (2018), §2.3.1.
 *
 * @param measure   null for time bars; the sum that closes a volume or dollar bar otherwise
 * @param length    the time bars' length; null for volume and dollar bars
 * @param threshold the base quantity (volume) or quote notional (dollar) that closes a bar, &gt; 0; 0 for time bars
 */
public record BarSpec(ActivityBarAggregator.Measure measure, Timeframe length, double threshold) {

    /** The largest threshold taken: beyond it a bar would never close on any market's day. */
    static final double MAX_THRESHOLD = 1e15;

    /**
     * Checks that exactly one of the two kinds is given.
     *
     * @param measure   null for time bars
     * @param length    the time bars' length, or null
     * @param threshold the activity bars' threshold, or 0
     * @throws IllegalArgumentException when both or neither kind is given, or the threshold is out of range
     */
    public BarSpec {
        if ((measure == null) == (length == null)) {
            throw new IllegalArgumentException("give a time bar length or a volume/dollar measure, not both");
        }
        if (measure != null && !(threshold > 0 && threshold <= MAX_THRESHOLD)) {
            throw new IllegalArgumentException("threshold must be > 0 and <= 1e15, got " + threshold);
        }
    }

    /**
     * Time bars.
     *
     * @param length their length
     * @return the spec
     */
    public static BarSpec time(Timeframe length) {
        return new BarSpec(null, Objects.requireNonNull(length, "length"), 0);
    }

    /**
     * Parses the value of {@code --bar}.
     *
     * @param text {@code <n>s|m|h|d|w} (time bars), {@code volume:<quantity>} or {@code dollar:<notional>}
     * @return the spec
     * @throws UserInputException naming {@code --bar}, the allowed forms and the allowed range
     */
    public static BarSpec parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        if (colon < 0) {
            try {
                return time(Timeframe.parse(t));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--bar '" + text + "': give a bar length (1s, 1m, 1h, ...),"
                        + " volume:QUANTITY (base units) or dollar:NOTIONAL (quote currency)");
            }
        }
        String kind = t.substring(0, colon);
        ActivityBarAggregator.Measure measure = switch (kind) {
            case "volume" -> ActivityBarAggregator.Measure.VOLUME;
            case "dollar" -> ActivityBarAggregator.Measure.DOLLAR;
            default -> throw new UserInputException("--bar '" + text + "': the kind before ':' must be volume or"
                    + " dollar");
        };
        BigDecimal value;
        try {
            value = new BigDecimal(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserInputException("--bar '" + text + "': " + kind + " must be a number > 0 and <= 1e15");
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(MAX_THRESHOLD)) > 0) {
            throw new UserInputException("--bar " + kind + " = " + value.toPlainString()
                    + " is out of range: allowed > 0 and <= 1e15");
        }
        return new BarSpec(measure, null, value.doubleValue());
    }

    /**
     * Whether the bars close on traded volume or notional rather than on the clock.
     *
     * @return true for volume and dollar bars
     */
    public boolean activity() {
        return measure != null;
    }

    /**
     * The short label, as {@code --bar} takes it: {@code 1s}, {@code volume:50}, {@code dollar:2000000}.
     *
     * @return the label
     */
    public String label() {
        if (measure == null) {
            return length.label();
        }
        return measure.name().toLowerCase(Locale.ROOT) + ":" + BigDecimal.valueOf(threshold).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * What a bar is, for messages: {@code 1s}, {@code 50 base units of volume}, {@code 2000000 of quote notional}.
     *
     * @return the description
     */
    public String describe() {
        if (measure == null) {
            return length.label();
        }
        String n = BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
        return measure == ActivityBarAggregator.Measure.VOLUME ? "volume " + n + " (base units)"
                : "dollar " + n + " (quote notional)";
    }
}
