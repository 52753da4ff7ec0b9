package io.quantplug.sdk.indicator;

import io.quantplug.testsupport.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Closes of the real Binance.US BTCUSDT 1m series (30,240 bars), read with a plain split: a test-only reader. */
final class RealCloses {

    static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";

    private RealCloses() {
    }

    static double[] load() {
        Path p = SharedData.require(FILE);
        try {
            List<String> lines = Files.readAllLines(p);
            double[] closes = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                closes[i - 1] = Double.parseDouble(lines.get(i).split(",")[4]);
            }
            return closes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
