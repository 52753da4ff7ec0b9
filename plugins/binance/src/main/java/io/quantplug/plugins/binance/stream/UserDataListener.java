package io.quantplug.plugins.binance.stream;

import io.quantplug.api.exchange.Balance;
import io.quantplug.api.order.OrderEvent;

import java.math.BigDecimal;
import java.util.List;

/**
 * Receives what {@link UserDataDecoder} finds in Binance's user data stream. Called on the stream thread; an
 * adapter forwards order events to its {@link io.quantplug.api.exchange.ExchangeListener} and keeps the balances.
 */
public interface UserDataListener {

    /**
     * One of the account's orders changed (accepted, filled, canceled, expired, rejected).
     *
     * @param event the event
     */
    void onOrderEvent(OrderEvent event);

    /**
     * The current balances of the assets an account change touched (spot {@code outboundAccountPosition}, USD&#9416;-M
     * {@code ACCOUNT_UPDATE}). Assets not listed did not change.
     *
     * @param balances   the new balances
     * @param timeMillis event time, UTC epoch ms
     */
    void onBalances(List<Balance> balances, long timeMillis);

    /**
     * A deposit, withdrawal or transfer changed an asset's free balance by {@code delta} (spot
     * {@code balanceUpdate}); an {@code outboundAccountPosition} with the new balance follows on Binance.
     *
     * @param asset      the asset, e.g. {@code BTC}
     * @param delta      the change, asset units, signed
     * @param timeMillis clear time, UTC epoch ms
     */
    void onBalanceDelta(String asset, BigDecimal delta, long timeMillis);

    /** Binance says the listen key expired ({@code listenKeyExpired}): the stream must be re-opened with a new key. */
    default void onListenKeyExpired() {
    }

    /**
     * A user data message that could not be turned into events (malformed, or values the platform refuses, such
     * as a trade report with a zero price). The adapter should reconcile the order through REST.
     *
     * @param reason what was wrong, with the order id where known
     */
    default void onUnusable(String reason) {
    }
}
