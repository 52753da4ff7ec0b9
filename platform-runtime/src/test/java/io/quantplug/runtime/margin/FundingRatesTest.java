package io.quantplug.runtime.margin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The funding rate formats, the jitter floor, and the clear errors of bad files. */
class FundingRatesTest {

    @TempDir
    Path dir;

    @Test
    void readsCsvApiJsonAndPairsWithAUnit() throws IOException {
        Path csv = Files.writeString(dir.resolve("f.csv"),
                "timestamp,symbol,funding_rate\n1768233600000,BTCUSDT,0.00004650\n1768262400007,BTCUSDT,-0.00002245");
        FundingRates a = FundingRates.read(csv, null);
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.get(1).timeMillis()).isEqualTo(1768262400000L); // 7 ms of settlement jitter floored
        assertThat(a.get(1).rate()).isEqualByComparingTo("-0.00002245");

        Path api = Files.writeString(dir.resolve("api.json"), "[{\"symbol\":\"BTCUSDT\",\"fundingTime\":1698768000000,"
                + "\"fundingRate\":\"0.00010000\",\"markPrice\":\"34639.7\"}]");
        assertThat(FundingRates.read(api, null).get(0).rate()).isEqualByComparingTo("0.0001");

        Path pairs = Files.writeString(dir.resolve("p.json"), "[\n  [1667462400016, 0.00044],\n  [1667491200005,"
                + " 0.006940000000000001]\n]");
        FundingRates pct = FundingRates.read(pairs, FundingUnit.PERCENT);
        assertThat(pct.get(0).rate()).isEqualByComparingTo("0.0000044");
        assertThat(pct.get(1).rate()).isEqualByComparingTo("0.00006940000000000001");
        assertThatIllegalArgumentException().isThrownBy(() -> FundingRates.read(pairs, null))
                .withMessage(pairs + ":2: [time, rate] pairs carry no unit: say whether the rates are a fraction"
                        + " (0.0001 = 0.01 %) or percent");
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "timestamp,funding_rate\n1768233600000,0.0001\n"
                + "1768262400000,abc\n");
        assertThatIllegalArgumentException().isThrownBy(() -> FundingRates.read(csv, null))
                .withMessage(csv + ":3: funding rate is not a number: 'abc'");
        Path header = Files.writeString(dir.resolve("h.csv"), "when,what\n1,2\n");
        assertThatIllegalArgumentException().isThrownBy(() -> FundingRates.read(header, null))
                .withMessageStartingWith(header + ":1: the header needs a time column");
        Path order = Files.writeString(dir.resolve("o.csv"), "timestamp,funding_rate\n2000,0.1\n1000,0.1\n");
        assertThatIllegalArgumentException().isThrownBy(() -> FundingRates.read(order, null))
                .withMessageContaining("funding times must increase");
    }

    @Test
    void refusesBarsTheRatesDoNotCover() throws IOException {
        long h8 = 8 * 3_600_000L;
        long t0 = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        StringBuilder text = new StringBuilder("timestamp,funding_rate\n");
        for (int i = 0; i < 10; i++) {
            text.append(t0 + i * h8).append(",0.0001\n");
        }
        FundingRates rates = FundingRates.read(Files.writeString(dir.resolve("r.csv"), text), null);
        rates.checkCovers(t0, t0 + 9 * h8); // covered
        assertThatIllegalArgumentException().isThrownBy(() -> rates.checkCovers(t0 - 2 * h8, t0 + 9 * h8))
                .withMessageContaining("do not cover the bars (2022-12-31T08:00:00Z to 2023-01-04T00:00:00Z)");
        assertThatIllegalArgumentException().isThrownBy(() -> rates.checkCovers(t0, t0 + 12 * h8))
                .withMessageContaining("do not cover the bars");
    }
}
