package io.quantplug.sdk.marketdata.binance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation-free decimal parser agrees with the JDK's correctly rounded {@link Double#parseDouble}. */
class DecimalTextTest {

    @Test
    void decimalTextMatchesDoubleParseDouble() {
        String[] samples = {"61837.63000000", "0.00000001", "2.507", "1645", "0", "9007199254740993",
            "123456789.123456789", "1e-3", "-1.5", "0.1000000000000000000000001"};
        for (String s : samples) {
            assertThat(DecimalText.parse(s.toCharArray(), 0, s.length())).as(s).isEqualTo(Double.parseDouble(s));
        }
    }
}
