package io.quantplug.sdk.indicator;

import io.quantplug.testsupport.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Closes of real 1-minute klines (column 5 of a file with a header row), read with a plain split: a test-only
 * reader. By default the Binance.US BTCUSDT series (30,240 bars).
 */
final class RealCloses {

    static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    /** Binance USD-M FILUSDT, August 2023 (44,640 bars): four-decimal prices with many equal 10- and 30-bar means. */
    static final String FILUSDT = "binance-usdm-1m-filusdt-2023-08-11-vision/FILUSDT-1m-2023-08.csv";

    private RealCloses() {
    }

    static double[] load() {
        return load(FILE);
    }

    /** The closes as the file writes them, exact decimals. */
    static BigDecimal[] decimals(String file) {
        return texts(file).map(BigDecimal::new).toArray(BigDecimal[]::new);
    }

    static double[] load(String file) {
        return texts(file).mapToDouble(Double::parseDouble).toArray();
    }

    private static Stream<String> texts(String file) {
        Path p = SharedData.require(file);
        try {
            List<String> lines = Files.readAllLines(p);
            return lines.subList(1, lines.size()).stream().map(line -> line.split(",")[4]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
