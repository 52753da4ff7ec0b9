package io.quantplug.runtime.session;

import java.util.Objects;

/**
 * A plugin callback that threw, and what the session's fault policy did about it.
 *
 * @param timeMillis  session time of the failure, UTC epoch milliseconds
 * @param extensionId the provider id of the failing extension, e.g. {@code sma-crossover}
 * @param instanceId  the instance id (the extension id for rules and enhancers)
 * @param callback    the method that threw, e.g. {@code onBar}
 * @param error       the exception class and message
 * @param action      what the policy did, e.g. {@link FaultAction#STOPPED_INSTANCE}; serialized by its name
 */
public record PluginFault(long timeMillis, String extensionId, String instanceId, String callback, String error,
                          FaultAction action) {

    /**
     * Checks that no component is null.
     *
     * @param timeMillis session time of the failure, UTC epoch milliseconds
     * @param extensionId the provider id of the failing extension, e.g. {@code sma-crossover}
     * @param instanceId the instance id (the extension id for rules and enhancers)
     * @param callback the method that threw, e.g. {@code onBar}
     * @param error the exception class and message
     * @param action what the policy did, e.g. {@link FaultAction#STOPPED_INSTANCE}
     */
    public PluginFault {
        Objects.requireNonNull(extensionId, "extensionId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(action, "action");
    }

    /**
     * Describes a throwable as {@code SimpleClassName: message}.
     *
     * @param t the throwable
     * @return the description
     */
    public static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
