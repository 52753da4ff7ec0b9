package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.runtime.internal.portfolio.Portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The matching rules of the {@link BookVenue} for one order at a time: its arrival (taking liquidity, then resting
 * or expiring), and how a resting order meets later trades and book updates (queue position, trade-through, a book
 * that crosses it). Every outcome is sent to the {@link VenueReports} with the time it happened at the venue.
 * Engine thread only.
 */
final class BookMatcher {

    private final FeeModel fees;
    private final FundsCheck funds;
    private final Portfolio portfolio;
    private final QueuePositionModel queue;
    private final VenueReports reports;

    BookMatcher(FeeModel fees, Portfolio portfolio, QueuePositionModel queue, VenueReports reports) {
        this.fees = fees;
        this.funds = new FundsCheck(fees, portfolio);
        this.portfolio = portfolio;
        this.queue = queue;
        this.reports = reports;
    }

    /** The order reaches the venue at {@code t}: a stop waits for its trigger, the others take what they can. */
    void arrive(RestingOrder r, long t, BookLevels book, Instrument instrument) {
        Order o = r.order();
        if (o instanceof StopOrder) {
            r.stage = RestingOrder.Stage.ACTIVE;
            return;
        }
        take(r, t, book, instrument, o instanceof LimitOrder l ? l.limitPrice() : null);
    }

    /**
     * Takes liquidity at {@code t}: walks the book up to {@code limit} (null: as far as the visible book goes), as a
     * taker, one fill per level; then a limit order of GTC or DAY rests for the rest, anything else expires it.
     */
    private void take(RestingOrder r, long t, BookLevels book, Instrument instrument, BigDecimal limit) {
        Order o = r.order();
        BigDecimal qty = r.remaining;
        BigDecimal amount = null;
        BigDecimal cash = portfolio.cash().add(reports.cashInFlight());
        boolean cashShort = false;
        if (qty == null) {
            amount = ((OrderSize.Quote) o.size()).notional();
            if (o.side() == Side.BUY && amount.compareTo(cash) > 0) {
                // as SimulatedVenue: a quote-sized buy spends at most the cash
                amount = cash.max(BigDecimal.ZERO);
                cashShort = true;
            }
        } else if (r.working.reduceOnly()) {
            qty = reducible(r, t);
            if (qty == null) {
                return;
            }
            r.remaining = qty;
        }
        BookWalk walk = BookWalk.of(o.side(), qty, amount, limit, book, instrument, funds, fees);
        boolean rests = limit != null && (o.timeInForce() == TimeInForce.GTC || o.timeInForce() == TimeInForce.DAY);
        if (cashShort && walk.legs().isEmpty() && book.levels(Side.SELL) > 0) {
            end(r, new OrderRejected(o.clientOrderId(), o.instrument(), t, new RejectReason(RejectSource.VENUE,
                    "INSUFFICIENT_FUNDS", "buy for " + ((OrderSize.Quote) o.size()).notional().toPlainString()
                    + ": cash " + cash.toPlainString() + " pays for no lot at the best ask", null)));
            return;
        }
        if (o.timeInForce() == TimeInForce.FOK && walk.left().signum() > 0
                || walk.legs().isEmpty() && !rests) {
            end(r, new OrderExpired(o.clientOrderId(), o.instrument(), t));
            return;
        }
        if (!walk.legs().isEmpty()) {
            BigDecimal average = walk.notional().divide(walk.filled(), instrument.tickSize().scale() + 4,
                    RoundingMode.HALF_UP);
            RejectReason problem = funds.problem(o, walk.filled(), average, walk.cost(), instrument,
                    reports.cashInFlight(), reports.positionInFlight(o.instrument()));
            if (problem != null) {
                end(r, new OrderRejected(o.clientOrderId(), o.instrument(), t, problem));
                return;
            }
            BigDecimal after = walk.filled().add(walk.left());
            for (BookWalk.Leg leg : walk.legs()) {
                after = after.subtract(leg.quantity());
                send(r, VenueEvents.fill(o, instrument, leg.price(), leg.quantity(), fees, Liquidity.TAKER, t,
                        after), after);
            }
        }
        r.remaining = walk.left();
        if (r.remaining.signum() == 0) {
            r.stage = RestingOrder.Stage.ENDED;
        } else if (!rests) {
            end(r, new OrderExpired(o.clientOrderId(), o.instrument(), t));
        } else {
            r.stage = RestingOrder.Stage.ACTIVE;
            double level = book.quantityAt(o.side(), limit, instrument);
            // beyond the depth shown the queue is unknown: nothing counts until a book shows the level
            r.ahead = Double.isNaN(level) ? Double.POSITIVE_INFINITY : level;
            r.levelSeen = Double.isNaN(level) ? 0 : level;
            r.crossFills = !book.crosses(o.side(), limit, instrument);
        }
    }

