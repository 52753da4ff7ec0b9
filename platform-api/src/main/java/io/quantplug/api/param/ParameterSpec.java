package io.quantplug.api.param;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One typed, described parameter.
 *
 * @param name         identifier used in {@code --param name=value}; starts with a letter, then letters, digits,
 *                     {@code _}, {@code -} or {@code .}
 * @param type         value type
 * @param defaultValue canonical text of the default value (parsed with {@link #parse(String)}), or null when the
 *                     parameter is required
 * @param min          inclusive lower bound for {@link ParameterType#INTEGER} and {@link ParameterType#DECIMAL},
 *                     or null for none
 * @param max          inclusive upper bound, or null for none
 * @param choices      allowed values of a {@link ParameterType#CHOICE}, empty for other types
 * @param unit         unit shown beside the value ({@code bars}, {@code %}, {@code bps}, {@code USDT}), or null
 * @param description  what the parameter does, not blank
 */
public record ParameterSpec(String name, ParameterType type, String defaultValue, BigDecimal min, BigDecimal max,
                            List<String> choices, String unit, String description) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    /** Longest decimal text parsed: a value is a price, an amount or a ratio, never a thousand digits. */
    private static final int MAX_DECIMAL_CHARS = 64;
    /** Most digits before or after the point of a decimal value ({@code 1e999999999} is refused). */
    private static final int MAX_DECIMAL_DIGITS = 30;

    /**
     * Validates the spec: a legal name, consistent bounds, choices only for {@code CHOICE}, and a default that is
     * itself valid.
     *
     * @param name identifier used in {@code --param name=value}; starts with a letter, then letters, digits, {@code _}, {@code -} or {@code .}
     * @param type value type
     * @param defaultValue canonical text of the default value (parsed with {@link #parse(String)}), or null when the parameter is required
     * @param min inclusive lower bound for {@link ParameterType#INTEGER} and {@link ParameterType#DECIMAL}, or null for none
     * @param max inclusive upper bound, or null for none
     * @param choices allowed values of a {@link ParameterType#CHOICE}, empty for other types
     * @param unit unit shown beside the value ({@code bars}, {@code %}, {@code bps}, {@code USDT}), or null
     * @param description what the parameter does, not blank
     * @throws IllegalArgumentException when the spec is inconsistent
     * 
     */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices == null ? List.of() : choices);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' must match " + NAME.pattern());
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a description");
        }
        boolean numeric = type == ParameterType.INTEGER || type == ParameterType.DECIMAL;
        if (!numeric && (min != null || max != null)) {
            throw new IllegalArgumentException("parameter '" + name + "' of type " + type + " cannot have bounds");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("parameter '" + name + "' has min " + min + " above max " + max);
        }
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs at least one choice");
        }
        if (type != ParameterType.CHOICE && !choices.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + name + "' of type " + type + " cannot have choices");
        }
    }

    /**
     * Starts an {@link ParameterType#INTEGER} parameter.
     *
     * @param name the parameter name
     * @return a builder
     */
    public static Builder integer(String name) {
        return new Builder(name, ParameterType.INTEGER);
    }

    /**
     * Starts a {@link ParameterType#DECIMAL} parameter.
     *
     * @param name the parameter name
     * @return a builder
     */
    public static Builder decimal(String name) {
        return new Builder(name, ParameterType.DECIMAL);
    }

    /**
     * Starts a {@link ParameterType#BOOLEAN} parameter.
     *
     * @param name the parameter name
     * @return a builder
     */
    public static Builder bool(String name) {
        return new Builder(name, ParameterType.BOOLEAN);
    }

    /**
     * Starts a {@link ParameterType#STRING} parameter.
     *
     * @param name the parameter name
     * @return a builder
     */
    public static Builder string(String name) {
        return new Builder(name, ParameterType.STRING);
    }

    /**
     * Starts a {@link ParameterType#CHOICE} parameter.
     *
     * @param name    the parameter name
     * @param choices the allowed values, at least one
     * @return a builder
     */
    public static Builder choice(String name, String... choices) {
        Builder b = new Builder(name, ParameterType.CHOICE);
        b.choices = List.of(choices);
        return b;
    }

    /**
     * Whether the parameter must be given because it has no default.
     *
     * @return true when {@link #defaultValue()} is null
     */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * Parses and checks one value of this parameter.
     *
     * @param text the value as typed by a user, not null
     * @return a {@link Long}, {@link BigDecimal}, {@link Boolean} or {@link String} according to {@link #type()}
     * @throws InvalidParameterException when the text is not of the type or outside the bounds or choices (a
     *                                   decimal of magnitude 10^30 or more, with more than 30 digits after the
     *                                   point, or longer than 64 characters is refused whatever the bounds); the
     *                                   message names the parameter and the allowed values, and quotes at most
     *                                   64 characters of the text
     */
    public Object parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        switch (type) {
            case INTEGER -> {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw invalid(text, "is not a whole number");
                }
                checkBounds(text, BigDecimal.valueOf(v));
                return v;
            }
            case DECIMAL -> {
                BigDecimal v;
                try {
                    v = t.length() > MAX_DECIMAL_CHARS ? null : new BigDecimal(t);
                } catch (NumberFormatException e) {
                    throw invalid(text, "is not a decimal number");
                }
                if (v == null || v.signum() != 0
                        && (v.precision() - v.scale() > MAX_DECIMAL_DIGITS || v.scale() > MAX_DECIMAL_DIGITS)) {
                    throw invalid(text, "is not a decimal below 10^" + MAX_DECIMAL_DIGITS + " with at most "
                            + MAX_DECIMAL_DIGITS + " digits after the point");
                }
                checkBounds(text, v);
                return v;
            }
            case BOOLEAN -> {
                String lower = t.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return Boolean.valueOf(lower);
                }
                throw invalid(text, "is not true or false");
            }
            case CHOICE -> {
                if (choices.contains(t)) {
                    return t;
                }
                throw invalid(text, "is not one of " + String.join(", ", choices));
            }
            default -> {
                return text;
            }
        }
    }

    /**
     * Describes the allowed values, e.g. {@code integer 1 .. 1000 (bars)} or {@code one of a, b}.
     *
     * @return a short human-readable description of the domain
     */
    public String allowedValues() {
        String u = unit == null ? "" : " (" + unit + ")";
        return switch (type) {
            case INTEGER, DECIMAL -> {
                String kind = type == ParameterType.INTEGER ? "integer" : "decimal";
                if (min == null && max == null) {
                    yield "any " + kind + u;
                }
                String lo = min == null ? "-inf" : min.toPlainString();
                String hi = max == null ? "+inf" : max.toPlainString();
                yield kind + " " + lo + " .. " + hi + u;
            }
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case STRING -> "any text";
        };
    }

    private void checkBounds(String text, BigDecimal v) {
        if ((min != null && v.compareTo(min) < 0) || (max != null && v.compareTo(max) > 0)) {
            throw new InvalidParameterException(name, "parameter '" + name + "' = " + brief(text.strip())
                    + " is out of range: allowed " + allowedValues());
        }
    }

    private InvalidParameterException invalid(String text, String why) {
        return new InvalidParameterException(name, "parameter '" + name + "' = '" + brief(text) + "' " + why
                + ": allowed " + allowedValues());
    }

    /** A user's text in a message: at most 64 characters, so a refusal never echoes a huge value. */
    private static String brief(String text) {
        return text.length() <= MAX_DECIMAL_CHARS ? text : text.substring(0, MAX_DECIMAL_CHARS) + "… ("
                + text.length() + " characters)";
    }

    /** Builds a {@link ParameterSpec}; {@link #description(String)} is required. */
    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private String defaultValue;
        private BigDecimal min;
        private BigDecimal max;
        private List<String> choices = List.of();
        private String unit;
        private String description;

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        /**
         * Sets the default value.
         *
         * @param value the default, converted with {@link String#valueOf(Object)}; must satisfy the bounds
         * @return this builder
         */
        public Builder defaultValue(Object value) {
            this.defaultValue = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            return this;
        }

        /**
         * Sets inclusive bounds.
         *
         * @param min lower bound, inclusive
         * @param max upper bound, inclusive
         * @return this builder
         */
        public Builder range(Number min, Number max) {
            this.min = new BigDecimal(min.toString());
            this.max = new BigDecimal(max.toString());
            return this;
        }

        /**
         * Sets an inclusive lower bound only.
         *
         * @param min lower bound, inclusive
         * @return this builder
         */
        public Builder min(Number min) {
            this.min = new BigDecimal(min.toString());
            return this;
        }

        /**
         * Sets the unit shown beside values.
         *
         * @param unit e.g. {@code bars}, {@code %}, {@code bps}
         * @return this builder
         */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description what the parameter does
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Builds and validates the spec, including its default value.
         *
         * @return the spec
         * @throws IllegalArgumentException when the spec or its default is invalid
         */
        public ParameterSpec build() {
            ParameterSpec spec = new ParameterSpec(name, type, defaultValue, min, max, choices, unit,
                    description == null ? "" : description);
            if (defaultValue != null) {
                spec.parse(defaultValue);
            }
            return spec;
        }
    }
}
