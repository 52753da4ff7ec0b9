package io.quantplug.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Market data files that live outside the project (too large, or under another licence, to commit): a test that
 * needs one is skipped with a message when the file is absent, except on CI ({@code CI=true}), where it fails, so
 * that CI never passes by skipping.
 *
 * <p>The data directory is the system property {@value #DIRECTORY_PROPERTY}, else the environment variable
 * {@value #DIRECTORY_VARIABLE}; set the property for tests in the surefire configuration:
 *
 * <pre>{@code
 * <systemPropertyVariables>
 *   <quantplug.test.data>${project.basedir}/../market-data</quantplug.test.data>
 * </systemPropertyVariables>
 * }</pre>
 *
 * and in the test: {@code Path file = TestData.file("BTCUSDT_1m_2022.csv");}
 */
public final class TestData {

    /** The system property naming the data directory. */
    public static final String DIRECTORY_PROPERTY = "quantplug.test.data";
    /** The environment variable naming the data directory when the system property is not set. */
    public static final String DIRECTORY_VARIABLE = "QUANTPLUG_TEST_DATA";

    private TestData() {
    }

    /**
     * The data directory, when one is configured.
     *
     * @return the directory (which may not exist), or empty when neither the property nor the variable is set
     */
    public static Optional<Path> directory() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(DIRECTORY_VARIABLE);
        }
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath().normalize());
    }

    /**
     * A file of the data directory, or skips the calling test (fails it on CI) when the directory is not
     * configured or the file is absent.
     *
     * @param relative the file's path below the data directory
     * @return the absolute path, which exists
     */
    public static Path file(String relative) {
        Optional<Path> dir = directory();
        if (dir.isEmpty()) {
            missing("no market data directory configured (system property " + DIRECTORY_PROPERTY
                    + " or environment variable " + DIRECTORY_VARIABLE + "), needed for " + relative);
        }
        return require(dir.get().resolve(relative));
    }

    /**
     * A file, or skips the calling test (fails it on CI) when it is absent.
     *
     * @param file the file
     * @return the file, which exists
     */
    public static Path require(Path file) {
        if (!Files.exists(file)) {
            missing("market data not found at " + file.toAbsolutePath().normalize());
        }
        return file;
    }

    private static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + "; CI=true, so this test may not be skipped");
        }
        Assumptions.abort(message + "; skipping");
    }
}
