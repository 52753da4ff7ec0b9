package io.quantplug.runtime.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The strategy instances of a session, in the order added, and the signal group they may trade as. Written while the
 * session is set up, read on every bar. Engine thread only.
 */
final class StrategyInstances implements OrderOwners {

    private final List<StrategyRunner> runners = new ArrayList<>();
    /** The instances trading as one under an aggregation policy, or null when each trades on its own. */
    private SignalGroup group;

    /** The instances, in the order added: the list itself, for the per-bar loop. */
    List<StrategyRunner> runners() {
        return runners;
    }

    void add(StrategyRunner runner) {
        runners.add(runner);
    }

    /** The signal group, or null. */
    SignalGroup group() {
        return group;
    }

    void group(SignalGroup group) {
        this.group = group;
    }

    /** The instance of an id, or null. */
    StrategyRunner byId(String instanceId) {
        for (StrategyRunner r : runners) {
            if (r.instanceId().equals(instanceId)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public OrderOwner ownerById(String ownerId) {
        if (ownerId == null) {
            return null;
        }
        if (group != null && ownerId.equals(SignalGroup.ID)) {
            return group;
        }
        return byId(ownerId);
    }
}
