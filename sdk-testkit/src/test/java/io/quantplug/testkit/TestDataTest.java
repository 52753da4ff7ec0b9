package io.quantplug.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDataTest {

    private static final boolean ON_CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @TempDir
    Path dir;

    @Test
    void findsAFileBelowTheConfiguredDirectory() throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("feed")).resolve("bars.csv"), "x");
        String before = System.getProperty(TestData.DIRECTORY_PROPERTY);
        System.setProperty(TestData.DIRECTORY_PROPERTY, dir.toString());
        try {
            assertThat(TestData.file("feed/bars.csv")).isEqualTo(dir.resolve("feed/bars.csv"));
            assertThat(TestData.directory()).contains(dir.toAbsolutePath().normalize());
        } finally {
            if (before == null) {
                System.clearProperty(TestData.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(TestData.DIRECTORY_PROPERTY, before);
            }
        }
    }

    @Test
    void skipsATestWhoseFileIsMissingButFailsItOnCi() {
        Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> TestData.require(missing))
                .isInstanceOf(ON_CI ? AssertionFailedError.class : TestAbortedException.class)
                .hasMessageContaining(missing.toString());
    }
}
