package io.quantplug.runtime.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.quantplug.runtime.data.CsvFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BarFileMalformedInputTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private final BarFileReader reader = new BarFileReader();

    @Test
    void refusesAnUnparsableNumberNamingFileLineColumnAndText() {
        Path file = write(dir, "bad-number.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:01:00,11,13,10,abc,2
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":3: column 'close' is not a number: 'abc'")
                .satisfies(e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void refusesNanAndInfinityThatJavaWouldParse() {
        Path nan = write(dir, "nan.csv", HEADER + "2024-01-01 00:00:00,NaN,12,9,11,1\n");
        Path infinity = write(dir, "infinity.csv", HEADER + "2024-01-01 00:00:00,10,Infinity,9,11,1\n");

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(nan))
                .withMessage(nan + ":2: column 'open' is not a number: 'NaN'");
        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(infinity))
                .withMessage(infinity + ":2: column 'high' is not a number: 'Infinity'");
    }

    @Test
    void refusesAnEmptyVolumeInAHeaderlessFileNamingTheColumnNumber() {
        Path file = write(dir, "XBTUSD_1.csv", """
                1704067200,10,12,9,11,1,3
                1704067260,10,12,9,11,,3
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":2: column 6 is not a number: ''");
    }

    @Test
    void refusesAnUnparsableTime() {
        Path file = write(dir, "bad-time.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-02-30 00:01:00,11,13,10,12,2
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":3: time column 'timestamp' is neither an epoch number nor an"
                        + " ISO-8601 time")
                .withMessageEndingWith(": '2024-02-30 00:01:00'");
    }

    @Test
    void refusesARowWithTheWrongColumnCount() {
        Path file = write(dir, "short-row.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:01:00,11,13,10,12
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":3: expected 6 columns as in the header (line 1), found 5");
    }

    @Test
    void refusesARowWithTooManyColumnsInAHeaderlessFile() {
        Path file = write(dir, "long-row.csv", """
                1704067200,10,12,9,11,1
                1704067260,10,12,9,11,1,7
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":2: expected 6 columns as in the first row, found 7");
    }

    @Test
    void refusesHighBelowLowWithTheReasonFromBarCheck() {
        Path file = write(dir, "high-below-low.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1
                2024-01-01 00:01:00,11,9,13,12,2
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":3: low <= open, close <= high does not hold");
    }

    @Test
    void refusesANegativeVolume() {
        Path file = write(dir, "negative-volume.csv", HEADER + "2024-01-01 00:00:00,10,12,9,11,-1\n");

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":2: volume must be finite and >= 0, got -1.0");
    }

    @Test
    void reportsTheLineOfARowAfterBlankLines() {
        Path file = write(dir, "blank-lines.csv", HEADER + """
                2024-01-01 00:00:00,10,12,9,11,1

                2024-01-01 00:01:00,11,13,10,x,2
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":4: ");
    }

    @Test
    void refusesAnEmptyFile() {
        Path file = write(dir, "empty.csv", "");

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ": the file is empty");
    }

    @Test
    void refusesAFileWithOnlyAHeader() {
        Path file = write(dir, "header-only.csv", HEADER);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessage(file + ":1: no data rows after the header");
    }

    @Test
    void refusesAFileWithOnlyABanner() {
        Path file = write(dir, "banner-only.csv", "https://www.CryptoDataDownload.com\n");

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":1: no header and no data");
    }

    @Test
    void refusesAMissingFileAsUnreadable() {
        Path file = dir.resolve("absent.csv");

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ": cannot read: ");
    }

    @Test
    void refusesAFileNamedGzThatIsNotGzip() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.csv.gz"), HEADER, StandardCharsets.UTF_8);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ": cannot read: ");
    }

    @Test
    void refusesATruncatedGzipFile() throws Exception {
        Path whole = CsvFixtures.writeGzip(dir, "whole.csv.gz", HEADER + "2024-01-01 00:00:00,10,12,9,11,1\n".repeat(50));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.csv.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(truncated))
                .withMessageStartingWith(truncated + ": cannot read: ");
    }
}
