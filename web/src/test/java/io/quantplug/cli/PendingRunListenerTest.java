package io.quantplug.cli;

import io.quantplug.runtime.session.FaultAction;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingRunListenerTest {

    /** Notes each fault's time, the one callback these tests need. */
    private static final class Notes implements SessionListener {
        final List<Long> times = new ArrayList<>();

        @Override
        public void onFault(PluginFault fault) {
            times.add(fault.timeMillis());
        }
    }

    private static PluginFault fault(long time) {
        return new PluginFault(time, "sma-crossover", "sma-crossover-1", "onBar", "boom", FaultAction.CONTINUED);
    }

    @Test
    void keepsCallbacksUntilTheRunIsRecordedThenPassesThemOnInOrderAndTheRestAtOnce() {
        CompletableFuture<Notes> recorded = new CompletableFuture<>();
        PendingRunListener<Notes> pending = new PendingRunListener<>(recorded, n -> n);
        pending.onFault(fault(1));
        pending.onFault(fault(2));
        Notes notes = new Notes();
        recorded.complete(notes);
        assertThat(notes.times).isEmpty(); // nothing passed on behind the engine thread's back
        pending.onFault(fault(3)); // the first callback after: the kept ones first, then this one
        assertThat(notes.times).containsExactly(1L, 2L, 3L);
        assertThat(pending.ready()).isSameAs(notes);
        pending.onFault(fault(4));
        assertThat(notes.times).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void readyWaitsAndPassesOnWhatWasKept() {
        CompletableFuture<Notes> recorded = new CompletableFuture<>();
        PendingRunListener<Notes> pending = new PendingRunListener<>(recorded, n -> n);
        pending.onFault(fault(7));
        Notes notes = new Notes();
        recorded.complete(notes);
        pending.ready();
        assertThat(notes.times).containsExactly(7L);
    }

    @Test
    void readyThrowsWhatRecordingTheRunThrew() {
        CompletableFuture<Notes> recorded = new CompletableFuture<>();
        PendingRunListener<Notes> pending = new PendingRunListener<>(recorded, n -> n);
        pending.onFault(fault(1));
        recorded.completeExceptionally(new StoreUnavailableException("cannot connect to the database", null));
        pending.onFault(fault(2)); // kept: the error is reported by ready(), not thrown into the engine
        assertThatThrownBy(pending::ready).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot connect");
    }
}
