package io.quantplug.runtime.data;

/**
 * Parses a plain decimal number ({@code 123}, {@code -0.5}, {@code 1.2e-3}) from a slice of a character buffer
 * without allocating, and returns the same {@code double} as {@link Double#parseDouble}.
 *
 * <p>Fast path (Clinger 1990, "How to read floating point numbers accurately", PLDI '90): when the significant digits
 * form an integer below 2<sup>53</sup> and the decimal exponent is within &plusmn;22, both the integer and the power of
 * ten are exact doubles, so one IEEE multiplication or division yields the correctly rounded result. Other valid
 * numbers (more than 18 significant digits, large exponents) fall back to {@link Double#parseDouble}. Text that is
 * not a plain decimal ({@code NaN}, {@code Infinity}, hexadecimal, a {@code d}/{@code f} suffix, empty) is refused,
 * unlike {@link Double#parseDouble}.
 *
 * <p>Stateless and thread-safe.
 */
final class DecimalParser {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final int MAX_FAST_DIGITS = 18;
    private static final int MAX_EXPONENT = 100_000;

    private DecimalParser() {
    }

    /**
     * Parses {@code buffer[offset, offset + length)}, ignoring spaces around the number.
     *
     * @param buffer the characters
     * @param offset index of the first character
     * @param length number of characters
     * @return the value, or {@link Double#NaN} when the text is not a plain decimal number
     */
    static double parse(char[] buffer, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && buffer[i] == ' ') {
            i++;
        }
        while (end > i && buffer[end - 1] == ' ') {
            end--;
        }
        int start = i;
        boolean negative = false;
        if (i < end && (buffer[i] == '-' || buffer[i] == '+')) {
            negative = buffer[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean tooLong = false;
        boolean fraction = false;
        for (; i < end; i++) {
            char c = buffer[i];
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (mantissa != 0 || c != '0') {
                    significantDigits++;
                }
                if (significantDigits <= MAX_FAST_DIGITS) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (fraction) {
                        exponent--;
                    }
                } else {
                    tooLong = true;
                }
            } else if (c == '.' && !fraction) {
                fraction = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            return Double.NaN;
        }
        if (i < end && (buffer[i] == 'e' || buffer[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (buffer[i] == '-' || buffer[i] == '+')) {
                negativeExponent = buffer[i] == '-';
                i++;
            }
            int digitsStart = i;
            int value = 0;
            for (; i < end && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
                value = Math.min(MAX_EXPONENT, value * 10 + (buffer[i] - '0'));
            }
            if (i == digitsStart) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -value : value;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (!tooLong && mantissa < MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            double value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent]
                    : mantissa / POWERS_OF_TEN[-exponent];
            return negative ? -value : value;
        }
        return Double.parseDouble(new String(buffer, start, end - start));
    }

    /**
     * Parses a whole string; see {@link #parse(char[], int, int)}.
     *
     * @param text the text
     * @return the value, or {@link Double#NaN} when the text is not a plain decimal number
     */
    static double parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }
}
