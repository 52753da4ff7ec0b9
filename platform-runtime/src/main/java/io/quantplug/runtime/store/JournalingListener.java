package io.quantplug.runtime.store;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.QuantplugException;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Journals what a session does to the store, for one run: signals, a signal group's decisions, submitted orders
 * (with the engine's reason for its own), every order event, fills, the position after each fill, risk-rule
 * rejections as risk events ({@code REJECT}) and the events risk rules report ({@link ReportRows}). Rows that belong
 * together go in one append
 * under one sequence number: an order with the venue's answer to it, a fill with its order event and the position
 * after it. Runs on the engine thread and only appends to the {@link Journal} (which may make it wait when the ring
 * is full, never drop).
 *
 * <p>If the journal fails (a defect, not an outage), this listener stops journaling, remembers why
 * ({@link #failure()}), and lets the session go on: the engine's results are still reported, the run is then not
 * fully stored. Not thread-safe: one session's engine thread.
 */
public final class JournalingListener implements SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(JournalingListener.class);

    private final long runId;
    private final Journal journal;
    private final SessionListener next;
    private String failure;
    private long lastFillSeq;
    private OrderRow pendingOrder;
    private PositionChange pendingPosition;

    JournalingListener(long runId, Journal journal, SessionListener next) {
        this.runId = runId;
        this.journal = journal;
        this.next = next;
    }

    /**
     * The run these records belong to.
     *
     * @return the run id
     */
    public long runId() {
        return runId;
    }

    /**
     * The journal sequence number of the last fill journaled: the fill is acknowledged once
     * {@link Journal#durableSequence()} reaches it.
     *
     * @return 0 before the first fill
     */
    public long lastFillSequence() {
        return lastFillSeq;
    }

    /**
     * Why journaling stopped.
     *
     * @return the reason, or null while it works
     */
    public String failure() {
        return failure;
    }

    @Override
    public void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
        append(new SignalRow(runId, timeMillis, strategy, signal, outcome));
        next.onSignal(timeMillis, strategy, signal, outcome);
    }

    @Override
    public void onSignalDecision(SignalDecision decision) {
        append(new ReportRows.Decision(runId, decision));
        next.onSignalDecision(decision);
    }

    @Override
    public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
        onOrderSubmitted(timeMillis, strategy, order, null);
    }

    @Override
    public void onOrderSubmitted(long timeMillis, String strategy, Order order, String reason) {
        if (pendingOrder != null) {
            append(pendingOrder); // never expected: every submission is answered at once
        }
        // held until the venue's answer, so that the order and its first event are one append
        pendingOrder = new OrderRow(runId, timeMillis, strategy, order, reason, null);
        next.onOrderSubmitted(timeMillis, strategy, order, reason);
    }

    @Override
    public void onOrderEvent(String strategy, OrderEvent event) {
        JournalEntry rest = null;
        if (event instanceof OrderFilled f) {
            PositionRow position = pendingPosition == null ? null : new PositionRow(runId, pendingPosition);
            pendingPosition = null;
            rest = new FillRow(runId, strategy, f.fill(), position);
        } else if (event instanceof OrderRejected r && r.reason().source() == RejectSource.RISK_RULE) {
            rest = new RiskEventRow(runId, strategy, r);
        }
        JournalEntry entry = new OrderEventRow(runId, strategy, event, rest);
        OrderRow order = pendingOrder;
        if (order != null && order.o().clientOrderId().equals(event.clientOrderId())) {
            pendingOrder = null;
            entry = new OrderRow(order.runId(), order.time(), order.strategy(), order.o(), order.reason(), entry);
        }
        long seq = append(entry);
        if (rest instanceof FillRow && seq > 0) {
            lastFillSeq = seq;
        }
        next.onOrderEvent(strategy, event);
    }

    @Override
    public void onPositionChanged(PositionChange change) {
        // held until the fill's event arrives (the engine reports the position first), then written with the fill
        pendingPosition = change;
        next.onPositionChanged(change);
    }

    @Override
    public void onFault(PluginFault fault) {
        next.onFault(fault);
    }

    @Override
    public void onRiskEvent(RiskEventReport report) {
        append(new ReportRows.RiskEventReported(runId, report));
        next.onRiskEvent(report);
    }

    private long append(JournalEntry entry) {
        if (failure != null) {
            return -1;
        }
        try {
            return journal.append(entry);
        } catch (QuantplugException e) {
            failure = e.getMessage();
            LOG.error("run {}: journaling stopped, the run will not be stored completely: {}", runId, failure);
            return -1;
        }
    }

    static final String ON_CONFLICT = " ON CONFLICT DO NOTHING";

    private record SignalRow(long runId, long time, String strategy, Signal s, String outcome)
            implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO signals (id, run_id, seq, signal_time, strategy, instrument_id, direction, strength,"
                    + " confidence, reason, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + ON_CONFLICT;
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            ps.setLong(1, Journal.key(runId, seq));
            ps.setLong(2, runId);
            ps.setLong(3, seq);
            Sql.setTime(ps, 4, time);
            ps.setString(5, strategy);
            ps.setString(6, s.instrument().toString());
            ps.setString(7, s.direction().name());
            ps.setDouble(8, s.strength());
            ps.setDouble(9, s.confidence());
            Sql.setText(ps, 10, s.reason());
            ps.setString(11, outcome);
        }
    }

    private record OrderRow(long runId, long time, String strategy, Order o, String reason, JournalEntry next)
            implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO orders (id, run_id, seq, client_order_id, strategy, instrument_id, side, order_type,"
                    + " quantity, quote_quantity, limit_price, stop_price, time_in_force, submitted_at, reason)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + ON_CONFLICT;
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            ps.setLong(1, Journal.key(runId, seq));
            ps.setLong(2, runId);
            ps.setLong(3, seq);
            ps.setString(4, o.clientOrderId().value());
            ps.setString(5, strategy);
            ps.setString(6, o.instrument().toString());
            ps.setString(7, o.side().name());
            BigDecimal quantity = null;
            BigDecimal quote = null;
            BigDecimal limit = null;
            BigDecimal stop = null;
            String type;
            if (o instanceof MarketOrder m) {
                type = "MARKET";
                if (m.size() instanceof OrderSize.Base b) {
                    quantity = b.quantity();
                } else if (m.size() instanceof OrderSize.Quote q) {
                    quote = q.notional();
                }
            } else if (o instanceof LimitOrder l) {
                type = "LIMIT";
                quantity = l.quantity();
                limit = l.limitPrice();
            } else {
                StopOrder s = (StopOrder) o;
                type = "STOP";
                quantity = s.quantity();
                stop = s.stopPrice();
            }
            ps.setString(8, type);
            Sql.setDecimal(ps, 9, quantity);
            Sql.setDecimal(ps, 10, quote);
            Sql.setDecimal(ps, 11, limit);
            Sql.setDecimal(ps, 12, stop);
            TimeInForce tif = o.timeInForce();
            ps.setString(13, tif.name());
            Sql.setTime(ps, 14, time);
            Sql.setText(ps, 15, reason);
        }
    }

    private record OrderEventRow(long runId, String strategy, OrderEvent e, JournalEntry next)
            implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO order_events (id, run_id, seq, client_order_id, strategy, event_type, event_time,"
                    + " remaining_quantity, reject_source, reject_code, reject_message, rule_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + ON_CONFLICT;
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            ps.setLong(1, Journal.key(runId, seq));
            ps.setLong(2, runId);
            ps.setLong(3, seq);
            ps.setString(4, clientOrderId(e).value());
            ps.setString(5, strategy);
            ps.setString(6, type(e));
            Sql.setTime(ps, 7, e.timeMillis());
            Sql.setDecimal(ps, 8, e instanceof OrderFilled f ? f.remainingQuantity() : null);
            RejectReason r = e instanceof OrderRejected rej ? rej.reason() : null;
            Sql.setText(ps, 9, r == null ? null : r.source().name());
            Sql.setText(ps, 10, r == null ? null : r.code());
            Sql.setText(ps, 11, r == null ? null : r.message());
            Sql.setText(ps, 12, r == null ? null : r.ruleId());
        }

        private static ClientOrderId clientOrderId(OrderEvent e) {
            return e.clientOrderId();
        }

        private static String type(OrderEvent e) {
            if (e instanceof OrderAccepted) {
                return "ACCEPTED";
            } else if (e instanceof OrderRejected) {
                return "REJECTED";
            } else if (e instanceof OrderFilled) {
                return "FILLED";
            } else if (e instanceof OrderCanceled) {
                return "CANCELED";
            } else if (e instanceof OrderExpired) {
                return "EXPIRED";
            }
            throw new IllegalArgumentException("unknown order event " + e);
        }
    }

    private record FillRow(long runId, String strategy, Fill f, JournalEntry next) implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO fills (id, run_id, seq, client_order_id, strategy, instrument_id, side, price,"
                    + " quantity, fee, fee_asset, liquidity, fill_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + ON_CONFLICT;
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            ps.setLong(1, Journal.key(runId, seq));
            ps.setLong(2, runId);
            ps.setLong(3, seq);
            ps.setString(4, f.clientOrderId().value());
            ps.setString(5, strategy);
            ps.setString(6, f.instrument().toString());
            ps.setString(7, f.side().name());
            Sql.setDecimal(ps, 8, f.price());
            Sql.setDecimal(ps, 9, f.quantity());
            Sql.setDecimal(ps, 10, f.fee());
            ps.setString(11, f.feeAsset());
            ps.setString(12, f.liquidity().name());
            Sql.setTime(ps, 13, f.timeMillis());
        }
    }

    private record PositionRow(long runId, PositionChange p) implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO positions (id, run_id, seq, strategy, instrument_id, position_time, quantity,"
                    + " average_entry_price, realized_pnl) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" + ON_CONFLICT;
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            ps.setLong(1, Journal.key(runId, seq));
            ps.setLong(2, runId);
            ps.setLong(3, seq);
            ps.setString(4, p.strategy());
            ps.setString(5, p.instrument().toString());
            Sql.setTime(ps, 6, p.timeMillis());
            Sql.setDecimal(ps, 7, p.quantity());
            Sql.setDecimal(ps, 8, p.averageEntryPrice()); // the division runs here, on the writer thread
            Sql.setDecimal(ps, 9, p.realizedPnl());
        }
    }

    private record RiskEventRow(long runId, String strategy, OrderRejected r) implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO risk_events (run_id, seq, event_time, rule_id, event_type, code, message, strategy,"
                    + " client_order_id) VALUES (?, ?, ?, ?, 'REJECT', ?, ?, ?, ?)" + ON_CONFLICT;
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            ps.setLong(1, runId);
            ps.setLong(2, seq);
            Sql.setTime(ps, 3, r.timeMillis());
            Sql.setText(ps, 4, r.reason().ruleId());
            ps.setString(5, r.reason().code());
            ps.setString(6, r.reason().message());
            ps.setString(7, strategy);
            ps.setString(8, r.clientOrderId().value());
        }
    }
}
