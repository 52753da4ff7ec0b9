package io.quantplug.runtime.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1", "42283.58", "0.00334", "1.17983000", "6503753.30000000", "4503",
        "0.1", "0.3", "+2.5", "-17.25", "1e3", "1.2E-3", "123456789012345678", "1234567890123456789012",
        "0.000000000000000000000000001", "9007199254740993", "1.7976931348623157e308", "4.9e-324", "1.", ".5",
        "1260259314.3600264", "175453443.09215124", "2.2250738585072011e-308"})
    void parsesLikeDoubleParseDoubleToTheLastBit(String text) {
        assertThat(Double.doubleToRawLongBits(DecimalParser.parse(text)))
                .as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void parsesRandomPricesAndVolumesLikeDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(20240101);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int integerDigits = random.nextInt(1, 12);
            for (int d = 0; d < integerDigits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            int fractionDigits = random.nextInt(0, 12);
            if (fractionDigits > 0) {
                text.append('.');
                for (int d = 0; d < fractionDigits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(10) == 0) {
                text.append('e').append(random.nextInt(-30, 30));
            }
            String s = text.toString();
            assertThat(DecimalParser.parse(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void ignoresSpacesAroundTheNumber() {
        assertThat(DecimalParser.parse("  12.5 ")).isEqualTo(12.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "NaN", "Infinity", "-Infinity", "0x1p3", "1d", "1f", "abc", "1.2.3", "--1",
        "+-1", "1e", "1e+", "e5", ".", "-", "1,5", "NULL", "1 2"})
    void refusesTextThatIsNotAPlainDecimal(String text) {
        assertThat(DecimalParser.parse(text)).as("'%s'", text).isNaN();
    }

    @Test
    void parsesASliceOfALargerBuffer() {
        char[] buffer = "x,42283.58,y".toCharArray();

        assertThat(DecimalParser.parse(buffer, 2, 8)).isEqualTo(42283.58);
    }
}
