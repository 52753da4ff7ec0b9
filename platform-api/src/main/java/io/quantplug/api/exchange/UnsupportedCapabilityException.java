package io.quantplug.api.exchange;

/** A method was called that the adapter did not declare among its capabilities. */
public class UnsupportedCapabilityException extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param adapter    the adapter's provider id
     * @param capability the missing capability
     */
    public UnsupportedCapabilityException(String adapter, ExchangeCapability capability) {
        super("exchange adapter '" + adapter + "' does not support " + capability);
    }
}