    /** A trade at {@code t}: triggers a stop; fills a resting limit order it trades through or reaches in the queue. */
    void onTrade(RestingOrder r, TradeTick trade, BookLevels book, Instrument instrument) {
        Order o = r.order();
        BigDecimal price = instrument.toTickPrice(trade.price());
        if (o instanceof StopOrder s) {
            int c = price.compareTo(s.stopPrice());
            if (o.side() == Side.BUY ? c >= 0 : c <= 0) {
                take(r, trade.timeMillis(), book, instrument, null);
            }
            return;
        }
        if (!(o instanceof LimitOrder l) || trade.aggressor() == o.side()) {
            return;
        }
        int c = price.compareTo(l.limitPrice());
        if (o.side() == Side.BUY ? c < 0 : c > 0) {
            fillResting(r, r.remaining, trade.timeMillis(), instrument);
        } else if (c == 0) {
            r.ahead -= trade.quantity();
            r.levelSeen = Math.max(0, r.levelSeen - trade.quantity());
            BigDecimal q = BookLevels.toLots(-r.ahead, instrument).min(r.remaining);
            if (q.signum() > 0) {
                r.ahead += q.doubleValue();
                fillResting(r, q, trade.timeMillis(), instrument);
            }
        }
    }

    /** A book update at {@code t}: fills a resting limit order the opposite side reaches, else moves its queue. */
    void onBook(RestingOrder r, BookLevels book, long t, Instrument instrument) {
        if (!(r.order() instanceof LimitOrder l)) {
            return;
        }
        if (book.crosses(l.side(), l.limitPrice(), instrument)) {
            if (r.crossFills) {
                fillResting(r, r.remaining, t, instrument);
                return;
            }
        } else {
            r.crossFills = true;
        }
        double level = book.quantityAt(l.side(), l.limitPrice(), instrument);
        if (Double.isNaN(level)) {
            return;
        }
        if (r.ahead == Double.POSITIVE_INFINITY) {
            // the level comes into view: the order queues behind all of it, as if it arrived now
            r.ahead = level;
        } else if (level == r.levelSeen) {
            return;
        } else if (r.ahead > 0) {
            r.ahead = queue.aheadAfter(r.ahead, r.levelSeen, level);
        }
        r.levelSeen = level;
    }

    /** Ends a working order of the DAY whose UTC day is over at {@code t}; true when it did. */
    boolean expireDay(RestingOrder r, long t) {
        long day = 86_400_000L;
        if (r.order().timeInForce() != TimeInForce.DAY
                || Math.floorDiv(t, day) <= Math.floorDiv(r.working.acceptedAtMillis(), day)) {
            return false;
        }
        end(r, new OrderExpired(r.order().clientOrderId(), r.order().instrument(), t));
        return true;
    }

    /** A maker fill of {@code q} at the limit price, after the reduce-only cap and the funds check. */
    private void fillResting(RestingOrder r, BigDecimal q, long t, Instrument instrument) {
        LimitOrder l = (LimitOrder) r.order();
        if (r.working.reduceOnly()) {
            BigDecimal open = reducible(r, t);
            if (open == null) {
                return;
            }
            q = q.min(open);
        }
        BigDecimal notional = l.limitPrice().multiply(q);
        BigDecimal cost = notional.add(fees.fee(notional, Liquidity.MAKER));
        RejectReason problem = funds.problem(l, q, l.limitPrice(), cost, instrument, reports.cashInFlight(),
                reports.positionInFlight(l.instrument()));
        if (problem != null) {
            end(r, new OrderRejected(l.clientOrderId(), l.instrument(), t, problem));
            return;
        }
        r.remaining = r.remaining.subtract(q);
        send(r, VenueEvents.fill(l, instrument, l.limitPrice(), q, fees, Liquidity.MAKER, t, r.remaining),
                r.remaining);
    }

    /** The position a reduce-only order may still reduce, or null after canceling it (flat, or the wrong side). */
    private BigDecimal reducible(RestingOrder r, long t) {
        Order o = r.order();
        BigDecimal open = portfolio.position(o.instrument()).quantity().add(reports.positionInFlight(o.instrument()));
        if (open.signum() == 0 || open.signum() == o.side().sign()) {
            end(r, new OrderCanceled(o.clientOrderId(), o.instrument(), t));
            return null;
        }
        return r.remaining.min(open.abs());
    }

    private void send(RestingOrder r, OrderEvent fill, BigDecimal remaining) {
        if (remaining.signum() == 0) {
            r.stage = RestingOrder.Stage.ENDED;
        }
        reports.send(fill, r);
    }

    /** Ends the order at the venue with its last event. */
    void end(RestingOrder r, OrderEvent event) {
        r.stage = RestingOrder.Stage.ENDED;
        reports.send(event, r);
    }
}
