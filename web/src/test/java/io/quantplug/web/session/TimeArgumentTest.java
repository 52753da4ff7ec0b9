package io.quantplug.web.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reading of times typed on the command line and in API requests. */
class TimeArgumentTest {

    // 2023-03-01T00:00:00Z = 19,417 days after 1970-01-01 x 86,400,000 ms = 1,677,628,800,000
    static final long MARCH_1 = 1_677_628_800_000L;

    @Test
    void aDateIsMidnightUtcAndADateTimeWithoutZoneIsUtc() {
        assertThat(TimeArgument.parse("2023-03-01")).isEqualTo(MARCH_1);
        assertThat(TimeArgument.parse("2023-03-01T12:00")).isEqualTo(MARCH_1 + 12 * 3_600_000L);
        assertThat(TimeArgument.parse("2023-03-01T12:00:00Z")).isEqualTo(MARCH_1 + 12 * 3_600_000L);
        // 13:00 at +01:00 is 12:00 UTC
        assertThat(TimeArgument.parse("2023-03-01T13:00:00+01:00")).isEqualTo(MARCH_1 + 12 * 3_600_000L);
    }

    @Test
    void anythingElseIsRefusedWithTheTextAndTheExpectedForms() {
        assertThatThrownBy(() -> TimeArgument.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'yesterday' is not a date (2023-03-01) or a date-time (2023-03-01T12:00:00Z)");
        assertThatThrownBy(() -> TimeArgument.parse("2023-02-30")).isInstanceOf(IllegalArgumentException.class);
    }
}
