package io.quantplug.plugins.grid;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid's orders by client order id, in the order they were placed: working ones, and ones the strategy asked to
 * cancel whose outcome (canceled, or filled after all) has not come back yet.
 *
 * <p>An order stays in the book until an event ends it: filled completely, refused, canceled or expired. An order
 * being canceled still counts in {@link #quantity(Side)} and still holds its level ({@link #at}): until the venue
 * confirms, it may fill. A cancel may carry a <em>deferred</em> order: a filled order whose matching order would have
 * landed on the canceled order's level (see {@link VolatilityGrid}); it is handed back when the canceled order's
 * outcome is known. Engine thread only.
 */
final class GridBook {

    private final Map<ClientOrderId, GridOrder> orders = new LinkedHashMap<>();
    /** Orders being canceled, with the session time the cancel was asked for. */
    private final Map<ClientOrderId, Long> canceling = new LinkedHashMap<>();
    /** Filled orders whose matching order waits for a canceled order's outcome, by that order's id. */
    private final Map<ClientOrderId, GridOrder> deferred = new LinkedHashMap<>();

    /**
     * Adds a placed order.
     *
     * @param order the order
     * @throws IllegalArgumentException when its id is in the book already
     */
    void add(GridOrder order) {
        if (orders.putIfAbsent(order.id(), order) != null) {
            throw new IllegalArgumentException("order " + order.id() + " is in the grid book already");
        }
    }

    /**
     * Marks an order as being canceled.
     *
     * @param id          the order
     * @param timeMillis  when the cancel was asked for, session time
     * @param waitingFill a filled order whose matching order waits for this one's outcome, or null
     */
    void canceling(ClientOrderId id, long timeMillis, GridOrder waitingFill) {
        canceling.put(id, timeMillis);
        if (waitingFill != null) {
            deferred.put(id, waitingFill);
        }
    }

    /**
     * Whether the strategy asked for an order to be canceled and no outcome has come back.
     *
     * @param id the order
     * @return true while the cancel is pending
     */
    boolean isCanceling(ClientOrderId id) {
        return canceling.containsKey(id);
    }

    /**
     * Whether any cancel is pending.
     *
     * @return true when some order is being canceled
     */
    boolean anyCanceling() {
        return !canceling.isEmpty();
    }

    /**
     * The orders not being canceled, in placement order.
     *
     * @return a new list
     */
    List<GridOrder> working() {
        List<GridOrder> out = new ArrayList<>();
        for (GridOrder o : orders.values()) {
            if (!canceling.containsKey(o.id())) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Takes an order out of the book when an event ends it.
     *
     * @param id the order
     * @return the order and the filled order that waited for it (or null), or null when the order is not in the book
     */
    Ended end(ClientOrderId id) {
        GridOrder order = orders.remove(id);
        canceling.remove(id);
        GridOrder waiting = deferred.remove(id);
        return order == null ? null : new Ended(order, waiting);
    }

    /**
     * An order that left the book.
     *
     * @param order   the order
     * @param waiting the filled order whose matching order waited for it, or null
     */
    record Ended(GridOrder order, GridOrder waiting) {
    }

    /** Forgets every deferred matching order (the grid they belong to is being canceled). */
    void dropDeferred() {
        deferred.clear();
    }

    /**
     * Takes out the orders whose cancel was asked for before a time and never answered: they are taken as gone.
     *
     * @param timeMillis session time; cancels asked for earlier are dropped
     * @return the orders dropped
     */
    List<GridOrder> dropCancelsBefore(long timeMillis) {
        List<GridOrder> out = new ArrayList<>();
        for (Map.Entry<ClientOrderId, Long> e : List.copyOf(canceling.entrySet())) {
            if (e.getValue() < timeMillis) {
                out.add(end(e.getKey()).order());
            }
        }
        return out;
    }

    /**
     * Every order in the book, in placement order.
     *
     * @return an unmodifiable view
     */
    Collection<GridOrder> orders() {
        return Collections.unmodifiableCollection(orders.values());
    }

    /**
     * The total quantity of one side's orders, including those being canceled (they may still fill).
     *
     * @param side buy or sell
     * @return base units, &ge; 0
     */
    BigDecimal quantity(Side side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (GridOrder o : orders.values()) {
            if (o.side() == side) {
                sum = sum.add(o.quantity());
            }
        }
        return sum;
    }

    /**
     * The order at a price, of either side, including one being canceled.
     *
     * @param price the limit price
     * @return the first such order, or null
     */
    GridOrder at(BigDecimal price) {
        for (GridOrder o : orders.values()) {
            if (o.price().compareTo(price) == 0) {
                return o;
            }
        }
        return null;
    }

    /**
     * Writes the book into a snapshot's values: {@code orders} as {@code id|SIDE|price|quantity;...},
     * {@code canceling} as {@code id@millis;...}, {@code deferred} as {@code id>order;...}.
     *
     * @param out the values
     */
    void writeTo(Map<String, String> out) {
        out.put("orders", GridSnapshot.orders(orders.values()));
        StringBuilder c = new StringBuilder();
        canceling.forEach((id, t) -> c.append(c.length() == 0 ? "" : ";").append(id.value()).append('@').append(t));
        out.put("canceling", c.toString());
        StringBuilder d = new StringBuilder();
        deferred.forEach((id, o) -> d.append(d.length() == 0 ? "" : ";").append(id.value()).append('>')
                .append(GridSnapshot.orders(List.of(o))));
        out.put("deferred", d.toString());
    }

    /**
     * Replaces the book with what {@link #writeTo} wrote.
     *
     * @param in the snapshot's values
     * @throws IllegalArgumentException when a value is missing or malformed (names it)
     */
    void readFrom(Map<String, String> in) {
        orders.clear();
        canceling.clear();
        deferred.clear();
        GridSnapshot.orders(GridSnapshot.text(in, "orders")).forEach(this::add);
        for (String entry : split(GridSnapshot.text(in, "canceling"))) {
            int at = entry.indexOf('@');
            if (at < 0) {
                throw new IllegalArgumentException("snapshot canceling entry '" + entry + "' is not id@millis");
            }
            canceling.put(new ClientOrderId(entry.substring(0, at)), Long.parseLong(entry.substring(at + 1)));
        }
        for (String entry : split(GridSnapshot.text(in, "deferred"))) {
            int gt = entry.indexOf('>');
            if (gt < 0) {
                throw new IllegalArgumentException("snapshot deferred entry '" + entry + "' is not id>order");
            }
            deferred.put(new ClientOrderId(entry.substring(0, gt)),
                    GridSnapshot.orders(entry.substring(gt + 1)).get(0));
        }
    }

    private static String[] split(String text) {
        return text.isEmpty() ? new String[0] : text.split(";");
    }
}
