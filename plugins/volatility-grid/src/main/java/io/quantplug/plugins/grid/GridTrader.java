package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.strategy.StrategyContext;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Places, answers and cancels the orders of one grid, and counts the inventory: the order side of
 * {@link VolatilityGrid}, whose class comment states the rules (limits, the matching order, netting).
 *
 * <p>Netting in detail. When the level a filled order's answer belongs on holds an order of the filled order's own
 * side, the two would trade with each other. That order is asked to cancel, with the filled order attached; what
 * happens next depends on the outcome, because within one bar the venue may already have filled it (its fill is
 * delivered after the fill being handled):
 * <ul>
 *   <li>canceled: each of the pair gets the order its own fill would have placed, i.e. the filled order's level is
 *       placed again and the canceled order's answer goes one level further out;</li>
 *   <li>filled after all: nothing clashes any more; both fills are answered as usual;</li>
 *   <li>refused or expired: it is gone; the filled order's answer goes on the level it waited for.</li>
 * </ul>
 *
 * <p>Engine thread only.
 */
final class GridTrader {

    private static final String INVENTORY = "inventory";
    private static final String CENTRE = "layout.centre";
    private static final String SPACING = "layout.spacing";
    private static final String LEVELS = "layout.levels";
    private static final String QUANTITY = "sizing.quantity";
    private static final String LIMIT = "sizing.inventoryLimit";

    private final StrategyContext context;
    private final Instrument instrument;
    private final GridBook book = new GridBook();
    private GridLayout layout;
    private GridSizing sizing;
    /** The signed sum of this instance's fills, base units. */
    private BigDecimal inventory = BigDecimal.ZERO;

    GridTrader(StrategyContext context) {
        this.context = context;
        this.instrument = context.instrument();
    }

    /**
     * Lays out a grid: buys on {@code P_-1 .. P_-n}, then sells on {@code P_1 .. P_n}, nearest first, each for
     * {@code q} or what the limits leave if less, stopping at the first level that cannot take an order.
     *
     * @param next  the grid
     * @param sized the level quantity and inventory limit
     */
    void open(GridLayout next, GridSizing sized) {
        layout = next;
        sizing = sized;
        for (int k = 1; k <= layout.levels(); k++) {
            if (!place(Side.BUY, layout.price(-k), sizing.quantity().min(capacity(Side.BUY)))) {
                break;
            }
        }
        for (int k = 1; k <= layout.levels(); k++) {
            if (!place(Side.SELL, layout.price(k), sizing.quantity().min(capacity(Side.SELL)))) {
                break;
            }
        }
    }

    /** Asks for every working order to be canceled and drops the grid; fills still count. */
    void cancelAll() {
        long now = context.clock().millis();
        for (GridOrder o : book.working()) {
            book.canceling(o.id(), now, null);
            context.cancel(o.id());
        }
        book.dropDeferred();
        layout = null;
    }

    /**
     * Whether some cancel has not been answered yet.
     *
     * @return true while a cancel is pending
     */
    boolean anyCanceling() {
        return book.anyCanceling();
    }

    /**
     * Takes cancels asked for before a time and never answered as done, with a warning.
     *
     * @param timeMillis session time, e.g. the open of the current bar
     */
    void dropCancelsBefore(long timeMillis) {
        for (GridOrder lost : book.dropCancelsBefore(timeMillis)) {
            context.logger().log(Level.WARNING, "cancel of " + lost + " was never confirmed; taken as gone");
        }
    }

    /**
     * A fill: counted at once; when the order is complete, answered by the matching order.
     *
     * @param filled the event
     */
    void onFill(OrderFilled filled) {
        BigDecimal quantity = filled.fill().quantity();
        inventory = filled.fill().side() == Side.BUY ? inventory.add(quantity) : inventory.subtract(quantity);
        if (!filled.complete()) {
            return;
        }
        GridBook.Ended ended = book.end(filled.clientOrderId());
        if (ended == null) {
            return;
        }
        if (ended.waiting() != null) {
            placeMatching(ended.waiting());   // it filled before the cancel: no clash, both are answered
        }
        placeMatching(ended.order());
    }

    /**
     * A cancel confirmed: a netting that waited for it places its two replacements.
     *
     * @param id the canceled order
     */
    void onCanceled(ClientOrderId id) {
        GridBook.Ended ended = book.end(id);
        if (ended != null && ended.waiting() != null && layout != null) {
            GridOrder filled = ended.waiting();
            BigDecimal step = filled.side() == Side.BUY ? layout.spacing() : layout.spacing().negate();
            place(filled.side(), filled.price(), filled.quantity());
            place(filled.side().opposite(), ended.order().price().add(step), ended.order().quantity());
        }
    }

