package io.quantplug.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real market data: {@code -Dquantplug.data=DIR}, else {@code ../shared/data} above the working dir. */
final class BenchmarkData {

    private BenchmarkData() {
    }

    static Path file(String relative) {
        String configured = System.getProperty("quantplug.data");
        if (configured != null) {
            return require(Path.of(configured).resolve(relative));
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("../shared/data").normalize().resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("market data " + relative + " not found: run from the repository root or"
                + " pass -Dquantplug.data=/path/to/shared/data");
    }

    private static Path require(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException("market data not found at " + p);
        }
        return p;
    }
}
