package io.quantplug.api.param;

/** The value type of a parameter. */
public enum ParameterType {
    /** A whole number held as {@code long}; bounds are inclusive. */
    INTEGER,
    /** An exact decimal number held as {@link java.math.BigDecimal}; bounds are inclusive. */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Free text; bounds do not apply. */
    STRING,
    /** One of a fixed list of strings, matched exactly. */
    CHOICE
}
