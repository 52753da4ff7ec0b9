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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code delta-hedger} from the {@code perpetuals} jar beside {@code sma-crossover} on one account: the crossover
 * trades BTCUSDT spot, the hedger offsets each spot position with the BTCUSDT perpetual at the next bar, and the
 * perpetual leg's result (its P&amp;L after fees plus its funding) is what the hedge cost.
 */
class DeltaHedgerIT {

    private static final long HOUR = 3_600_000L;

    @TempDir
    Path tmp;

    @Test
    void everySpotPositionIsOffsetOnThePerpetualAtTheNextBar() throws IOException {
        Path data = SharedData.require("binance-spot-1h-2021-2023/BTCUSDT_1h.csv").getParent().getParent();
        String yaml = """
                capital: 10000
                feeBps: 4
                instruments:
                  - {data: %1$s/binance-spot-1h-2021-2023/BTCUSDT_1h.csv, from: 2023-01-01, to: 2023-07-01}
                  - data: %1$s/binance-usdm-perp-1h-1d-2020-2024/BTCUSDT_1h.csv
                    market: usdm
                    leverage: 2
                    funding: %1$s/binance-usdm-funding-rates/BTCUSDT_funding_rate_pct_2022-11_2025-11.json
                    fundingUnit: percent
                    from: 2023-01-01
                    to: 2023-07-01
                strategies:
                  - id: sma-crossover
                    params: {fast: 10, slow: 30}
                    instruments: [BTCUSDT.BINANCE]
                  - id: delta-hedger
                    subscribe: [BTCUSDT.BINANCE, BTCUSDT.BINANCE_USDM]
                    params: {bandPct: 1}
                sizer: {id: fixed-fractional, params: {riskPercent: 1, stopPercent: 2}}
                """.formatted(data);
        Path file = Files.writeString(tmp.resolve("hedged.yaml"), yaml);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("backtest", "--config", file.toString(), "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(out.resolve("result.json").toFile());
        List<JsonNode> spot = new ArrayList<>();
        List<JsonNode> perp = new ArrayList<>();
        doc.get("trades").forEach(t -> (t.get("instrument").asText().endsWith("_USDM") ? perp : spot).add(t));
        assertThat(spot).hasSizeGreaterThan(10);
        assertThat(doc.get("rejections")).isEmpty();
        // each spot long of about 5,000 USDT (1 % risk, 2 % stop) is more than the 1 % band: the hedger sells the same
        // quantity on the perpetual at the next bar's open, and buys it back an hour after the spot exit
        assertThat(perp).hasSameSizeAs(spot);
        for (int i = 0; i < spot.size(); i++) {
            JsonNode s = spot.get(i);
            JsonNode p = perp.get(i);
            assertThat(p.get("side").asText()).isEqualTo("SHORT");
            assertThat(p.get("strategy").asText()).isEqualTo("delta-hedger-1");
            assertThat(p.get("quantity").decimalValue()).isEqualByComparingTo(s.get("quantity").decimalValue());
            assertThat(millis(p, "entryTime")).isEqualTo(millis(s, "entryTime") + HOUR);
            if (!s.get("exitReason").asText().equals("END_OF_DATA")) {
                assertThat(millis(p, "exitTime")).isEqualTo(millis(s, "exitTime") + HOUR);
            }
        }
        // the hedge's cost is the perpetual leg: its P&L after fees plus its funding, reported per instrument
        JsonNode perpLeg = doc.get("instruments").get(1);
        BigDecimal legPnl = BigDecimal.ZERO;
        for (JsonNode p : perp) {
            legPnl = legPnl.add(p.get("pnl").decimalValue());
        }
        assertThat(perpLeg.get("netPnl").decimalValue()).isEqualByComparingTo(legPnl);
        assertThat(perpLeg.get("funding").decimalValue())
                .isEqualByComparingTo(doc.get("perpetual").get("totalFunding").decimalValue());
        assertThat(run.out()).contains("BTCUSDT.BINANCE_USDM", "Funding");
    }

    private static long millis(JsonNode trade, String field) {
        return Instant.parse(trade.get(field).asText()).toEpochMilli();
    }
}
