package io.quantplug.runtime.internal.engine;

/**
 * Finds the owner of an order or a round trip by its id: what the order router and the position closer need of the
 * session's strategy instances, to hand a closing order's events to whoever opened the position. Engine thread only.
 */
interface OrderOwners {

    /**
     * The strategy instance or signal group an owner id names.
     *
     * @param ownerId an owner id, or null
     * @return the owner, or null for a rule, the engine or none
     */
    OrderOwner ownerById(String ownerId);
}
