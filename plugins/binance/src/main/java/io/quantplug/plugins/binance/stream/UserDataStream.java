package io.quantplug.plugins.binance.stream;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.quantplug.api.exchange.Balance;
import io.quantplug.api.order.OrderEvent;

/**
 * A Binance user data stream: a listen key from the {@link ListenKeySource}, a {@link StreamConnection} to
 * {@code <base>/<listenKey>}, messages decoded by a {@link UserDataDecoder} into a {@link UserDataListener}, and
 * the key kept alive.
 *
 * <p>Lifecycle and failure cases:
 * <ul>
 *   <li>{@link #open()} creates the key (its failure is thrown to the caller) and connects;</li>
 *   <li>every {@code keepAliveInterval} (default 30 min) the key is kept alive; if that fails, a new key is
 *       created and the connection re-opened on it (if creating fails too, the next interval tries again);</li>
 *   <li>Binance's {@code listenKeyExpired} event: a new key is created and the connection re-opened on it;</li>
 *   <li>connection failures, silence and the 24-hour limit are the {@link StreamConnection}'s (reconnect with
 *       backoff on the current key). Order events missed while down are not replayed by Binance: the adapter
 *       reconciles through REST when the connection comes back up;</li>
 *   <li>{@link #close()} closes the connection and the key.</li>
 * </ul>
 * The key never appears in connection details or log messages. Threading: key calls run on the scheduler;
 * listener calls on the connection's threads, one at a time.
 */
public final class UserDataStream implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(UserDataStream.class.getName());

    private final ListenKeySource keys;
    private final ScheduledExecutorService scheduler;
    private final Duration keepAliveInterval;
    private final StreamConnection connection;
    private volatile String listenKey;
    private ScheduledFuture<?> keepAlive;

    /**
     * A user data stream, not yet open.
     *
     * @param http               the JDK HTTP client, not null
     * @param base               the raw-stream base ending in {@code /ws/}, e.g.
     *                           {@code wss://stream.binance.com:9443/ws/}
     * @param keys               the listen key's REST side, not null
     * @param decoder            the decoder, not null
     * @param listener           receives order events and balances, not null
     * @param connectionListener told when the connection goes down or comes up, not null
     * @param scheduler          runs keep-alives and reconnects, not null
     * @param nanoClock          monotonic nanoseconds
     * @param settings           connection timing (a quiet account sends nothing for hours: use
     *                           {@link StreamSettings#NEVER_STALE} or a long {@code staleAfter})
     * @param keepAliveInterval  time between keep-alives, &gt; 0 and below Binance's 60-minute validity
     * @throws IllegalArgumentException if {@code keepAliveInterval} is not in (0, 60 min)
     */
    public UserDataStream(HttpClient http, URI base, ListenKeySource keys, UserDataDecoder decoder,
                          UserDataListener listener, ConnectionListener connectionListener,
                          ScheduledExecutorService scheduler, LongSupplier nanoClock, StreamSettings settings,
                          Duration keepAliveInterval) {
        Objects.requireNonNull(base, "base");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (keepAliveInterval.isZero() || keepAliveInterval.isNegative()
                || keepAliveInterval.compareTo(Duration.ofMinutes(60)) >= 0) {
            throw new IllegalArgumentException("keepAliveInterval must be in (0, 60 min), got " + keepAliveInterval);
        }
        this.keepAliveInterval = keepAliveInterval;
        UserDataListener renewing = new Renewing(Objects.requireNonNull(listener, "listener"));
        this.connection = new StreamConnection(http, () -> base.resolve(listenKey), List.of(), new StreamHandler() {
            @Override
            public void onConnected() {
            }

            @Override
            public void onMessage(String text) {
                decoder.decode(text, renewing);
            }
        }, connectionListener, scheduler, nanoClock, settings);
    }

    /**
     * Creates the listen key and connects.
     *
     * @throws RuntimeException whatever {@link ListenKeySource#create()} throws
     */
    public void open() {
        listenKey = keys.create();
        long every = keepAliveInterval.toNanos();
        keepAlive = scheduler.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.NANOSECONDS);
        connection.open();
    }

    private void keepAlive() {
        try {
            keys.keepAlive(listenKey);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "listen key keep-alive failed (" + e.getClass().getSimpleName()
                    + "); creating a new key");
            renew("listen key keep-alive failed");
        }
    }

    private void renew(String why) {
        try {
            listenKey = keys.create();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "creating a listen key failed (" + e.getClass().getSimpleName()
                    + "); trying again at the next keep-alive");
            return;
        }
        connection.reconnect(why + ": re-opening on a new listen key");
    }

    /**
     * The underlying connection (its state and reconnect count).
     *
     * @return the connection
     */
    public StreamConnection connection() {
        return connection;
    }

    /** Closes the connection and the listen key (a failure to close the key is logged). */
    @Override
    public void close() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        connection.close();
        String key = listenKey;
        if (key != null) {
            try {
                keys.close(key);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the listen key failed: " + e.getClass().getSimpleName());
            }
        }
    }

    /** Passes everything on, and renews the key when Binance says it expired. */
    private final class Renewing implements UserDataListener {
        private final UserDataListener target;

        Renewing(UserDataListener target) {
            this.target = target;
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            target.onOrderEvent(event);
        }

        @Override
        public void onBalances(List<Balance> balances, long timeMillis) {
            target.onBalances(balances, timeMillis);
        }

        @Override
        public void onBalanceDelta(String asset, BigDecimal delta, long timeMillis) {
            target.onBalanceDelta(asset, delta, timeMillis);
        }

        @Override
        public void onListenKeyExpired() {
            target.onListenKeyExpired();
            scheduler.execute(() -> renew("Binance reported the listen key expired"));
        }

        @Override
        public void onUnusable(String reason) {
            target.onUnusable(reason);
        }
    }
}
