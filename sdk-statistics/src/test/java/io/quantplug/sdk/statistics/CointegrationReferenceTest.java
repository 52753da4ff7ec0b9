package io.quantplug.sdk.statistics;

import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every line of {@code cointegration-reference.txt}, the recorded output of {@code cointegration-reference.R} (R
 * 4.2.2, urca 1.3.3, tseries 0.10.53, Debian bookworm; command and line format at the top of the script), recomputed
 * here: ADF statistics, coefficients and standard errors ({@code urca::ur.df}, fixed lags and AIC/BIC selection),
 * {@code tseries::adf.test} statistics and p-values, the Engle-Granger hedge ratio and residual ADF, and the rolling
 * hedge ratio and z-score. The real pairs are log closes of Binance spot 1 h bars from {@code ../shared/data}: ETH on
 * BTC over 2022, SOL on AVAX over 2023 H1, BTC on AVAX over 2022 H2. R does not run here, only its recorded output.
 *
 * <p>Statistics, p-values, hedge ratios, intercepts and z-scores agree within 1e-6 absolute; coefficients and standard
 * errors of {@code γ} (of order 1e-5 on hourly data) within 1e-6 relative; lag counts and rows exactly.
 */
class CointegrationReferenceTest {

    static final String DATA = "binance-spot-1h-2021-2023/";
    private static final double TOLERANCE = 1e-6;

    @TestFactory
    List<DynamicTest> fixtureAgreesWithR() throws IOException {
        List<List<String>> blocks = blocks();
        List<String> fixture = blocks.get(0);
        assertThat(fixture.get(0)).startsWith("fixture");
        return checks(fixture, Map.of("fixture", AugmentedDickeyFullerTest.FIXTURE));
    }

