package io.quantplug.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/funding-arbitrage.yaml} from the {@code funding-arbitrage} jar through {@code quantplug backtest
 * --config}: real BTCUSDT spot and perpetual hourly bars with the recorded funding, one account. Its funding, fee and
 * basis components add up to its net P&amp;L exactly, the legs match, and its first entry is checked by hand against
 * the rule on the files' own numbers.
 */
class FundingArbitrageIT {

    static final String EXAMPLE = "examples/funding-arbitrage.yaml";
    private static final String SPOT = "binance-spot-1h-2021-2023/BTCUSDT_1h.csv";
    private static final String PERP = "binance-usdm-perp-1h-1d-2020-2024/BTCUSDT_1h.csv";
    private static final String FUNDING = "binance-usdm-funding-rates/BTCUSDT_funding_rate_pct_2022-11_2025-11.json";
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path tmp;

    @Test
    void theExampleRunsFromItsJarAndItsComponentsAddUpExactly() throws IOException {
        String yaml = Files.readString(SharedData.repositoryRoot().resolve(EXAMPLE))
                .replace("../../shared/data/", SharedData.require(SPOT).getParent().getParent() + "/");
        Path file = Files.writeString(tmp.resolve("funding-arbitrage.yaml"), yaml);
        String home = tmp.resolve("home").toString();
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("backtest", "--config", file.toString(), "--home", home, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Perpetual: BTCUSDT.BINANCE_USDM, 1x cross margin", "Funding");

        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode doc = json.readTree(out.resolve("result.json").toFile());
        JsonNode perpetual = doc.get("perpetual");
        BigDecimal funding = BigDecimal.ZERO;
        for (JsonNode p : perpetual.get("funding")) {
            assertThat(p.get("instrument").asText()).isEqualTo("BTCUSDT.BINANCE_USDM");
            assertThat(p.get("position").decimalValue().signum()).isNegative(); // the short perpetual leg
            assertThat(p.get("amount").decimalValue()).isEqualByComparingTo(p.get("position").decimalValue()
                    .multiply(p.get("markPrice").decimalValue()).multiply(p.get("rate").decimalValue()).negate());
            funding = funding.add(p.get("amount").decimalValue());
        }
        assertThat(perpetual.get("funding").size()).isGreaterThan(100);
        assertThat(perpetual.get("totalFunding").decimalValue()).isEqualByComparingTo(funding);
        assertThat(perpetual.get("liquidations")).isEmpty();

        // net = basis P&L (the legs' gross P&L) - fees + funding, exactly
        BigDecimal basis = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (JsonNode t : doc.get("trades")) {
            basis = basis.add(t.get("grossPnl").decimalValue());
            fees = fees.add(t.get("fees").decimalValue());
        }
        BigDecimal net = doc.get("metrics").get("endEquity").decimalValue().subtract(new BigDecimal("10000"));
        assertThat(basis.subtract(fees).add(funding)).isEqualByComparingTo(net);
        JsonNode perpLeg = doc.get("instruments").get(1);
        assertThat(perpLeg.get("instrument").asText()).isEqualTo("BTCUSDT.BINANCE_USDM");
        assertThat(perpLeg.get("funding").decimalValue()).isEqualByComparingTo(funding);
        assertThat(doc.get("instruments").get(0).has("funding")).isFalse();

        // the legs: each spot long has a perpetual short of the same quantity, entered and left together
        List<JsonNode> spot = new ArrayList<>();
        List<JsonNode> perp = new ArrayList<>();
        doc.get("trades").forEach(t -> (t.get("instrument").asText().endsWith("_USDM") ? perp : spot).add(t));
        assertThat(spot).hasSameSizeAs(perp).isNotEmpty();
        for (int i = 0; i < spot.size(); i++) {
            assertThat(spot.get(i).get("side").asText()).isEqualTo("LONG");
            assertThat(perp.get(i).get("side").asText()).isEqualTo("SHORT");
            assertThat(perp.get(i).get("quantity").decimalValue())
                    .isEqualByComparingTo(spot.get(i).get("quantity").decimalValue());
            assertThat(perp.get(i).get("entryTime")).isEqualTo(spot.get(i).get("entryTime"));
        }

        // the first entry, by hand from the files: carry >= 8 % a year at its decision, below at the bar before
        long entered = Instant.parse(spot.get(0).get("entryTime").asText()).toEpochMilli();
        assertThat(carry(entered)).isGreaterThanOrEqualTo(0.08);
        assertThat(carry(entered - HOUR)).isLessThan(0.08);

        CliRun shown = CliRun.of("runs", "show", "1", "--json", "--home", home);
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(json.readTree(shown.out()).get("perpetual")).isEqualTo(perpetual);
    }

    /**
     * The rule's expected carry, annualised, decided at the close {@code decision} of the hour bars opening an hour
     * before: {@code (f × 30/365 + basis − 4 × 0.0005) × 365/30}, with {@code f} the last funding at or before the
     * decision, annualised over its interval, and the basis of the two closes.
     */
    private static double carry(long decision) throws IOException {
        long open = decision - HOUR;
        double spotClose = closeOf(SharedData.require(SPOT), open);
        double perpClose = closeOf(SharedData.require(PERP), open);
        long[] times = new long[4000];
        double[] rates = new double[4000];
        int n = 0;
        Matcher m = Pattern.compile("\\[\\s*(\\d+),\\s*(-?[0-9.eE-]+)\\s*]")
                .matcher(Files.readString(SharedData.require(FUNDING)));
        while (m.find()) {
            times[n] = Long.parseLong(m.group(1)) / 1000 * 1000;
            rates[n++] = Double.parseDouble(m.group(2)) / 100;
        }
        int last = -1;
        for (int i = 0; i < n && times[i] <= decision; i++) {
            last = i;
        }
        double annualized = rates[last] * (365.0 * 86_400_000.0 / (times[last] - times[last - 1]));
        double years = 30 / 365.0;
        return (annualized * years + (perpClose - spotClose) / spotClose - 4 * 0.0005) / years;
    }

    private static double closeOf(Path csv, long openMillis) throws IOException {
        Map<Long, Double> closes = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (!c[0].isEmpty() && Character.isDigit(c[0].charAt(0)) && c[0].length() >= 19) {
                long t = LocalDateTime.parse(c[0].substring(0, 19).replace('T', ' '), f).toInstant(ZoneOffset.UTC)
                        .toEpochMilli();
                closes.put(t, Double.parseDouble(c[4]));
            }
        }
        return closes.get(openMillis);
    }
}
