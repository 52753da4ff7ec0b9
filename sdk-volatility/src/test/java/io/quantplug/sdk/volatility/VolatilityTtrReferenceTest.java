package io.quantplug.sdk.volatility;

import io.quantplug.api.market.Timeframe;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The range and close estimators against R's {@code TTR::volatility} (TTR 0.24.3, R 4.2.2, Debian bookworm), on the
 * six-bar fixture of {@link VolatilityEstimatorsTest} and on the last 30 real BTCUSDT daily bars. The reference
 * values come from {@code src/test/resources/io/quantplug/sdk/volatility/ttr-reference.R}, whose command and
 * output are written at its end. TTR has no EWMA; that estimator is checked by hand and on Hull's example.
 */
class VolatilityTtrReferenceTest {

    @Test
    void fixtureAgreesWithTtr() {
        OhlcBars bars = OhlcBars.of(VolatilityEstimatorsTest.OPEN, VolatilityEstimatorsTest.HIGH,
                VolatilityEstimatorsTest.LOW, VolatilityEstimatorsTest.CLOSE);
        assertAnnualised(bars, 0.569207767920231, 0.501056449342637, 0.525682058753367, 0.513133972294488,
                0.537284770335459);
    }

    @Test
    void lastThirtyBtcDailyBarsAgreeWithTtr() throws IOException {
        // 2026-01-15 .. 2026-02-14, 30 rows (the export lacks 2026-01-20; both sides use the rows as they are)
        OhlcBars bars = lastBars(SharedData.require(GarchFgarchReferenceTest.FILE), 30);
        assertAnnualised(bars, 0.808757640940299, 0.72576648712744, 0.694662281847663, 0.674063230484097,
                0.722074942808833);
    }

    private static void assertAnnualised(OhlcBars bars, double close, double parkinson, double garmanKlass,
                                         double rogersSatchell, double yangZhang) {
        double tolerance = 1e-12;
        assertThat(new CloseToCloseEstimator().annualisedVolatility(bars, Timeframe.D1))
                .isCloseTo(close, within(tolerance));
        assertThat(new ParkinsonEstimator().annualisedVolatility(bars, Timeframe.D1))
                .isCloseTo(parkinson, within(tolerance));
        assertThat(new GarmanKlassEstimator().annualisedVolatility(bars, Timeframe.D1))
                .isCloseTo(garmanKlass, within(tolerance));
        assertThat(new RogersSatchellEstimator().annualisedVolatility(bars, Timeframe.D1))
                .isCloseTo(rogersSatchell, within(tolerance));
        assertThat(new YangZhangEstimator().annualisedVolatility(bars, Timeframe.D1))
                .isCloseTo(yangZhang, within(tolerance));
    }

    /** The newest {@code count} bars of the CryptoDataDownload export, oldest first. */
    private static OhlcBars lastBars(Path file, int count) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(1).split(","));
        int[] columns = {header.indexOf("Unix"), header.indexOf("Open"), header.indexOf("High"),
                header.indexOf("Low"), header.indexOf("Close")};
        assertThat(columns).as("columns of %s", file).doesNotContain(-1);
        double[][] rows = lines.subList(2, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(f -> Arrays.stream(columns).mapToDouble(c -> Double.parseDouble(f[c].strip())).toArray())
                .sorted(Comparator.comparingDouble(row -> row[0]))
                .toArray(double[][]::new);
        double[][] tail = Arrays.copyOfRange(rows, rows.length - count, rows.length);
        double[] o = Arrays.stream(tail).mapToDouble(row -> row[1]).toArray();
        double[] h = Arrays.stream(tail).mapToDouble(row -> row[2]).toArray();
        double[] l = Arrays.stream(tail).mapToDouble(row -> row[3]).toArray();
        double[] c = Arrays.stream(tail).mapToDouble(row -> row[4]).toArray();
        return OhlcBars.of(o, h, l, c);
    }
}
