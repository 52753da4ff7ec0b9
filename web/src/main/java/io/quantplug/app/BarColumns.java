package io.quantplug.app;

import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;

import java.util.Arrays;

/** Bars as they are finished, in growing arrays, then a {@link BarSeries}. Not thread-safe. */
final class BarColumns {

    private long[] time = new long[256];
    private final double[][] values = new double[5][256];
    private int n;

    void add(long openTimeMillis, double open, double high, double low, double close, double volume) {
        if (n == time.length) {
            time = Arrays.copyOf(time, n * 2);
            for (int k = 0; k < 5; k++) {
                values[k] = Arrays.copyOf(values[k], n * 2);
            }
        }
        time[n] = openTimeMillis;
        values[0][n] = open;
        values[1][n] = high;
        values[2][n] = low;
        values[3][n] = close;
        values[4][n] = volume;
        n++;
    }

    BarSeries toSeries(Timeframe timeframe) {
        return BarSeries.of(timeframe, Arrays.copyOf(time, n), Arrays.copyOf(values[0], n),
                Arrays.copyOf(values[1], n), Arrays.copyOf(values[2], n), Arrays.copyOf(values[3], n),
                Arrays.copyOf(values[4], n));
    }
}
