package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static io.quantplug.runtime.data.CsvFixtures.JAN_1_2024;
import static io.quantplug.runtime.data.CsvFixtures.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportReportTest {

    private static final Path FILE = Path.of("BTCUSDT_1m.csv");
    private static final Gap GAP = new Gap(JAN_1_2024, JAN_1_2024 + 3 * MINUTE, 2);

    @Test
    void refusesCountsThatDoNotAddUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ImportReport(FILE, BarFileLayout.HEADED_OHLCV,
                        "timestamp", EnumSet.of(TimestampFormat.ISO_8601), 10, 9, 0, false, Timeframe.M1, List.of(), 0))
                .withMessageContaining("bars (9) must be data rows (10) minus exact duplicates (0)");
        assertThatIllegalArgumentException().isThrownBy(() -> new ImportReport(FILE, BarFileLayout.HEADED_OHLCV,
                        "timestamp", EnumSet.of(TimestampFormat.ISO_8601), 10, 10, 0, false, Timeframe.M1,
                        List.of(GAP), 3))
                .withMessageContaining("missing bars (3) must be the sum over the gaps (2)");
    }

    @Test
    void keepsItsOwnUnmodifiableCollections() {
        List<Gap> gaps = new ArrayList<>(List.of(GAP));
        EnumSet<TimestampFormat> formats = EnumSet.of(TimestampFormat.EPOCH_MILLIS);
        ImportReport report = new ImportReport(FILE, BarFileLayout.BINANCE_KLINE, "open_time", formats, 10, 10, 0,
                false, Timeframe.M1, gaps, 2);
        gaps.clear();
        formats.add(TimestampFormat.EPOCH_SECONDS);

        assertThat(report.gaps()).containsExactly(GAP);
        assertThat(report.timestampFormats()).containsExactly(TimestampFormat.EPOCH_MILLIS);
        assertThatThrownBy(() -> report.gaps().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void summarisesItselfOnOneLineCountingGapsRatherThanListingThem() {
        ImportReport report = new ImportReport(FILE, BarFileLayout.HEADED_OHLCV, "timestamp",
                EnumSet.of(TimestampFormat.ISO_8601), 12, 11, 1, true, Timeframe.M1, List.of(GAP), 2);

        assertThat(report).hasToString("BTCUSDT_1m.csv: HEADED_OHLCV, time 'timestamp' [ISO_8601], 12 rows -> 11 bars"
                + " of 1m, 1 duplicates dropped, newest first (reversed), 1 gap (2 missing bars)");
    }

    @Test
    void refusesAGapThatMissesNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Gap(JAN_1_2024, JAN_1_2024 + MINUTE, 0))
                .withMessageContaining("at least one bar");
    }
}
