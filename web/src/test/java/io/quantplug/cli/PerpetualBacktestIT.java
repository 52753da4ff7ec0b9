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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quantplug backtest --market usdm} from the command line on real BTCUSDT perpetual bars and recorded
 * funding: the perpetual block of {@code result.json} and of the stored run, and the clear errors of bad input.
 */
class PerpetualBacktestIT {

    private static final String BARS = "binance-usdm-perp-1h-1d-2020-2024/BTCUSDT_1h.csv";
    private static final String FUNDING = "binance-usdm-funding-rates/BTCUSDT_funding_rate_pct_2022-11_2025-11.json";

    @TempDir
    Path tmp;

    /** The bars of 2023 (a file of this test's own: the funding record starts in November 2022). */
    private Path bars2023() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require(BARS));
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        lines.stream().filter(l -> l.startsWith("2023-")).forEach(l -> out.append(l).append('\n'));
        return Files.writeString(tmp.resolve("BTCUSDT_1h.csv"), out);
    }

    @Test
    void aLeveragedRunCarriesItsFundingIntoResultJsonAndTheStore() throws IOException {
        Path data = bars2023();
        String home = tmp.resolve("home").toString();
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--market", "usdm", "--leverage", "3", "--margin-mode", "isolated", "--funding",
                SharedData.require(FUNDING).toString(), "--funding-unit", "percent", "--home", home, "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Perpetual: 3x isolated margin; funding ", " liquidations (mark price: the bar"
                + " close for funding, its high and low for liquidation)");
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode doc = json.readTree(out.resolve("result.json").toFile());
        JsonNode perpetual = doc.get("perpetual");
        assertThat(perpetual.get("leverage").asInt()).isEqualTo(3);
        assertThat(perpetual.get("marginMode").asText()).isEqualTo("ISOLATED");
        assertThat(perpetual.get("markPrice").asText()).isEqualTo("close");
        JsonNode funding = perpetual.get("funding");
        assertThat(funding.size()).isGreaterThan(100);
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode p : funding) {
            // each payment is -position x mark x rate, exactly
            BigDecimal amount = p.get("position").decimalValue().multiply(p.get("markPrice").decimalValue())
                    .multiply(p.get("rate").decimalValue()).negate();
            assertThat(p.get("amount").decimalValue()).isEqualByComparingTo(amount);
            assertThat(p.get("position").decimalValue().signum()).isPositive(); // sma-crossover goes long only
            total = total.add(amount);
        }
        assertThat(perpetual.get("totalFunding").decimalValue()).isEqualByComparingTo(total);
        // leverage shows in the size: the first entry's notional is about 3 x the 10,000 USDT capital
        JsonNode first = doc.get("trades").get(0);
        assertThat(first.get("quantity").decimalValue().multiply(first.get("entryPrice").decimalValue()))
                .isBetween(new BigDecimal("29000"), new BigDecimal("30000"));

        CliRun shown = CliRun.of("runs", "show", "1", "--json", "--home", home);
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(json.readTree(shown.out()).get("perpetual")).isEqualTo(perpetual);
    }

    /**
     * At 20x isolated, {@code sma-crossover}'s longs of 2023 are liquidated. The first liquidation is checked by hand
     * from {@code result.json} and the bar file: the position's wallet balance is its initial margin (entry notional
     * / 20) plus the funding it paid; the price is Binance's formula with the tier of the notional at that price
     * (BTCUSDT's 250,000–1,000,000 tier: 1 %, maintenance amount 1,300), rounded up to the 0.1 tick; no bar since the
     * entry reached it before the liquidation bar's low did; and the round trip ends there with exit reason
     * {@code LIQUIDATION}.
     */
    @Test
    void aLongAtTwentyTimesIsLiquidatedAtBinancesPrice() throws IOException {
        Path data = bars2023();
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--symbol", "BTCUSDT", "--strategy",
                "sma-crossover", "--market", "usdm", "--leverage", "20", "--margin-mode", "isolated", "--funding",
                SharedData.require(FUNDING).toString(), "--funding-unit", "percent", "--no-store", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("; [1-9][0-9]* liquidations \\(mark price");
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode doc = json.readTree(out.resolve("result.json").toFile());
        JsonNode liquidation = doc.get("perpetual").get("liquidations").get(0);
        BigDecimal q = liquidation.get("position").decimalValue();
        BigDecimal entry = liquidation.get("entryPrice").decimalValue();
        BigDecimal lp = liquidation.get("liquidationPrice").decimalValue();
        String time = liquidation.get("time").asText();

        JsonNode trip = null;
        for (JsonNode t : doc.get("trades")) {
            if (t.get("exitTime").asText().equals(time)) {
                trip = t;
            }
        }
        assertThat(trip).as("the round trip the liquidation closed").isNotNull();
        assertThat(trip.get("exitReason").asText()).isEqualTo("LIQUIDATION");
        assertThat(trip.get("exitPrice").decimalValue()).isEqualByComparingTo(lp);
        assertThat(trip.get("quantity").decimalValue()).isEqualByComparingTo(q);
        assertThat(trip.get("entryPrice").decimalValue()).isEqualByComparingTo(entry);
        String entryTime = trip.get("entryTime").asText();

        BigDecimal funding = BigDecimal.ZERO;
        for (JsonNode p : doc.get("perpetual").get("funding")) {
            String at = p.get("time").asText();
            if (at.compareTo(entryTime) > 0 && at.compareTo(time) <= 0) {
                funding = funding.add(p.get("amount").decimalValue());
            }
        }
        BigDecimal wallet = q.multiply(entry).divide(new BigDecimal("20")).add(funding);
        assertThat(liquidation.get("walletBalance").decimalValue()).isEqualByComparingTo(wallet);

        BigDecimal notional = q.multiply(lp);
        assertThat(notional).isBetween(new BigDecimal("250000"), new BigDecimal("1000000"));
        BigDecimal exact = wallet.add(new BigDecimal("1300")).subtract(q.multiply(entry))
                .divide(q.multiply(new BigDecimal("0.01")).subtract(q), java.math.MathContext.DECIMAL128);
        assertThat(lp).isEqualByComparingTo(exact.setScale(1, java.math.RoundingMode.CEILING));
        assertThat(liquidation.get("maintenanceMargin").decimalValue())
                .isEqualByComparingTo(notional.multiply(new BigDecimal("0.01")).subtract(new BigDecimal("1300")));

        // the bars: none from the entry on reached the price before the liquidation bar did
        List<String> lines = Files.readAllLines(data);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String open = f[0].substring(0, 10) + "T" + f[0].substring(11, 19) + "Z";
            BigDecimal low = new BigDecimal(f[3]);
            if (open.compareTo(entryTime) >= 0 && open.compareTo(time) < 0) {
                assertThat(low).as("low of " + open).isGreaterThan(lp);
            } else if (open.equals(time)) {
                assertThat(low).as("low of the liquidation bar").isLessThanOrEqualTo(lp);
            }
        }
    }

    @Test
    void badInputIsOneClearLine() throws IOException {
        Path data = bars2023();
        String funding = SharedData.require(FUNDING).toString();
        CliRun tooHigh = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover", "--no-store",
                "--market", "usdm", "--leverage", "126", "--funding", funding, "--funding-unit", "percent");
        assertThat(tooHigh.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(tooHigh.err()).contains("leverage 126 is outside BTCUSDT's limit: 1 to 125");

        // the symbol's own brackets, as GET /fapi/v1/leverageBracket answers: 20x at most
        Path brackets = Files.writeString(tmp.resolve("brackets.json"), "{\"symbol\":\"BTCUSDT\",\"brackets\":["
                + "{\"bracket\":1,\"initialLeverage\":20,\"notionalCap\":\"100000\",\"notionalFloor\":\"0\","
                + "\"maintMarginRatio\":\"0.01\",\"cum\":\"0\"}]}");
        CliRun ownTable = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--no-store", "--market", "usdm", "--leverage", "25", "--leverage-brackets", brackets.toString(),
                "--funding", funding, "--funding-unit", "percent");
        assertThat(ownTable.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(ownTable.err()).contains("leverage 25 is outside BTCUSDT's limit: 1 to 20");

        CliRun uncovered = CliRun.of("backtest", "--data", SharedData.require(BARS).toString(), "--strategy",
                "sma-crossover", "--no-store", "--market", "usdm", "--funding", funding, "--funding-unit", "percent");
        assertThat(uncovered.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(uncovered.err()).contains("do not cover the bars (2020-01-01T00:00:00Z to ");

        CliRun noUnit = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover", "--no-store",
                "--market", "usdm", "--funding", funding);
        assertThat(noUnit.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(noUnit.err()).contains("pairs carry no unit");

        CliRun spotLeverage = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--no-store", "--leverage", "5");
        assertThat(spotLeverage.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(spotLeverage.err()).contains("a spot account has no margin (and cannot short)");
    }
}
