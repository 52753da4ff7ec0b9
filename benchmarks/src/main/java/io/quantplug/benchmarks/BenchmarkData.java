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

    /** The three 50,000-bar BTCUSDT chunks of {@code binance-spot-1m-btc-eth-2021-2023} (2021, 2022, 2023). */
    static io.quantplug.runtime.data.BarSeries[] btcChunks() {
        String[] names = {"BTCUSDT_1m_2021chunk.csv", "BTCUSDT_1m_2022chunk.csv", "BTCUSDT_1m_2023chunk.csv"};
        io.quantplug.runtime.data.BarSeries[] chunks = new io.quantplug.runtime.data.BarSeries[names.length];
        for (int i = 0; i < names.length; i++) {
            chunks[i] = new io.quantplug.runtime.data.BarFileReader().read(
                    file("binance-spot-1m-btc-eth-2021-2023/" + names[i]),
                    io.quantplug.api.market.Timeframe.M1).series();
        }
        return chunks;
    }

    private static Path require(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException("market data not found at " + p);
        }
        return p;
    }
}