    @TestFactory
    List<DynamicTest> realPairsAgreeWithR() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<List<String>> blocks = blocks();
        for (List<String> block : blocks.subList(1, blocks.size())) {
            Map<String, String> pair = fields(block.get(0));
            List<String[]> rows = joinedCloses(pair.get("y"), pair.get("x"), pair.get("from"), pair.get("to"));
            assertThat(rows).hasSize(Integer.parseInt(pair.get("rows")));
            assertThat(rows.get(0)[0].replace(' ', 'T')).isEqualTo(pair.get("first"));
            assertThat(rows.get(rows.size() - 1)[0].replace(' ', 'T')).isEqualTo(pair.get("last"));
            double[] y = logColumn(rows, 1);
            double[] x = logColumn(rows, 2);
            for (DynamicTest test : checks(block, Map.of("y", y, "x", x))) {
                tests.add(DynamicTest.dynamicTest(pair.get("y") + "~" + pair.get("x") + " " + test.getDisplayName(),
                        test.getExecutable()));
            }
        }
        return tests;
    }

    @Test
    void engleGrangerVerdictsOnTheRealPairs() throws IOException {
        // tau without lags (R: -2.1302, -4.6865, -4.4417) against MacKinnon's N = 2 values at ~4,400-8,800 rows
        assertThat(verdict("ETHUSDT", "BTCUSDT", "2022-01-01", "2023-01-01", SignificanceLevel.TEN_PERCENT)).isFalse();
        assertThat(verdict("SOLUSDT", "AVAXUSDT", "2023-01-01", "2023-07-01", SignificanceLevel.ONE_PERCENT)).isTrue();
        assertThat(verdict("BTCUSDT", "AVAXUSDT", "2022-07-01", "2023-01-01", SignificanceLevel.ONE_PERCENT)).isTrue();
    }

    private static boolean verdict(String ySymbol, String xSymbol, String from, String to, SignificanceLevel level)
            throws IOException {
        List<String[]> rows = joinedCloses(ySymbol, xSymbol, from, to);
        return new EngleGranger(0).test(logColumn(rows, 1), logColumn(rows, 2)).rejectsNoCointegration(level);
    }

    private static List<DynamicTest> checks(List<String> block, Map<String, double[]> series) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : block.subList(1, block.size())) {
            Map<String, String> f = fields(line);
            String kind = line.substring(0, line.indexOf(' '));
            tests.add(DynamicTest.dynamicTest(line, () -> {
                switch (kind) {
                    case "adf" -> checkAdf(f, adf(f).test(series.get(f.get("series"))));
                    case "tseries" -> {
                        double[] s = series.get(f.get("series"));
                        double statistic = new AugmentedDickeyFuller(DeterministicTerms.CONSTANT_AND_TREND,
                                Integer.parseInt(f.get("k"))).test(s).statistic();
                        assertThat(statistic).isCloseTo(number(f, "statistic"), within(TOLERANCE));
                        assertThat(new InterpolatedAdfPValue().pValue(statistic, s.length - 1))
                                .isCloseTo(number(f, "p"), within(TOLERANCE));
                    }
                    case "eg" -> {
                        int lags = Integer.parseInt(f.get("lags"));
                        EngleGranger test = "Fixed".equals(f.get("select")) ? new EngleGranger(lags)
                                : EngleGranger.selectingLags(lags, InformationCriterion.valueOf(f.get("select")));
                        EngleGrangerResult result = test.test(series.get("y"), series.get("x"));
                        assertThat(result.intercept()).isCloseTo(number(f, "alpha"), within(TOLERANCE));
                        assertThat(result.hedgeRatio()).isCloseTo(number(f, "beta"), within(TOLERANCE));
                        assertThat(result.statistic()).isCloseTo(number(f, "tau"), within(TOLERANCE));
                        checkAdf(f, result.residualTest());
                    }
                    case "roll" -> checkRolling(f, series.get("y"), series.get("x"));
                    default -> throw new AssertionError("unknown line kind " + kind);
                }
            }));
        }
        return tests;
    }

    private static AugmentedDickeyFuller adf(Map<String, String> f) {
        DeterministicTerms terms = switch (f.get("type")) {
            case "none" -> DeterministicTerms.NONE;
            case "drift" -> DeterministicTerms.CONSTANT;
            case "trend" -> DeterministicTerms.CONSTANT_AND_TREND;
            default -> throw new AssertionError("unknown type " + f.get("type"));
        };
        int lags = Integer.parseInt(f.get("lags"));
        return "Fixed".equals(f.get("select")) ? new AugmentedDickeyFuller(terms, lags)
                : AugmentedDickeyFuller.selectingLags(terms, lags, InformationCriterion.valueOf(f.get("select")));
    }

    private static void checkAdf(Map<String, String> f, AdfResult result) {
        assertThat(result.statistic()).as("tau").isCloseTo(number(f, "tau"), within(TOLERANCE));
        double gamma = number(f, "gamma");
        double se = number(f, "se");
        assertThat(result.coefficient()).as("gamma").isCloseTo(gamma, within(TOLERANCE * Math.abs(gamma)));
        assertThat(result.standardError()).as("se").isCloseTo(se, within(TOLERANCE * se));
        assertThat(result.lags()).as("lags used").isEqualTo(Integer.parseInt(f.get("used")));
        assertThat(result.observations()).as("rows").isEqualTo(Integer.parseInt(f.get("nobs")));
    }

    private static void checkRolling(Map<String, String> f, double[] y, double[] x) {
        RollingHedgeRatio rolling = new RollingHedgeRatio(Integer.parseInt(f.get("window")));
        int end = Integer.parseInt(f.get("end"));
        for (int i = 0; i < end; i++) {
            rolling.update(y[i], x[i]);
        }
        assertThat(rolling.isReady()).isTrue();
        assertThat(rolling.intercept()).as("alpha").isCloseTo(number(f, "alpha"), within(TOLERANCE));
        assertThat(rolling.hedgeRatio()).as("beta").isCloseTo(number(f, "beta"), within(TOLERANCE));
        assertThat(rolling.spread()).as("spread").isCloseTo(number(f, "spread"), within(TOLERANCE));
        assertThat(rolling.zScore()).as("z").isCloseTo(number(f, "z"), within(TOLERANCE));
    }

    private static double[] logColumn(List<String[]> rows, int column) {
        return rows.stream().mapToDouble(r -> Math.log(Double.parseDouble(r[column]))).toArray();
    }

    /** Rows (open time, close of y, close of x) present in both files with from <= time < to, in time order. */
    static List<String[]> joinedCloses(String ySymbol, String xSymbol, String from, String to) throws IOException {
        Map<String, String> xCloses = new HashMap<>();
        for (String[] row : closes(xSymbol)) {
            xCloses.put(row[0], row[1]);
        }
        List<String[]> joined = new ArrayList<>();
        for (String[] row : closes(ySymbol)) {
            String x = xCloses.get(row[0]);
            if (x != null && row[0].compareTo(from) >= 0 && row[0].compareTo(to) < 0) {
                joined.add(new String[] {row[0], row[1], x});
            }
        }
        return joined;
    }

    private static List<String[]> closes(String symbol) throws IOException {
        Path file = SharedData.require(DATA + symbol + "_1h.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("date,open,high,low,close");
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(","))
                .map(c -> new String[] {c[0], c[4]}).toList();
    }

    /** The reference file cut at its "fixture" and "pair" header lines; comment lines dropped. */
    private static List<List<String>> blocks() throws IOException {
        List<List<String>> blocks = new ArrayList<>();
        try (InputStream in = CointegrationReferenceTest.class.getResourceAsStream("cointegration-reference.txt")) {
            assertThat(in).as("cointegration-reference.txt on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("fixture") || line.startsWith("pair")) {
                    blocks.add(new ArrayList<>());
                }
                if (!line.isBlank() && !line.startsWith("#")) {
                    blocks.get(blocks.size() - 1).add(line.strip());
                }
            }
        }
        return blocks;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return fields;
    }

    private static double number(Map<String, String> fields, String key) {
        assertThat(fields).as("recorded line").containsKey(key);
        return Double.parseDouble(fields.get(key));
    }
}