    /**
     * An order refused or expired: it leaves the grid; a filled order waiting for its level is answered there.
     *
     * @param id the order
     */
    void onGone(ClientOrderId id) {
        GridBook.Ended ended = book.end(id);
        if (ended != null && ended.waiting() != null) {
            placeMatching(ended.waiting());
        }
    }

    /**
     * An order refused just before the whole grid is canceled: it leaves the book and nothing answers it.
     *
     * @param id the order
     */
    void forget(ClientOrderId id) {
        book.end(id);
    }

    /** Places the order that answers a filled one, or starts a netting (see the class comment). */
    private void placeMatching(GridOrder filled) {
        if (layout == null) {
            return;
        }
        BigDecimal step = filled.side() == Side.BUY ? layout.spacing() : layout.spacing().negate();
        BigDecimal price = filled.price().add(step);
        GridOrder clash = book.at(price);
        if (clash != null && clash.side() == filled.side() && !book.isCanceling(clash.id())) {
            book.canceling(clash.id(), context.clock().millis(), filled);
            context.cancel(clash.id());
        } else {
            place(filled.side().opposite(), price, filled.quantity());
        }
    }

    /** The limits' room for a new order: {@code L - I - B} to buy; {@code I - A} (spot), {@code L + I - A} to sell. */
    private BigDecimal capacity(Side side) {
        if (side == Side.BUY) {
            return sizing.inventoryLimit().subtract(inventory).subtract(book.quantity(Side.BUY));
        }
        BigDecimal held = instrument.kind().allowsShort() ? inventory.add(sizing.inventoryLimit()) : inventory;
        return held.subtract(book.quantity(Side.SELL));
    }

    /** Places a limit order when it passes every check; returns whether it was placed. */
    private boolean place(Side side, BigDecimal price, BigDecimal quantity) {
        if (quantity.signum() <= 0 || quantity.compareTo(capacity(side)) > 0
                || layout.levelOf(price) == Integer.MIN_VALUE || book.at(price) != null
                || GridSizing.belowMinimums(instrument, quantity, price) != null) {
            return false;
        }
        GridOrder order = new GridOrder(context.nextClientOrderId(), side, price, quantity);
        book.add(order);
        context.submit(new LimitOrder(order.id(), instrument.id(), side, quantity, price, TimeInForce.GTC));
        return true;
    }

    /** @return the grid in force, or null when the orders were canceled (re-centring, pause) or none was laid out */
    GridLayout layout() {
        return layout;
    }

    /** @return the level quantity and inventory limit, or null before the first grid */
    GridSizing sizing() {
        return sizing;
    }

    /** @return the signed sum of this instance's fills, base units */
    BigDecimal inventory() {
        return inventory;
    }

    /** @return the orders in the book (working, or being canceled), in placement order */
    Collection<GridOrder> orders() {
        return book.orders();
    }

    /** @return whether a cancel of the order was asked for and not yet answered */
    boolean isCanceling(ClientOrderId id) {
        return book.isCanceling(id);
    }

    /**
     * Writes the inventory, grid, sizing and book into a snapshot's values.
     *
     * @param out the values
     */
    void writeTo(Map<String, String> out) {
        out.put(INVENTORY, inventory.toPlainString());
        if (layout != null) {
            out.put(CENTRE, layout.centre().toPlainString());
            out.put(SPACING, layout.spacing().toPlainString());
            out.put(LEVELS, Integer.toString(layout.levels()));
        }
        if (sizing != null) {
            out.put(QUANTITY, sizing.quantity().toPlainString());
            out.put(LIMIT, sizing.inventoryLimit().toPlainString());
        }
        book.writeTo(out);
    }

    /**
     * Reads what {@link #writeTo} wrote.
     *
     * @param in the snapshot's values
     * @throws IllegalArgumentException when a value is missing or malformed (names it)
     */
    void readFrom(Map<String, String> in) {
        inventory = GridSnapshot.decimal(in, INVENTORY);
        layout = in.containsKey(CENTRE) ? new GridLayout(GridSnapshot.decimal(in, CENTRE),
                GridSnapshot.decimal(in, SPACING), GridSnapshot.integer(in, LEVELS)) : null;
        sizing = in.containsKey(QUANTITY) ? new GridSizing(GridSnapshot.decimal(in, QUANTITY),
                GridSnapshot.decimal(in, LIMIT)) : null;
        book.readFrom(in);
    }
}
