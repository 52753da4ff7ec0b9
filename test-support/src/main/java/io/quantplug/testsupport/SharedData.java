package io.quantplug.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real market data in {@code ../shared/data} beside the repository root.
 *
 * <p>When a file is missing, a test is skipped with a message saying where the data was looked for, except on CI
 * ({@code CI=true}), where a missing file fails the test: CI must never pass by skipping the real-data tests.
 */
public final class SharedData {

    private SharedData() {
    }

    /**
     * The repository root: {@code QUANTPLUG_REPO_ROOT} (set by the build), else the nearest ancestor of the working
     * directory holding {@code .ci} or a {@code pom.xml} of artifact {@code quantplug-parent}.
     *
     * @return the absolute repository root
     */
    public static Path repositoryRoot() {
        String env = System.getenv("QUANTPLUG_REPO_ROOT");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path pom = d.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>quantplug-parent</artifactId>")
                        && !Files.readString(pom).contains("<parent>")) {
                    return d;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return dir;
    }

    /**
     * The shared data folder, {@code <repository root>/../shared/data}.
     *
     * @return its absolute path (which may not exist)
     */
    public static Path dataDir() {
        return repositoryRoot().resolve("../shared/data").normalize();
    }

    /**
     * A file or folder of the shared data, or skips the test (fails it on CI) when absent.
     *
     * @param relative path below the data folder, e.g. {@code binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv}
     * @return the absolute path, which exists
     */
    public static Path require(String relative) {
        Path p = dataDir().resolve(relative);
        if (!Files.exists(p)) {
            String message = "real market data not found at " + p
                    + " (expected ../shared/data beside the repository root)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; CI=true, so this test may not be skipped");
            }
            Assumptions.abort(message + "; skipping");
        }
        return p;
    }
}
