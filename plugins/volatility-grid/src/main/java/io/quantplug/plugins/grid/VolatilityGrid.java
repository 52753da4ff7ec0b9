package io.quantplug.plugins.grid;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The volatility grid: GTC limit orders on the levels of a {@link GridLayout} around the last close, buys below and
 * sells above, each answered by the opposite order one spacing away when it fills.
 *
 * <h2>Rules, in the order they apply on each bar</h2>
 * <ol>
 *   <li><b>Volatility.</b> The bar joins the last {@code max(windowBars, garchWindowBars + 1)} bars kept; the
 *       walk-forward GARCH(1,1) forecast takes its return and is refitted when due ({@link GarchForecaster}).</li>
 *   <li><b>Pause.</b> While paused (see below) nothing else happens until the session clock reaches the end of the
 *       pause; the first bar after it lays out a new grid around its close.</li>
 *   <li><b>Warm-up.</b> No grid before {@link GridSettings#warmUpBars()} bars.</li>
 *   <li><b>Re-centring.</b> While the close (rounded to the tick) lies within {@code [P_-n, P_n]} the grid stays as
 *       it is. When it leaves, every working order is canceled, and once the venue has answered every cancel (in a
 *       backtest, at once) a new grid is laid out around the last close, so the new grid's limits count every fill
 *       of the old one.</li>
 *   <li><b>New grid.</b> The composite sigma ({@link CompositeVolatility}) gives the spacing and depth
 *       ({@link GridLayout#plan}); the level quantity {@code q} and the inventory limit {@code L} are fixed at the
 *       first grid ({@link GridSizing}). Buys go on {@code P_-1 .. P_-n} and sells on {@code P_1 .. P_n}, nearest
 *       first, each for {@code q} or, when less is left within the limits below, for what is left. When not one
 *       level fits in the maximum range, or {@code q} misses the instrument's minimum quantity or notional, the
 *       strategy stands aside and tries again on the next bar.</li>
 * </ol>
 *
 * <h2>Limits on every order placed</h2>
 * With {@code I} the inventory (the signed sum of this instance's fills, base units) and {@code B}, {@code A} the
 * quantities of its buys and sells in the book (working, or being canceled, since those may still fill): a buy of
 * {@code x} needs {@code I + B + x <= L}, so even if every buy filled the inventory would not exceed {@code L}; a
 * sell needs {@code A + x <= I} on a spot instrument (it can only sell what it holds) and {@code A + x - I <= L}
 * where shorting is allowed. A level holds at most one order, every price is a level {@code P_j} of the current
 * grid, and every order meets the instrument's minimum quantity and notional; an order failing a check is not
 * placed.
 *
 * <h2>The matching order</h2>
 * When an order on level {@code P} fills completely, the opposite order for the same quantity goes on the next level
 * towards the other side: a sell on {@code P + S} after a buy, a buy on {@code P - S} after a sell; so every
 * buy-sell cycle earns {@code S x q} before fees. It is placed one level from the order's limit price, not from the
 * fill price (which may be better when a bar opens through the level), so orders stay on the lattice. When that
 * level holds an order of the filled order's own side (one bar can fill a buy and a sell around an empty level,
 * leaving both answers due there), the two would trade with each other: that order is canceled instead and each of
 * the pair gets the order its own fill would have placed: the filled order's level again, and the canceled order's
 * answer one level further out ({@link GridTrader} handles a cancel that comes too late). Partial fills add to the
 * inventory at once; the matching order is placed when the order is complete.
 *
 * <h2>Pause after a risk rejection</h2>
 * When a risk rule refuses one of the grid's orders ({@link OrderRejected} with {@link RejectSource#RISK_RULE}, e.g.
 * the circuit breaker's {@code CIRCUIT_OPEN}), re-submitting would only be refused again: every working order is
 * canceled and none is placed until {@code pauseMinutes} after the rejection. Fills keep counting meanwhile. With
 * the circuit breaker, give it at least as many probe orders as the grid has buy levels, or a resumed grid's extra
 * buys are refused while it is half open and the grid pauses again. Other refusals (the venue's insufficient funds,
 * an instrument minimum) only take that order off the grid.
 *
 * <h2>Hot swap</h2>
 * {@link #snapshot()} hands over the book (with pending cancels), grid, sizing, inventory, pause, the kept bars and
 * the GARCH model and schedule (format {@value GridSnapshot#FORMAT}); the new instance continues exactly where this
 * one stopped.
 *
 * <p>Called on the engine thread only; not thread-safe.
 */
final class VolatilityGrid implements Strategy {

    private static final String PAUSED = "paused";
    private static final String RESUME_AT = "resumeAtMillis";
    private static final String REBUILD = "rebuild";
    private static final String LAST_CLOSE = "lastClose";
    private static final String BARS = "bars";

    private final StrategyContext context;
    private final GridSettings settings;
    private final Instrument instrument;
    private final CompositeVolatility volatility;
    private final RecentBars bars;
    private final GarchForecaster garch;
    private final GridTrader trader;
    private boolean paused;
    private long resumeAtMillis;
    /** A new grid is due around {@link #lastClose} once no cancel is pending. */
    private boolean rebuild;
    private BigDecimal lastClose;
    private CompositeVolatility.Estimate lastEstimate;
    /** Standing aside since the last grid (logged once on entering). */
    private boolean standingAside;

    VolatilityGrid(StrategyContext context, GridSettings settings) {
        this.context = context;
        this.settings = settings;
        this.instrument = context.instrument();
        this.volatility = new CompositeVolatility(settings.ewmaLambda(), settings.garchWeight());
        this.bars = new RecentBars(settings.bufferBars());
        this.garch = new GarchForecaster(settings.garchWindowBars(), settings.garchRefitBars(),
                settings.horizonBars());
        this.trader = new GridTrader(context);
    }

    @Override
    public void onBar(Bar bar) {
        bars.add(bar);
        if (settings.garchEnabled() && garch.onBar(bars) && garch.lastFailure() != null) {
            context.logger().log(Level.WARNING, "GARCH(1,1) fit failed (" + garch.lastFailure() + "); "
                    + (garch.available() ? "keeping the previous model" : "the estimators alone set the spacing"));
        }
        lastClose = instrument.toTickPrice(bar.close());
        trader.dropCancelsBefore(bar.openTimeMillis());
        if (paused) {
            if (context.clock().millis() < resumeAtMillis) {
                return;
            }
            paused = false;
            context.logger().log(Level.INFO, "pause over: placing a new grid");
        }
        if (bars.size() < settings.warmUpBars()) {
            return;
        }
        GridLayout layout = trader.layout();
        if (layout != null) {
            if (layout.spans(lastClose)) {
                return;
            }
            trader.cancelAll();
        }
        rebuild = true;
        rebuildWhenClear();
    }

    /** Lays out the new grid around the last close once no cancel of the old one is pending. */
    private void rebuildWhenClear() {
        if (rebuild && !paused && !trader.anyCanceling()) {
            rebuild = false;
            build(lastClose);
        }
    }

    private void build(BigDecimal centre) {
        lastEstimate = volatility.estimate(bars.window(settings.windowBars()), garch);
        GridLayout next = GridLayout.plan(instrument, settings, centre, lastEstimate.sigma());
        if (next.levels() == 0) {
            standAside("spacing " + next.spacing().toPlainString() + " (sigma " + lastEstimate.sigma()
                    + " per bar) is wider than " + settings.maxRangePercent().toPlainString() + " % of "
                    + centre.toPlainString());
            return;
        }
        GridSizing sizing = trader.sizing() != null ? trader.sizing()
                : GridSizing.of(instrument, settings, context.portfolio().equity(), centre);
        String problem = GridSizing.belowMinimums(instrument, sizing.quantity(), next.lowest());
        if (problem != null) {
            standAside("level " + problem);
            return;
        }
        standingAside = false;
        trader.open(next, sizing);
    }

    private void standAside(String why) {
        if (!standingAside) {
            context.logger().log(Level.INFO, "no grid until this changes: " + why);
            standingAside = true;
        }
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        if (event instanceof OrderFilled filled) {
            trader.onFill(filled);
        } else if (event instanceof OrderCanceled) {
            trader.onCanceled(event.clientOrderId());
        } else if (event instanceof OrderRejected rejected && rejected.reason().source() == RejectSource.RISK_RULE) {
            trader.forget(event.clientOrderId());
            pause(rejected);
        } else if (event instanceof OrderRejected || event instanceof OrderExpired) {
            context.logger().log(Level.DEBUG, () -> "order " + event.clientOrderId() + " ended: " + event);
            trader.onGone(event.clientOrderId());
        }
        rebuildWhenClear();
    }

    private void pause(OrderRejected rejected) {
        long until = context.clock().millis() + settings.pauseMillis();
        if (!paused) {
            context.logger().log(Level.INFO, "risk rule " + rejected.reason().ruleId() + " refused order "
                    + rejected.clientOrderId() + " (" + rejected.reason().code() + ": " + rejected.reason().message()
                    + "); grid canceled, paused until " + Instant.ofEpochMilli(until));
        }
        paused = true;
        rebuild = false;
        resumeAtMillis = Math.max(resumeAtMillis, until);
        trader.cancelAll();
    }

    @Override
    public StateSnapshot snapshot() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(PAUSED, Boolean.toString(paused));
        v.put(RESUME_AT, Long.toString(resumeAtMillis));
        v.put(REBUILD, Boolean.toString(rebuild));
        if (lastClose != null) {
            v.put(LAST_CLOSE, lastClose.toPlainString());
        }
        trader.writeTo(v);
        v.put(BARS, bars.encode());
        garch.writeTo(v);
        return new StateSnapshot(GridSnapshot.FORMAT, v);
    }

    /**
     * Continues from a snapshot of format {@value GridSnapshot#FORMAT}.
     *
     * @param snapshot the previous instance's state
     * @return false for another format
     * @throws IllegalArgumentException when a snapshot of this format lacks a value or has a malformed one
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!GridSnapshot.FORMAT.equals(snapshot.format())) {
            return false;
        }
        Map<String, String> v = snapshot.values();
        paused = Boolean.parseBoolean(GridSnapshot.text(v, PAUSED));
        resumeAtMillis = GridSnapshot.longValue(v, RESUME_AT);
        rebuild = Boolean.parseBoolean(GridSnapshot.text(v, REBUILD));
        lastClose = v.containsKey(LAST_CLOSE) ? GridSnapshot.decimal(v, LAST_CLOSE) : null;
        trader.readFrom(v);
        bars.decode(GridSnapshot.text(v, BARS));
        garch.readFrom(v);
        return true;
    }

    // ---- read-outs for tests and diagnostics (engine thread) ----

    /** @return the current grid, or null when none is placed (before warm-up, while paused or standing aside) */
    GridLayout layout() {
        return trader.layout();
    }

    /** @return the level quantity and inventory limit, or null before the first grid */
    GridSizing sizing() {
        return trader.sizing();
    }

    /** @return the signed sum of this instance's fills, base units */
    BigDecimal inventory() {
        return trader.inventory();
    }

    /** @return whether the grid is paused after a risk rejection */
    boolean paused() {
        return paused;
    }

    /** @return when the pause ends, UTC epoch milliseconds (meaningful while paused) */
    long resumeAtMillis() {
        return resumeAtMillis;
    }

    /** @return the orders in the book (working, or being canceled), in placement order */
    Collection<GridOrder> workingOrders() {
        return trader.orders();
    }

    /** @return whether a cancel of the order was asked for and not yet answered */
    boolean canceling(GridOrder order) {
        return trader.isCanceling(order.id());
    }

    /** @return the composite estimate of the last grid laid out, or null */
    CompositeVolatility.Estimate lastEstimate() {
        return lastEstimate;
    }

    /** @return the walk-forward GARCH forecast */
    GarchForecaster garch() {
        return garch;
    }
}
