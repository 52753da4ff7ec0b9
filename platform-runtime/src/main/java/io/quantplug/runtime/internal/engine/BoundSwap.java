package io.quantplug.runtime.internal.engine;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.param.Parameters;
import io.quantplug.runtime.session.InstanceSwap;
import io.quantplug.runtime.session.PluginFault;

import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The hot-swap steps of a risk rule or an enhancement, on the engine thread between two events: the old instance's
 * snapshot, the new instance created with the same parameters, the snapshot offered to it. The old instance stays in
 * place until its successor exists, so the rule or enhancement is never absent. When the successor cannot be created
 * or restored, the fault is reported and a fail-closed stand-in takes the place (see {@link InstanceSwap.Outcome}).
 */
final class BoundSwap {

    private BoundSwap() {
    }

    /** The successor and what happened. */
    record Result<T>(Bound<T> bound, InstanceSwap swap) {
    }

    static <T> Result<T> swap(Bound<T> old, Function<Parameters, T> create, Function<T, StateSnapshot> snapshotOf,
                              BiPredicate<T, StateSnapshot> restore, Function<String, T> failClosed,
                              TradingSession session, long barsBefore) {
        String id = old.id();
        if (old.parameters() == null) {
            return new Result<>(old, new InstanceSwap(id, InstanceSwap.Outcome.NOT_APPLIED, -1,
                    "the parameters of '" + id + "' are not known to the session"));
        }
        StateSnapshot snapshot = null;
        try {
            snapshot = snapshotOf.apply(old.instance());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            session.reportFault(id, id, "snapshot", e, "STARTED_FRESH");
        }
        T fresh;
        boolean restored = false;
        String callback = "create";
        try {
            fresh = create.apply(old.parameters());
            if (fresh == null) {
                throw new IllegalStateException("provider '" + id + "' returned null");
            }
            if (snapshot != null) {
                callback = "restore";
                restored = restore.test(fresh, snapshot);
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            String why = PluginFault.describe(e);
            session.reportFault(id, id, callback, e, "FAIL_CLOSED");
            return new Result<>(new Bound<>(id, failClosed.apply(id + " could not be swapped: " + why),
                    old.parameters()), new InstanceSwap(id, InstanceSwap.Outcome.FAILED, barsBefore, why));
        }
        return new Result<>(new Bound<>(id, fresh, old.parameters()), new InstanceSwap(id,
                restored ? InstanceSwap.Outcome.RESTORED : InstanceSwap.Outcome.STARTED_FRESH, barsBefore, null));
    }
}
