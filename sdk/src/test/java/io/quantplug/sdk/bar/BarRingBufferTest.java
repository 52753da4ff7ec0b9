package io.quantplug.sdk.bar;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.sdk.snapshot.SnapshotFormatException;
import io.quantplug.sdk.snapshot.SnapshotReader;
import io.quantplug.sdk.snapshot.SnapshotWriter;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarRingBufferTest {

    private static final long MINUTE = 60_000;

    /** Bar {@code i}: opens at minute i, prices 100 + i around a close of 100 + i, volume i. */
    private static void appendBar(BarRingBuffer buffer, int i) {
        buffer.append(i * MINUTE, 100 + i, 101 + i, 99 + i, 100.5 + i, i);
    }

    @Test
    void keepsTheNewestBarsAddressedByAge() {
        BarRingBuffer buffer = new BarRingBuffer(3);
        assertThat(buffer.size()).isZero();
        for (int i = 0; i < 5; i++) {
            appendBar(buffer, i);
        }
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.capacity()).isEqualTo(3);
        assertThat(buffer.count()).isEqualTo(5);
        assertThat(buffer.close(0)).isEqualTo(104.5);
        assertThat(buffer.close(2)).isEqualTo(102.5);
        assertThat(buffer.openTimeMillis(1)).isEqualTo(3 * MINUTE);
        assertThat(buffer.open(1)).isEqualTo(103);
        assertThat(buffer.high(1)).isEqualTo(104);
        assertThat(buffer.low(1)).isEqualTo(102);
        assertThat(buffer.volume(2)).isEqualTo(2);
        assertThatThrownBy(() -> buffer.close(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("barsAgo must be in 0..2 (bars held: 3), got 3");
        assertThatThrownBy(() -> buffer.close(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void takesBarRecordsAndGivesThemBack() {
        InstrumentId id = InstrumentId.parse("BTCUSDT.BINANCE");
        Bar bar = new Bar(id, Timeframe.parse("1m"), 1677628800000L, 23140.48, 23150.77, 23128.52, 23142.31,
                2.131777);
        BarRingBuffer buffer = new BarRingBuffer(1);
        buffer.append(bar);
        assertThat(buffer.bar(0, id, Timeframe.parse("1m"))).isEqualTo(bar);
    }

    @Test
    void refusesBadCapacityAndInvalidBars() {
        assertThatThrownBy(() -> new BarRingBuffer(0))
                .hasMessage("bar ring buffer capacity must be >= 1, got 0");
        assertThatThrownBy(() -> new BarRingBuffer(2).append(0, 10, 9, 11, 10, 1))
                .hasMessageContaining("low <= open, close <= high");
    }

    @Test
    void roundTripsThroughASnapshotAndContinuesTheCount() {
        BarRingBuffer buffer = new BarRingBuffer(4);
        for (int i = 0; i < 6; i++) {
            appendBar(buffer, i);
        }
        SnapshotWriter out = new SnapshotWriter("test", 1);
        buffer.writeTo(out, "bars");
        StateSnapshot snapshot = out.toSnapshot();

        BarRingBuffer same = new BarRingBuffer(4);
        same.readFrom(new SnapshotReader(snapshot, "test", 1), "bars");
        assertThat(same.count()).isEqualTo(6);
        assertThat(same.size()).isEqualTo(4);
        for (int k = 0; k < 4; k++) {
            assertThat(same.close(k)).isEqualTo(buffer.close(k));
            assertThat(same.openTimeMillis(k)).isEqualTo(buffer.openTimeMillis(k));
        }
        appendBar(same, 6);
        assertThat(same.count()).isEqualTo(7);
        assertThat(same.close(1)).isEqualTo(105.5);

        BarRingBuffer smaller = new BarRingBuffer(2);
        smaller.readFrom(new SnapshotReader(snapshot, "test", 1), "bars");
        assertThat(smaller.size()).isEqualTo(2);
        assertThat(smaller.close(0)).isEqualTo(105.5);
        assertThat(smaller.close(1)).isEqualTo(104.5);
        assertThat(smaller.count()).isEqualTo(6);
        assertThatThrownBy(() -> smaller.readFrom(new SnapshotReader(snapshot, "test", 1), "bars"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesACorruptSnapshot() {
        BarRingBuffer buffer = new BarRingBuffer(4);
        for (int i = 0; i < 3; i++) {
            appendBar(buffer, i);
        }
        SnapshotWriter out = new SnapshotWriter("test", 1);
        buffer.writeTo(out, "bars");
        Map<String, String> values = new HashMap<>(out.toSnapshot().values());
        values.put("bars.close", "100.5,101.5");
        assertThatThrownBy(() -> new BarRingBuffer(4).readFrom(
                new SnapshotReader(new StateSnapshot("test/1", values), "test", 1), "bars"))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessage("bar ring buffer 'bars': columns hold 3 and 2 bars");
        values.remove("bars.volume");
        assertThatThrownBy(() -> new BarRingBuffer(4).readFrom(
                new SnapshotReader(new StateSnapshot("test/1", values), "test", 1), "bars"))
                .hasMessage("snapshot test/1 has no value 'bars.volume'");
    }
}
