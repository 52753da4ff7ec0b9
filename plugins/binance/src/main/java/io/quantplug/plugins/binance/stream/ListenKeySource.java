package io.quantplug.plugins.binance.stream;

/**
 * The REST side of a Binance user data stream's listen key (spot {@code /api/v3/userDataStream}, USD&#9416;-M
 * {@code /fapi/v1/listenKey}): implemented by the adapter's REST client with the account's API key. A key is valid
 * for 60 minutes unless kept alive; Binance advises a keep-alive about every 30 minutes.
 *
 * <p>Calls block and are made from a scheduler thread, never from a stream thread. Failures are thrown as
 * unchecked exceptions; implementations must not put the key or the API key in their messages.
 */
public interface ListenKeySource {

    /**
     * Creates (or returns the account's current) listen key: {@code POST}.
     *
     * @return the listen key
     */
    String create();

    /**
     * Extends a key's validity by 60 minutes: {@code PUT}.
     *
     * @param listenKey the key
     */
    void keepAlive(String listenKey);

    /**
     * Closes a key: {@code DELETE}.
     *
     * @param listenKey the key
     */
    void close(String listenKey);
}
