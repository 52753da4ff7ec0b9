package io.quantplug.sdk.snapshot;

import io.quantplug.api.StateSnapshot;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCodecTest {

    private static final double[] AWKWARD = {0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
        Double.NEGATIVE_INFINITY, 23142.31, 1e-300};

    @Test
    void roundTripsEveryValueExactly() {
        StateSnapshot s = new SnapshotWriter("sma-crossover", 3).putLong("position", Long.MIN_VALUE)
                .putDouble("entry", 0.1 + 0.2).putString("note", "a,b;c=d").putDoubles("closes", AWKWARD)
                .putDoubles("none", new double[0]).putLongs("times", new long[] {1677628800000L, -1, 0})
                .toSnapshot();
        assertThat(s.format()).isEqualTo("sma-crossover/3");
        assertThat(s.values()).containsEntry("sdk.codec", "1").containsEntry("entry", "0.30000000000000004")
                .containsEntry("times", "1677628800000,-1,0");

        SnapshotReader in = new SnapshotReader(s, "sma-crossover", 3);
        assertThat(in.getLong("position")).isEqualTo(Long.MIN_VALUE);
        assertThat(in.getDouble("entry")).isEqualTo(0.1 + 0.2);
        assertThat(in.getString("note")).isEqualTo("a,b;c=d");
        double[] back = in.getDoubles("closes");
        for (int i = 0; i < AWKWARD.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).as("element %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(AWKWARD[i]));
        }
        assertThat(in.getDoubles("none")).isEmpty();
        assertThat(in.getLongs("times")).containsExactly(1677628800000L, -1, 0);
        assertThat(in.has("position")).isTrue();
        assertThat(in.has("missing")).isFalse();
    }

    @Test
    void refusesAnotherLayoutOrVersionByName() {
        StateSnapshot s = new SnapshotWriter("grid", 2).putLong("levels", 5).toSnapshot();
        assertThat(SnapshotReader.canRead(s, "grid", 2)).isTrue();
        assertThat(SnapshotReader.canRead(s, "grid", 1)).isFalse();
        assertThatThrownBy(() -> new SnapshotReader(s, "grid", 1)).isInstanceOf(SnapshotFormatException.class)
                .hasMessage("snapshot format 'grid/2' is not the expected 'grid/1'");
        assertThatThrownBy(() -> new SnapshotReader(s, "sma-crossover", 2))
                .hasMessage("snapshot format 'grid/2' is not the expected 'sma-crossover/2'");
    }

    @Test
    void refusesAnUnknownOrMissingCodecVersion() {
        Map<String, String> values = new HashMap<>(new SnapshotWriter("grid", 1).toSnapshot().values());
        values.put("sdk.codec", "2");
        assertThatThrownBy(() -> new SnapshotReader(new StateSnapshot("grid/1", values), "grid", 1))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessage("snapshot grid/1 has codec version '2'; this SDK reads version 1");
        assertThatThrownBy(() -> new SnapshotReader(new StateSnapshot("grid/1", Map.of("levels", "5")), "grid", 1))
                .hasMessage("snapshot grid/1 has codec version (none: not written by SnapshotWriter); this SDK"
                        + " reads version 1");
    }

    @Test
    void namesTheKeyOfAMissingOrCorruptValue() {
        Map<String, String> values = new HashMap<>(new SnapshotWriter("grid", 1).toSnapshot().values());
        values.put("levels", "5x");
        values.put("price", "1.5d");
        values.put("closes", "1.0,,3.0");
        values.put("times", "12,abc");
        SnapshotReader in = new SnapshotReader(new StateSnapshot("grid/1", values), "grid", 1);
        assertThatThrownBy(() -> in.getLong("levels")).isInstanceOf(SnapshotFormatException.class)
                .hasMessage("snapshot grid/1 value 'levels' is not a whole number: '5x'");
        assertThatThrownBy(() -> in.getDouble("price"))
                .hasMessage("snapshot grid/1 value 'price' is not a number: '1.5d'");
        assertThatThrownBy(() -> in.getDoubles("closes"))
                .hasMessage("snapshot grid/1 value 'closes[1]' is not a number: ''");
        assertThatThrownBy(() -> in.getLongs("times"))
                .hasMessage("snapshot grid/1 value 'times[1]' is not a whole number: 'abc'");
        assertThatThrownBy(() -> in.getDouble("entry")).hasMessage("snapshot grid/1 has no value 'entry'");
    }

    @Test
    void refusesBadNamesReservedAndRepeatedKeys() {
        assertThatThrownBy(() -> new SnapshotWriter("my strategy", 1))
                .hasMessage("snapshot layout must be letters, digits, '.', '_' or '-', got 'my strategy'");
        assertThatThrownBy(() -> new SnapshotWriter("grid", 0)).hasMessage("snapshot version must be >= 1, got 0");
        SnapshotWriter w = new SnapshotWriter("grid", 1).putLong("a", 1);
        assertThatThrownBy(() -> w.putLong("a", 2)).hasMessage("snapshot grid/1 key 'a' is written twice");
        assertThatThrownBy(() -> w.putLong("sdk.codec", 2)).hasMessageContaining("not start with 'sdk.'");
        assertThatThrownBy(() -> w.putDouble("a=b", 2)).hasMessageContaining("got 'a=b'");
    }
}
