package io.quantplug.runtime.internal.engine;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.param.Parameters;
import io.quantplug.runtime.session.FaultAction;
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
                              CallbackGuard guard, long barsBefore) {
        String id = old.id();
        if (old.parameters() == null) {
            return new Result<>(old, new InstanceSwap(id, InstanceSwap.Outcome.NOT_APPLIED, -1,
                    "the parameters of '" + id + "' are not known to the session"));
        }
        StateSnapshot snapshot = guard.call(id, id, "snapshot", FaultAction.STARTED_FRESH,
                Function::apply, snapshotOf, old.instance(), null);
        T fresh = guard.call(id, id, "create", FaultAction.FAIL_CLOSED, BoundSwap::created, create, old,
                null);
        boolean failed = guard.failed();
        boolean restored = false;
        if (!failed && snapshot != null) {
            restored = guard.call(id, id, "restore", FaultAction.FAIL_CLOSED, restore::test, fresh, snapshot, false);
            failed = guard.failed();
        }
        if (failed) {
            String why = PluginFault.describe(guard.lastFault());
            return new Result<>(new Bound<>(id, failClosed.apply(id + " could not be swapped: " + why),
                    old.parameters()), new InstanceSwap(id, InstanceSwap.Outcome.FAILED, barsBefore, why));
        }
        return new Result<>(new Bound<>(id, fresh, old.parameters()), new InstanceSwap(id,
                restored ? InstanceSwap.Outcome.RESTORED : InstanceSwap.Outcome.STARTED_FRESH, barsBefore, null));
    }

    /** The successor, created with the old instance's parameters; a provider that returns null fails. */
    private static <T> T created(Function<Parameters, T> create, Bound<T> old) {
        T fresh = create.apply(old.parameters());
        if (fresh == null) {
            throw new IllegalStateException("provider '" + old.id() + "' returned null");
        }
        return fresh;
    }
}
