package io.quantplug.sdk.indicator;

import io.quantplug.testsupport.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * OHLCV columns of a real bar file from the shared data (columns 1 to 5 after the time), read with a plain split: a
 * test-only reader. Both files below have the header {@code time,open,high,low,close,volume[,...]}.
 */
final class RealBars {

    /** Binance.US BTCUSDT 1-minute bars, 2023-03-01 to 2023-03-21 (30,240 bars, 658 of them without volume). */
    static final String BTC_1M = RealCloses.FILE;
    /** Binance spot ETHUSDT 1-hour bars, 2021-04 to 2023 (23,989 bars). */
    static final String ETH_1H = "binance-spot-1h-2021-2023/ETHUSDT_1h.csv";

    final String file;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    private RealBars(String file, int n) {
        this.file = file;
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
    }

    static RealBars load(String relative) {
        Path p = SharedData.require(relative);
        try {
            List<String> lines = Files.readAllLines(p);
            RealBars b = new RealBars(relative, lines.size() - 1);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                b.open[i - 1] = Double.parseDouble(f[1]);
                b.high[i - 1] = Double.parseDouble(f[2]);
                b.low[i - 1] = Double.parseDouble(f[3]);
                b.close[i - 1] = Double.parseDouble(f[4]);
                b.volume[i - 1] = Double.parseDouble(f[5]);
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return close.length;
    }

    /** Feeds bar {@code i} to an indicator. */
    double feed(BarIndicator indicator, int i) {
        return indicator.update(open[i], high[i], low[i], close[i], volume[i]);
    }
}
