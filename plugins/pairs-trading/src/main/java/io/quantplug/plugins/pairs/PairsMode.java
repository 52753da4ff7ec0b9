package io.quantplug.plugins.pairs;

/** Which legs a pairs position holds: both, or only the long one (for instruments that cannot be shorted). */
enum PairsMode {

    /** Only the long leg: long y when the spread is cheap, long x when it is rich. */
    LONG_ONLY,
    /** Both legs: long y and short x when the spread is cheap, short y and long x when it is rich. */
    LONG_SHORT;

    /** The parameter value of {@link #LONG_ONLY}. */
    static final String LONG_ONLY_NAME = "long-only";
    /** The parameter value of {@link #LONG_SHORT}. */
    static final String LONG_SHORT_NAME = "long-short";

    /**
     * The mode of a parameter value.
     *
     * @param name {@value #LONG_ONLY_NAME} or {@value #LONG_SHORT_NAME}
     * @return the mode
     * @throws IllegalArgumentException for any other value
     */
    static PairsMode of(String name) {
        return switch (name) {
            case LONG_ONLY_NAME -> LONG_ONLY;
            case LONG_SHORT_NAME -> LONG_SHORT;
            default -> throw new IllegalArgumentException("mode must be " + LONG_ONLY_NAME + " or "
                    + LONG_SHORT_NAME + ", got " + name);
        };
    }
}
