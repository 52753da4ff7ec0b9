package io.quantplug.runtime.internal.engine;

import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.internal.venue.MarginRequirement;
import io.quantplug.runtime.internal.venue.Venue;
import io.quantplug.runtime.session.FaultAction;
import io.quantplug.runtime.session.InstanceSwap;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns a signal into orders: enhancers in order (any may drop it), then the move from the current position to the
 * wanted direction, sized by the configured {@link PositionSizer} or, without one, with the signal's strength times
 * the available cash (all of it at strength 1; a sizer decides itself whether it reads the strength). A signal
 * group's members go through the enhancers alone ({@link #enhance}); the group's decision goes through the rest
 * ({@link #order}), as the design's pipeline orders it: enhancers, aggregation, sizer, risk rules.
 *
 * <ul>
 *   <li>LONG from flat: a market buy, of the sizer's quantity or of the strength's share of the cash not reserved
 *       by working buys (a quote amount, so the unknown fill price cannot overdraw the account). From short: first a
 *       buy that closes the short. On a perpetual traded on margin the share is of the margin's buying power instead of the cash
 *       ({@link MarginRequirement#buyingPower}), less what working buys reserve.</li>
 *   <li>FLAT: a market order that closes the whole position.</li>
 *   <li>SHORT: mirrors LONG; on a spot instrument the short entry is refused with {@code SHORT_NOT_ALLOWED} (a long
 *       is still closed).</li>
 *   <li>A signal for the direction already held, or while an entry in that direction is working, changes
 *       nothing.</li>
 * </ul>
 * Fault policy: an enhancer or sizer that throws drops the signal and the fault is reported.
 */
final class SignalPipeline implements SizingContext {

    /** An order to send, or to refuse at once with an engine reason. */
    record Planned(Order order, RejectReason engineRejection) {
    }

    /** What the pipeline decided. */
    record Plan(List<Planned> orders, String outcome) {
    }

    /** A signal after the enhancers, or null with the outcome that says why not. */
    record Enhanced(Signal signal, String outcome) {
    }

    private final List<Bound<SignalEnhancer>> enhancers;
    private Bound<PositionSizer> sizer;
    /** Whether {@link #sizer} overrides {@link PositionSizer#rebalance}. */
    private boolean rebalancing;
    private final EngineView view;
    private final Venue venue;
    private final CallbackGuard guard;
    /** The views of the account's other sessions (a portfolio's books), for sizers that weigh them; empty alone. */
    private List<EngineView> accountViews = List.of();
    /** A perpetual's margin, whose buying power sizes entries without a sizer; null for cash accounting. */
    private MarginRequirement margin;
    /** The callbacks that take this pipeline as their context: made once, not per call. */
    private final BiFunction<SignalEnhancer, Signal, Optional<Signal>> enhanceCall = (e, s) -> e.enhance(s, this);
    private final BiFunction<PositionSizer, Signal, BigDecimal> sizeCall = (p, s) -> p.size(s, this);
    private final BiFunction<PositionSizer, Object, BigDecimal> rebalanceCall = (p, unused) -> p.rebalance(this);

    SignalPipeline(List<Bound<SignalEnhancer>> enhancers, Bound<PositionSizer> sizer, EngineView view, Venue venue,
                   CallbackGuard guard) {
        this.enhancers = new ArrayList<>(enhancers);
        this.sizer = sizer;
        this.rebalancing = overridesRebalance(sizer);
        this.view = view;
        this.venue = venue;
        this.guard = guard;
    }

    /**
     * Sizes entries without a sizer by the margin's buying power ({@link MarginRequirement#buyingPower}) instead of
     * the cash: a perpetual traded on margin.
     */
    void tradeOnMargin(MarginRequirement requirement) {
        this.margin = requirement;
    }

    /** The ids of the signal enhancers in order, then of the sizer if any. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        enhancers.forEach(e -> ids.add(e.id()));
        if (sizer != null) {
            ids.add(sizer.id());
        }
        return ids;
    }

    /**
     * Swaps every enhancer or sizer of an id to a new provider's instance with the same parameters, in place (see
     * {@link BoundSwap}); engine thread, between two events. A successor of the wrong kind fails the swap.
     */
    List<InstanceSwap> swap(String id, EnhancementProvider provider, long barsBefore) {
        List<InstanceSwap> out = new ArrayList<>();
        for (int i = 0; i < enhancers.size(); i++) {
            if (enhancers.get(i).id().equals(id)) {
                BoundSwap.Result<SignalEnhancer> r = BoundSwap.swap(enhancers.get(i),
                        p -> (SignalEnhancer) provider.create(p), Enhancement::snapshot, Enhancement::restore,
                        ExitsOnly::new, guard, barsBefore);
                enhancers.set(i, r.bound());
                out.add(r.swap());
            }
        }
        if (sizer != null && sizer.id().equals(id)) {
            BoundSwap.Result<PositionSizer> r = BoundSwap.swap(sizer, p -> (PositionSizer) provider.create(p),
                    Enhancement::snapshot, Enhancement::restore, why -> (signal, context) -> BigDecimal.ZERO,
                    guard, barsBefore);
            sizer = r.bound();
            rebalancing = overridesRebalance(sizer);
            out.add(r.swap());
        }
        return out;
    }

    /**
     * Stands in for an enhancer whose swap failed (fail closed): lets exits through, filters every entry. A sizer
     * stands in as one that sizes every entry to zero.
     */
    private record ExitsOnly(String why) implements SignalEnhancer {
        @Override
        public Optional<Signal> enhance(Signal signal, EnhancementContext context) {
            return signal.direction() == SignalDirection.FLAT ? Optional.of(signal) : Optional.empty();
        }
    }

    void onBar(Bar bar) {
        if (enhancers.isEmpty()) {
            return;
        }
        for (int i = 0, n = enhancers.size(); i < n; i++) {
            Bound<SignalEnhancer> e = enhancers.get(i);
            guard.run(e.id(), e.id(), "onBar", FaultAction.CONTINUED, SignalEnhancer::onBar, e.instance(), bar);
        }
    }

    /**
     * A signal through the enhancers and then into orders: {@link #enhance}, then {@link #order}.
     *
     * @param owner  whose orders they will be
     * @param signal the signal as emitted
     * @return the orders and the outcome
     */
    Plan plan(OrderOwner owner, Signal signal) {
        Enhanced e = enhance(signal);
        return e.signal() == null ? new Plan(List.of(), e.outcome()) : order(owner, e.signal());
    }

    /**
     * A signal after the enhancers, in order: any may drop it.
     *
     * @param signal the signal as emitted
     * @return the enhanced signal, or none with the outcome saying which enhancer filtered it or failed
     */
    Enhanced enhance(Signal signal) {
        Signal s = signal;
        for (int i = 0, n = enhancers.size(); i < n; i++) {
            Bound<SignalEnhancer> e = enhancers.get(i);
            Optional<Signal> next = guard.call(e.id(), e.id(), "enhance", FaultAction.DROPPED_SIGNAL, enhanceCall,
                    e.instance(), s, null);
            if (guard.failed()) {
                return new Enhanced(null, "DROPPED: enhancer " + e.id() + " failed");
            }
            if (next == null || next.isEmpty()) {
                return new Enhanced(null, "FILTERED by " + e.id());
            }
            s = next.get();
        }
        return new Enhanced(s, null);
    }

    /**
     * The orders that move the account's position to an (enhanced) signal's direction, sized by the sizer: the
     * pipeline after the enhancers (and, for a signal group, after the aggregation).
     *
     * @param owner whose orders they will be
     * @param s     the signal
     * @return the orders and the outcome
     */
    Plan order(OrderOwner owner, Signal s) {
        BigDecimal position = view.portfolio().position(s.instrument()).quantity();
        List<Planned> orders = new ArrayList<>(2);
        switch (s.direction()) {
            case FLAT -> {
                if (position.signum() == 0) {
                    return new Plan(List.of(), "IGNORED: already flat");
                }
                Side exit = position.signum() > 0 ? Side.SELL : Side.BUY;
                if (venue.hasWorking(s.instrument(), exit)) {
                    return new Plan(List.of(), "IGNORED: exit already working");
                }
                orders.add(new Planned(market(owner, exit, OrderSize.base(position.abs())), null));
            }
            case LONG, SHORT -> {
                Side entry = s.direction() == SignalDirection.LONG ? Side.BUY : Side.SELL;
                if (position.signum() == entry.sign()) {
                    return new Plan(List.of(), "IGNORED: already " + s.direction().name().toLowerCase());
                }
                if (venue.hasWorking(s.instrument(), entry)) {
                    return new Plan(List.of(), "IGNORED: entry already working");
                }
                if (position.signum() != 0) {
                    orders.add(new Planned(market(owner, entry, OrderSize.base(position.abs())), null));
                }
                if (entry == Side.SELL && !instrument().kind().allowsShort()) {
                    orders.add(new Planned(market(owner, entry, OrderSize.base(instrument().lotSize())),
                            new RejectReason(RejectSource.ENGINE, "SHORT_NOT_ALLOWED", instrument().id()
                                    + " is a spot instrument: a short position is not possible", null)));
                    break;
                }
                OrderSize size = entrySize(s, entry);
                if (size == null) {
                    return new Plan(orders, orders.isEmpty() ? "IGNORED: sized to zero" : "ORDERED");
                }
                orders.add(new Planned(market(owner, entry, size), null));
            }
            default -> throw new IllegalStateException("unknown direction " + s.direction());
        }
        return new Plan(orders, "ORDERED");
    }

    /** @return the entry size, or null when there is nothing to trade */
    private OrderSize entrySize(Signal s, Side entry) {
        if (sizer != null) {
            BigDecimal qty = guard.call(sizer.id(), sizer.id(), "size", FaultAction.DROPPED_SIGNAL, sizeCall,
                    sizer.instance(), s, null);
            if (guard.failed()) {
                return null;
            }
            qty = qty == null ? BigDecimal.ZERO : instrument().roundQuantityDown(qty.max(BigDecimal.ZERO));
            return qty.signum() > 0 ? OrderSize.base(qty) : null;
        }
        BigDecimal reserved = venue.reservedCash();
        BigDecimal available = margin != null
                ? margin.buyingPower(instrument().id(), BigDecimal.valueOf(referencePrice())).subtract(reserved)
                : reserved.signum() == 0 ? view.portfolio().spendableCash()
                : view.portfolio().spendableCash().subtract(reserved);
        if (s.strength() < 1.0) {
            // a signal of strength s < 1 commits that share of the cash: the strategy's own cut of its size
            available = available.multiply(BigDecimal.valueOf(s.strength()), MathContext.DECIMAL64);
        }
        if (available.signum() <= 0) {
            return null;
        }
        if (entry == Side.BUY) {
            return OrderSize.quote(available);
        }
        double ref = referencePrice();
        BigDecimal qty = instrument().roundQuantityDown(available.divide(BigDecimal.valueOf(ref),
                MathContext.DECIMAL128));
        return qty.signum() > 0 ? OrderSize.base(qty) : null;
    }

    private Order market(OrderOwner owner, Side side, OrderSize size) {
        return new MarketOrder(owner.nextClientOrderId(), instrument().id(), side, size);
    }

    @Override
    public double referencePrice() {
        return view.portfolio().lastPrice(instrument().id());
    }

    @Override
    public Instrument instrument() {
        return view.instrument();
    }

    @Override
    public BarHistory history() {
        return view.history();
    }

    @Override
    public PortfolioView portfolio() {
        return view.portfolio();
    }

    /**
     * Whether the sizer rebalances on drift: it overrides {@link PositionSizer#rebalance} (looked up when the sizer
     * is set or swapped, so that a bar only reads a field).
     */
    boolean rebalances() {
        return rebalancing;
    }

    private static boolean overridesRebalance(Bound<PositionSizer> sizer) {
        if (sizer == null) {
            return false;
        }
        try {
            return sizer.instance().getClass().getMethod("rebalance", SizingContext.class)
                    .getDeclaringClass() != PositionSizer.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * The order that rebalances the open position on drift, as the sizer asks ({@link PositionSizer#rebalance}):
     * at most down to flat, rounded toward zero to the lot; null when there is nothing to trade, an order of the
     * instrument is working, or the sizer failed (reported as its fault).
     *
     * @param owner whose order it is (the instance that opened the position)
     * @return the market order, or null
     */
    Order rebalanceOrder(OrderOwner owner) {
        InstrumentId id = instrument().id();
        BigDecimal position = view.portfolio().position(id).quantity();
        if (position.signum() == 0 || venue.hasWorking(id, Side.BUY) || venue.hasWorking(id, Side.SELL)) {
            return null;
        }
        BigDecimal qty = guard.call(sizer.id(), sizer.id(), "rebalance", FaultAction.DROPPED_SIGNAL, rebalanceCall,
                sizer.instance(), null, null);
        if (guard.failed() || qty == null || qty.signum() == 0) {
            return null;
        }
        BigDecimal trade = qty.signum() == position.signum() ? qty.abs() : qty.abs().min(position.abs());
        trade = instrument().roundQuantityDown(trade);
        if (trade.signum() == 0) {
            return null;
        }
        return market(owner, qty.signum() > 0 ? Side.BUY : Side.SELL, OrderSize.base(trade));
    }

    /** Lets sizers see every session of the account ({@link #instruments()}, {@link #history(InstrumentId)}). */
    void shareAccount(List<EngineView> views) {
        this.accountViews = List.copyOf(views);
    }

    @Override
    public List<Instrument> instruments() {
        List<Instrument> all = new ArrayList<>();
        all.add(view.instrument());
        for (EngineView v : accountViews) {
            if (v != view) {
                all.add(v.instrument());
            }
        }
        return all;
    }

    @Override
    public BarHistory history(InstrumentId id) {
        if (id.equals(view.instrument().id())) {
            return view.history();
        }
        for (EngineView v : accountViews) {
            if (v.instrument().id().equals(id)) {
                return v.history();
            }
        }
        throw new IllegalArgumentException("the account trades " + instruments().stream().map(Instrument::id)
                .toList() + ", not " + id);
    }
}
