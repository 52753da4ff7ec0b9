package io.quantplug.plugins.mlregime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ring of bars: indices count on after the oldest bars fall out, and after a restored start. */
class BarWindowTest {

    @Test
    void keepsTheLastCapacityBarsByStreamIndex() {
        BarWindow w = new BarWindow(3);
        for (int i = 0; i < 5; i++) {
            w.add(Fixtures.bar(i, 100 + i, 100 + i, 100 + i, 100 + i, i));
        }
        // bars 0..4 added, capacity 3: bars 2, 3, 4 held
        assertThat(w.count()).isEqualTo(5);
        assertThat(w.first()).isEqualTo(2);
        assertThat(w.close(2)).isEqualTo(102);
        assertThat(w.close(4)).isEqualTo(104);
        assertThat(w.openTime(3)).isEqualTo(3 * 3_600_000L);
        assertThatThrownBy(() -> w.close(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("bar 1 is not held (held: 2 .. 4)");
        assertThatThrownBy(() -> w.close(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aRestoredWindowHoldsOnlyWhatWasAddedAfterItsStart() {
        BarWindow w = new BarWindow(10);
        w.startAt(1_000);
        w.add(0, 5, 6, 4, 5.5, 1);
        w.add(1, 5.5, 6, 5, 5.8, 1);
        // indices 1000 and 1001; bars 992 .. 999 were never added although the capacity would hold them
        assertThat(w.first()).isEqualTo(1_000);
        assertThat(w.close(1_001)).isEqualTo(5.8);
        assertThat(w.holds(999)).isFalse();
        assertThatThrownBy(() -> w.startAt(5)).isInstanceOf(IllegalStateException.class);
    }
}
