package io.quantplug.plugins.binance;

import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Takes each order's events from one source, so that no fill is reported twice: Binance reports an order both in
 * the REST answer (acceptance, the fills of a spot FULL answer, the cancel) and in the user data stream.
 *
 * <ul>
 *   <li>Events of the user data stream are always delivered (they are the venue's own account of every change);
 *       the order's id is remembered.</li>
 *   <li>A refusal (our validation, or Binance's error answer to the request) is delivered unless the stream has
 *       reported the order: the stream reports no order that was never placed.</li>
 *   <li>Events from a REST answer are delivered only when the stream cannot carry them: no user data stream is
 *       up when the answer arrives, and the stream has reported nothing of that order (it may have reported it
 *       before the answer came back). Otherwise they are dropped as repeats.</li>
 * </ul>
 * A stream that drops after the answer but before its reports arrive loses them, and Binance does not replay
 * them: the session reconciles through REST ({@link BinanceAdapter#tradesSince}, {@link BinanceAdapter#openOrders}),
 * as after any disconnect. Remembers the last {@value #REMEMBERED} order ids. Thread-safe.
 */
final class OrderEventRouter {

    static final int REMEMBERED = 10_000;

    private final ExchangeListener target;
    private final BooleanSupplier streamUp;
    private final Map<ClientOrderId, Boolean> streamed = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ClientOrderId, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    OrderEventRouter(ExchangeListener target, BooleanSupplier streamUp) {
        this.target = Objects.requireNonNull(target, "target");
        this.streamUp = Objects.requireNonNull(streamUp, "streamUp");
    }

    /** An event of the user data stream: delivered. */
    void fromStream(OrderEvent event) {
        synchronized (streamed) {
            streamed.put(event.clientOrderId(), Boolean.TRUE);
        }
        target.onOrderEvent(event);
    }

    /**
     * The events about one order from REST: an answer's events are delivered unless the stream carries them; a
     * refusal (validation, or an error answer, of which Binance's stream says nothing) unless the stream has
     * reported the order.
     */
    void fromRest(ClientOrderId order, List<? extends OrderEvent> events, boolean refusal) {
        boolean seen;
        synchronized (streamed) {
            seen = streamed.containsKey(order);
        }
        if (seen || !refusal && streamUp.getAsBoolean()) {
            return;
        }
        events.forEach(target::onOrderEvent);
    }

    /** Where events go. */
    ExchangeListener target() {
        return target;
    }
}
