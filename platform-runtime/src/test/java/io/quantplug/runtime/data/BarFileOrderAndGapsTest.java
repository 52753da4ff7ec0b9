package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.quantplug.runtime.data.CsvFixtures.JAN_1_2024;
import static io.quantplug.runtime.data.CsvFixtures.MINUTE;
import static io.quantplug.runtime.data.CsvFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BarFileOrderAndGapsTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private final BarFileReader reader = new BarFileReader();

    @Test
    void reversesANewestFirstFileToOldestFirst() {
        LoadedBars loaded = reader.read(write(dir, "newest-first.csv", HEADER + """
                2024-01-01 00:02:00,12,14,11,13,3
                2024-01-01 00:01:00,11,13,10,12,2
                2024-01-01 00:00:00,10,12,9,11,1
                """));

        assertThat(loaded.report().reversed()).isTrue();
        BarSeries bars = loaded.series();
        assertThat(bars.openTimeMillis(0)).isEqualTo(JAN_1_2024);
        assertThat(bars.openTimeMillis(2)).isEqualTo(JAN_1_2024 + 2 * MINUTE);
        assertThat(bars.volume(0)).isEqualTo(1);
        assertThat(bars.volume(2)).isEqualTo(3);
    }

    @Test
    void dropsAndCountsExactDuplicateRows() {
        LoadedBars loaded = reader.read(write(dir, "exact-duplicates.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:01:00,11,13,10,12,2
                2024-01-01 00:01:00,11.0,13.00,10,12,2.0
                2024-01-01 00:02:00,12,14,11,13,3
                2024-01-01 00:02:00,12,14,11,13,3
                """));

        assertThat(loaded.report().dataRows()).isEqualTo(5);
        assertThat(loaded.report().exactDuplicatesDropped()).isEqualTo(2);
        assertThat(loaded.report().bars()).isEqualTo(3);
        assertThat(loaded.series().size()).isEqualTo(3);
        assertThat(loaded.report().gapFree()).isTrue();
    }

    @Test
    void dropsExactDuplicatesInANewestFirstFileToo() {
        LoadedBars loaded = reader.read(write(dir, "newest-first-duplicates.csv", HEADER + """
                2024-01-01 00:01:00,11,13,10,12,2
                2024-01-01 00:01:00,11,13,10,12,2
                2024-01-01 00:00:00,10,12,9,11,1
                """));

        assertThat(loaded.report().reversed()).isTrue();
        assertThat(loaded.report().exactDuplicatesDropped()).isEqualTo(1);
        assertThat(loaded.series().size()).isEqualTo(2);
    }

    @Test
    void refusesAConflictingDuplicateNamingBothLinesAndTheDifferingValues() {
        Path file = write(dir, "conflict.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:01:00,11,13,10,12,2
                2024-01-01 00:01:00,11,13,10,12.5,2.25
                2024-01-01 00:02:00,12,14,11,13,3
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":4: conflicting duplicate: lines 3 and 4 both open at 2024-01-01T00:01:00Z"
                        + " but differ: close 12.0 vs 12.5, volume 2.0 vs 2.25")
                .satisfies(e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void refusesARowOutOfOrderNamingItAndThePreviousRowWithTheirTimes() {
        Path file = write(dir, "out-of-order.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:02:00,12,14,11,13,3
                2024-01-01 00:01:00,11,13,10,12,2
                2024-01-01 00:03:00,12,14,11,13,3
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":4: row out of order: line 4 opens at 2024-01-01T00:01:00Z, earlier than"
                        + " 2024-01-01T00:02:00Z on the row before it (line 3), but the file runs oldest first");
    }

    @Test
    void summarisesConflictsAndRowsOutOfOrderOfTwoOverlappingExports() {
        Path file = write(dir, "spliced.csv", """
                unix,open,high,low,close,volume
                1704074400000,13.00000000,15.00000000,12.00000000,14.00000000,4.12345678
                1704070800000,12.00000000,14.00000000,11.00000000,13.00000000,3.12345678
                1704070800.0,12,14,11,13,3.12
                1704067200000,11.00000000,13.00000000,10.00000000,12.00000000,2.12345678
                1704067200.0,11,13,10,12,2.12
                1704078000000,10,12,9,11,1
                1704063600.0,10,12,9,11,1
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":4: rows are not in time order: 2 conflicting duplicates"
                        + " (same open time, different values) and 1 row out of order.")
                .withMessageContaining("First conflicting duplicate: lines 3 and 4 both open at 2024-01-01T01:00:00Z"
                        + " (written as epoch milliseconds and epoch seconds) but differ: volume 3.12345678 vs 3.12")
                .withMessageContaining("Conflicting duplicates span 2024-01-01T00:00:00Z .. 2024-01-01T01:00:00Z")
                .withMessageContaining("2 of them pair rows whose time is written differently (epoch milliseconds"
                        + " vs epoch seconds): the file looks like two exports that overlap")
                .withMessageContaining("First row out of order: line 7 opens at 2024-01-01T03:00:00Z, later than"
                        + " 2024-01-01T00:00:00Z on the row before it (line 6), but the file runs newest first");
    }

    @Test
    void reportsAGapWithItsMissingBarCount() {
        LoadedBars loaded = reader.read(write(dir, "gap.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:01:00,11,13,10,12,2
                2024-01-01 00:02:00,12,14,11,13,3
                2024-01-01 00:06:00,12,14,11,13,3
                2024-01-01 00:07:00,12,14,11,13,3
                2024-01-01 00:09:00,12,14,11,13,3
                """));

        ImportReport report = loaded.report();
        assertThat(report.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(report.gaps()).containsExactly(
                new Gap(JAN_1_2024 + 2 * MINUTE, JAN_1_2024 + 6 * MINUTE, 3),
                new Gap(JAN_1_2024 + 7 * MINUTE, JAN_1_2024 + 9 * MINUTE, 1));
        assertThat(report.missingBars()).isEqualTo(4);
        assertThat(report.gapFree()).isFalse();
    }

    @Test
    void detectsTheTimeframeAsTheMostCommonStepBetweenBars() {
        // steps: 5m, 5m, 15m, 5m, 10m -> most common is 5m
        LoadedBars loaded = reader.read(write(dir, "five-minutes.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:05:00,10,12,9,11,1
                2024-01-01 00:10:00,10,12,9,11,1
                2024-01-01 00:25:00,10,12,9,11,1
                2024-01-01 00:30:00,10,12,9,11,1
                2024-01-01 00:40:00,10,12,9,11,1
                """));

        assertThat(loaded.report().timeframe()).isEqualTo(Timeframe.M5);
        assertThat(loaded.report().missingBars()).isEqualTo(3);
    }

    @Test
    void breaksATieBetweenEquallyCommonStepsWithTheShorter() {
        LoadedBars loaded = reader.read(write(dir, "tie.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:02:00,10,12,9,11,1
                2024-01-01 00:03:00,10,12,9,11,1
                """));

        assertThat(loaded.report().timeframe()).isEqualTo(Timeframe.M1);
        assertThat(loaded.report().gaps()).containsExactly(new Gap(JAN_1_2024, JAN_1_2024 + 2 * MINUTE, 1));
    }

    @Test
    void refusesAStepThatIsNotAWholeNumberOfBars() {
        Path file = write(dir, "misaligned.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:01:00,10,12,9,11,1
                2024-01-01 00:02:00,10,12,9,11,1
                2024-01-01 00:02:30,10,12,9,11,1
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":5: bar at 2024-01-01T00:02:30Z opens 30000 ms after the bar at"
                        + " 2024-01-01T00:02:00Z (line 4), not a whole number of 1m bars");
    }

    @Test
    void refusesASingleBarWhoseTimeframeCannotBeDetected() {
        Path file = write(dir, "one-bar.csv", HEADER + "2024-01-01 00:00:00,10,12,9,11,1\n");

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":2: only one bar: the timeframe cannot be detected from fewer than 2 bars;"
                        + " read the file with the expected timeframe");
    }

    @Test
    void loadsASingleBarWhenTheTimeframeIsGiven() {
        LoadedBars loaded = reader.read(write(dir, "one-day.csv", HEADER + "2024-01-01,10,12,9,11,1\n"),
                Timeframe.D1);

        assertThat(loaded.report().timeframe()).isEqualTo(Timeframe.D1);
        assertThat(loaded.series().timeframe()).isEqualTo(Timeframe.D1);
        assertThat(loaded.series().size()).isEqualTo(1);
        assertThat(loaded.report().gapFree()).isTrue();
    }

    @Test
    void usesTheExpectedTimeframeForGaps() {
        LoadedBars loaded = reader.read(write(dir, "sparse.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:05:00,10,12,9,11,1
                """), Timeframe.M1);

        assertThat(loaded.report().timeframe()).isEqualTo(Timeframe.M1);
        assertThat(loaded.report().missingBars()).isEqualTo(4);
    }

    @Test
    void refusesAStepThatIsNotAMultipleOfTheExpectedTimeframe() {
        Path file = write(dir, "minutes.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:01:00,10,12,9,11,1
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file, Timeframe.M5))
                .withMessageStartingWith(file + ":3: ")
                .withMessageContaining("not a whole number of 5m bars (the expected timeframe)");
    }
}
