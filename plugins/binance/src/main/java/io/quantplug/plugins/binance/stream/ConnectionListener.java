package io.quantplug.plugins.binance.stream;

/**
 * Told when a {@link StreamConnection} goes down or comes up. An adapter passes
 * {@link io.quantplug.api.exchange.ExchangeListener#onConnectionChange} here.
 */
@FunctionalInterface
public interface ConnectionListener {

    /**
     * The connection changed.
     *
     * @param connected whether it is up now
     * @param detail    what happened, for people (never a listen key or other secret)
     */
    void onConnectionChange(boolean connected, String detail);
}
