package io.quantplug.sdk.marketdata.binance;

/**
 * Parses the decimal strings Binance sends for prices and quantities ({@code "61837.63000000"}) into doubles
 * without allocating.
 *
 * <p>Fast path (Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990): when the digits form an
 * integer m &lt;= 2^53 and there are at most 22 fraction digits, m and 10^k are both exact doubles and the one
 * IEEE division m / 10^k is correctly rounded, so the result equals {@link Double#parseDouble}. Anything else
 * (exponents, signs, longer mantissas) falls back to {@code Double.parseDouble}.
 */
final class DecimalText {

    private static final double[] POWERS = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1.0;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10.0;
        }
    }

    private DecimalText() {
    }

    /**
     * The value of {@code text[offset, offset + length)}.
     *
     * @throws NumberFormatException if it is not a number
     */
    static double parse(char[] text, int offset, int length) {
        long mantissa = 0;
        int fractionDigits = -1;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa > MAX_EXACT) {
                    return slow(text, offset, length);
                }
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else if (c == '.' && fractionDigits < 0) {
                fractionDigits = 0;
            } else {
                return slow(text, offset, length);
            }
        }
        if (length == 0 || fractionDigits > 22) {
            return slow(text, offset, length);
        }
        return fractionDigits <= 0 ? mantissa : mantissa / POWERS[fractionDigits];
    }

    private static double slow(char[] text, int offset, int length) {
        return Double.parseDouble(new String(text, offset, length));
    }
}
