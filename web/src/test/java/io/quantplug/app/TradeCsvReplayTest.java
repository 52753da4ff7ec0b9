package io.quantplug.app;

import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A Tardis trades CSV replayed as ticks, checked against a plain reading of the same file in the test: the trade
 * count, the one-second bars' total volume (exact decimal sum of the amounts) and the first and last prices.
 */
class TradeCsvReplayTest {

    private static final String CSV =
            "binance-usdm-btcusdt-trades-2020-02-22-tardis/binance-futures_trades_2020-02-22_BTCUSDT_first9999.csv";

    @TempDir
    Path tmp;

    @Test
    void aTardisTradesCsvReplaysItsTradesIntoBars() throws IOException {
        Path file = SharedData.require(CSV);
        assertThat(TickFileCache.isTicks(file)).isTrue();
        List<String> rows = Files.readAllLines(file);
        BigDecimal volume = BigDecimal.ZERO;
        for (String row : rows.subList(1, rows.size())) {
            volume = volume.add(new BigDecimal(row.split(",")[7]));
        }
        String[] first = rows.get(1).split(",");
        String[] last = rows.get(rows.size() - 1).split(",");
        for (Path cache : new Path[] {null, tmp.resolve("ticks"), tmp.resolve("ticks")}) { // CSV, import, copy
            RecordingTicks.Scan scan = RecordingTicks.scan(file, cache, Timeframe.parse("1s"));
            assertThat(scan.trades()).isEqualTo(rows.size() - 1).isEqualTo(9_999);
            assertThat(scan.symbol()).isEqualTo("BTCUSDT");
            assertThat(scan.bookUpdates()).isZero();
            BarSeries s = scan.series();
            double sum = 0;
            for (int i = 0; i < s.size(); i++) {
                sum += s.volume(i);
            }
            assertThat(sum).isCloseTo(volume.doubleValue(), within(1e-9));
            assertThat(s.openTimeMillis(0)).isEqualTo(Long.parseLong(first[2]) / 1_000_000 * 1_000);
            assertThat(s.open(0)).isEqualTo(Double.parseDouble(first[6]));
            assertThat(s.close(s.size() - 1)).isEqualTo(Double.parseDouble(last[6]));
        }
    }
}
