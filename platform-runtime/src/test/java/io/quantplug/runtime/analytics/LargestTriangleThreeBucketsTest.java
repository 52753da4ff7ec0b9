package io.quantplug.runtime.analytics;

import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Largest-Triangle-Three-Buckets against the npm package {@code downsample-lttb} 0.0.1 (the published algorithm as a
 * node module) on 50,000 real closes; its selections are in {@code lttb-reference.txt}, made by
 * {@code lttb-reference.js} beside it.
 */
class LargestTriangleThreeBucketsTest {

    private static final String FILE = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";

    @Test
    void keepsTheSamePointsAsTheReferenceImplementationOnRealCloses() throws IOException {
        BarSeries series = new BarFileReader().read(SharedData.require(FILE)).series();
        int n = series.size();
        long[] x = new long[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = series.openTimeMillis(i);
            y[i] = series.close(i);
        }
        Map<Integer, List<Long>> reference = reference();
        assertThat(reference).containsOnlyKeys(3, 50, 1000);
        for (Map.Entry<Integer, List<Long>> e : reference.entrySet()) {
            int[] kept = LargestTriangleThreeBuckets.select(x, y, n, e.getKey());
            List<Long> times = new ArrayList<>();
            for (int i : kept) {
                times.add(x[i]);
            }
            assertThat(times).as("threshold %d", e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void keepsTheGivenPointsAndStaysWithinTheThreshold() {
        // a ramp up to a spike at 40 and a dip at 71 that plain bucketing could miss
        int n = 100;
        long[] x = new long[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 60_000L;
            y[i] = 100 + i * 0.01;
        }
        y[40] = 90;
        y[71] = 99.5;
        int[] kept = LargestTriangleThreeBuckets.select(x, y, n, 10, new int[] {71, 40, 71, -3, 400});
        assertThat(kept).hasSize(10).startsWith(0).endsWith(99).contains(40, 71);
        assertThat(kept).isSorted().doesNotHaveDuplicates();
        // 6 free points over segments of 39, 30 and 27 inner points (of 96): 2.44, 1.88 and 1.69 give 2, 1 and 1,
        // and the two largest remainders (.88, .69) one more each: 2, 2, 2
        assertThat(Arrays.stream(kept).filter(i -> i > 0 && i < 40).count()).isEqualTo(2);
        assertThat(Arrays.stream(kept).filter(i -> i > 40 && i < 71).count()).isEqualTo(2);
        assertThat(Arrays.stream(kept).filter(i -> i > 71 && i < 99).count()).isEqualTo(2);
    }

    @Test
    void shortSeriesAreKeptWholeAndBadArgumentsRefused() {
        long[] x = {0, 1, 2};
        double[] y = {1, 2, 3};
        assertThat(LargestTriangleThreeBuckets.select(x, y, 3, 3)).containsExactly(0, 1, 2);
        assertThat(LargestTriangleThreeBuckets.select(x, y, 0, 5)).isEmpty();
        assertThatThrownBy(() -> LargestTriangleThreeBuckets.select(x, y, 3, 2))
                .hasMessage("threshold must be >= 3, got 2");
        assertThatThrownBy(() -> LargestTriangleThreeBuckets.select(x, y, 4, 3))
                .hasMessage("length 4 is outside the arrays");
    }

    private static Map<Integer, List<Long>> reference() throws IOException {
        Map<Integer, List<Long>> out = new LinkedHashMap<>();
        try (InputStream in = LargestTriangleThreeBucketsTest.class.getResourceAsStream("lttb-reference.txt")) {
            List<Long> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("threshold ")) {
                    current = new ArrayList<>();
                    out.put(Integer.parseInt(line.substring(10)), current);
                } else if (!line.isBlank()) {
                    current.add(Long.parseLong(line.trim()));
                }
            }
        }
        return out;
    }
}
