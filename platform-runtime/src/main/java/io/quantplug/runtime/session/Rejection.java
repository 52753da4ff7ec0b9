package io.quantplug.runtime.session;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.RejectReason;

import java.util.Objects;

/**
 * An order that was refused, with its typed reason.
 *
 * @param timeMillis    refusal time, UTC epoch milliseconds
 * @param strategy      the owning instance id
 * @param clientOrderId the refused order
 * @param instrument    its instrument
 * @param reason        why
 */
public record Rejection(long timeMillis, String strategy, ClientOrderId clientOrderId, InstrumentId instrument,
                        RejectReason reason) {

    /**
     * Checks that no component is null.
     *
     * @param timeMillis refusal time, UTC epoch milliseconds
     * @param strategy the owning instance id
     * @param clientOrderId the refused order
     * @param instrument its instrument
     * @param reason why
     */
    public Rejection {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(reason, "reason");
    }
}
