package io.quantplug.app;

import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue of waiting diffs and snapshots keeps recorded order through growth and wrap-around. */
class WaitingDepthTest {

    private static DepthUpdate diff(long u) {
        DepthUpdate d = new DepthUpdate();
        d.ids(u, u, -1);
        d.addBid(100 + u, 1);
        return d;
    }

    @Test
    void keepsOrderWhenASnapshotArrivesOnAFullQueueAndAfterWrapping() {
        WaitingDepth q = new WaitingDepth();
        q.addUpdate(diff(1), 10);
        q.removeHead(); // the head moves on: later additions wrap around the arrays
        for (long u = 2; u <= 5; u++) {
            q.addUpdate(diff(u), 10 * u); // four waiting: the initial arrays are full
        }
        DepthSnapshot snapshot = new DepthSnapshot(6, new double[] {99}, new double[] {1}, new double[] {101},
                new double[] {1});
        q.addSnapshot(snapshot, 60); // grows the arrays (this used to index the old, full one)
        q.addUpdate(diff(7), 70);
        for (long u = 2; u <= 5; u++) {
            assertThat(q.headIsSnapshot()).isFalse();
            assertThat(q.headStamp()).isEqualTo(10 * u);
            assertThat(q.headUpdate().finalUpdateId()).isEqualTo(u);
            assertThat(q.headUpdate().bidPrice(0)).isEqualTo(100 + u);
            q.removeHead();
        }
        assertThat(q.headIsSnapshot()).isTrue();
        assertThat(q.headSnapshot()).isSameAs(snapshot);
        q.removeHead();
        assertThat(q.headUpdate().finalUpdateId()).isEqualTo(7);
        q.removeHead();
        assertThat(q.isEmpty()).isTrue();
    }
}
