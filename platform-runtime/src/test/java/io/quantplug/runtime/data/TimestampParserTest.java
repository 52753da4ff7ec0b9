package io.quantplug.runtime.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampParserTest {

    private final TimestampParser parser = new TimestampParser();

    @ParameterizedTest
    @CsvSource({
        "1502942400,          1502942400000, EPOCH_SECONDS",
        "1502942400.0,        1502942400000, EPOCH_SECONDS",
        "1502942400.25,       1502942400250, EPOCH_SECONDS",
        "1690848000000,       1690848000000, EPOCH_MILLIS",
        "1735689600000000,    1735689600000, EPOCH_MICROS",
        "1735689600123456,    1735689600123, EPOCH_MICROS",
        "1735689600000000000, 1735689600000, EPOCH_NANOS",
    })
    void readsEpochUnitsByMagnitude(String text, long millis, TimestampFormat format) {
        assertThat(parser.parse(text)).isEqualTo(millis);
        assertThat(parser.lastFormat()).isEqualTo(format);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2023-03-01 00:00:00+00:00 | 2023-03-01T00:00:00Z",
        "2021-03-26 03:00:00       | 2021-03-26T03:00:00Z",
        "2023-03-01T00:00:00Z      | 2023-03-01T00:00:00Z",
        "2026-02-14                | 2026-02-14T00:00:00Z",
        "2024-02-29 23:59          | 2024-02-29T23:59:00Z",
        "2024-01-01T00:00:00.5Z    | 2024-01-01T00:00:00.500Z",
        "2024-01-01T00:00:00.123456| 2024-01-01T00:00:00.123Z",
        "2024-01-01T05:30:00+0530  | 2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00-05    | 2024-01-01T05:00:00Z",
        "1969-12-31T23:59:59Z      | 1969-12-31T23:59:59Z",
        "2000-03-01                | 2000-03-01T00:00:00Z",
    })
    void readsIsoForms(String text, String instant) {
        assertThat(parser.parse(text)).isEqualTo(java.time.Instant.parse(instant).toEpochMilli());
        assertThat(parser.lastFormat()).isEqualTo(TimestampFormat.ISO_8601);
    }

    @Test
    void agreesWithJavaTimeOnRandomDateTimesAndOffsets() {
        SplittableRandom random = new SplittableRandom(7);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");
        for (int i = 0; i < 50_000; i++) {
            LocalDateTime local = LocalDateTime.of(1970, 1, 1, 0, 0)
                    .plusSeconds(random.nextLong(0, 200L * 365 * 86_400));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18, 19) * 1800 % 64_800);
            OffsetDateTime time = local.atOffset(offset);
            String text = time.format(format);
            assertThat(parser.parse(text)).as(text).isEqualTo(time.toInstant().toEpochMilli());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1502942400", "2023-02-29", "2023-13-01", "2023-00-10", "2023-01-32",
        "2023-01-01 24:00:00", "2023-01-01 23:60", "2023-01-01 23:59:60", "2017-08-17 04-AM", "2023-01-01T",
        "2023-01-01 00:00:00 UTC", "2023-01-01 00:00:00+19:00", "2023-01-01 00:00:00.", "1502942400.0.0",
        "1e12", "99999999999999999999", "2023/01/01"})
    void refusesTextThatIsNotATime(String text) {
        assertThat(parser.parse(text)).as("'%s'", text).isEqualTo(TimestampParser.INVALID);
    }
}
