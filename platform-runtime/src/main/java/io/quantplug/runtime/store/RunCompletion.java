package io.quantplug.runtime.store;

import io.quantplug.runtime.report.ResultDocument;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The journal entry that stores a run's result and marks it completed, in the batch's transaction.
 *
 * @param runId     the run
 * @param document  its result; for a portfolio run, the account's view ({@code PortfolioDocument.accountView()})
 * @param runBlock  the {@code run} block to keep in {@code runs.config}: {@code document.run()}, or a portfolio
 *                  document's own
 * @param breakdown a portfolio run's {@code {strategies, instruments}} as JSON, or null for a single run
 * @param status    {@code COMPLETED}, or {@code STOPPED} for a run stopped before its data ended
 * @param why       why it was stopped (kept in {@code error}), or null
 * @param actor     who ran it
 * @param audit     the audit log
 */
record RunCompletion(long runId, ResultDocument document, Object runBlock, String breakdown, RunStore.Status status,
                     String why, String actor, AuditLog audit) implements CompoundEntry {

    RunCompletion {
        if (document.equitySampling() != null) {
            throw new IllegalArgumentException("run " + runId + ": store the whole result; its equity was thinned to "
                    + document.equitySampling().kept() + " of " + document.equitySampling().points() + " points");
        }
    }

    RunCompletion(long runId, ResultDocument document, String actor, AuditLog audit) {
        this(runId, document, document.run(), null, RunStore.Status.COMPLETED, null, actor, audit);
    }

    private static final int BATCH = 5_000;

    @Override
    public void write(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, error = ?, finished_at = ?,"
                + " config = ?, metrics = ?, faults = ?, trade_count = ?, parameters = ?, breakdown = ?,"
                + " executions = ?, perpetual = ? WHERE id = ? AND status = 'RUNNING'")) {
            ps.setString(1, status.name());
            Sql.setText(ps, 2, why);
            Sql.setTime(ps, 3, audit.now());
            ps.setString(4, RunStore.json(runBlock));
            ps.setString(5, RunStore.json(document.metrics()));
            ps.setString(6, RunStore.json(document.faults()));
            ps.setInt(7, document.trades().size());
            ps.setString(8, RunStore.json(document.run().parameters()));
            Sql.setText(ps, 9, breakdown);
            Sql.setText(ps, 10, document.executions().isEmpty() ? null : RunStore.json(document.executions()));
            Sql.setText(ps, 11, document.perpetual() == null ? null : RunStore.json(document.perpetual()));
            ps.setLong(12, runId);
            if (ps.executeUpdate() == 0) {
                return; // already completed by an earlier attempt whose commit was not acknowledged, or not running
            }
        }
        writeTrades(c, document.trades());
        writeEquity(c, document.equity());
        audit.append(c, actor, "run." + status.name().toLowerCase(java.util.Locale.ROOT), "run/" + runId,
                document.trades().size() + " trades, " + document.run().bars() + " bars" + (why == null ? ""
                        : " (" + why + ")"));
    }

    private void writeTrades(Connection c, List<ResultDocument.Trade> trades) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trades (run_id, seq, strategy, instrument_id, side,"
                + " entry_time, exit_time, entry_price, exit_price, quantity, gross_pnl, fees, pnl, exit_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (ResultDocument.Trade t : trades) {
                ps.setLong(1, runId);
                ps.setInt(2, ++n);
                ps.setString(3, t.strategy());
                ps.setString(4, t.instrument());
                ps.setString(5, t.side());
                Sql.setTime(ps, 6, t.entryTime());
                Sql.setTime(ps, 7, t.exitTime());
                Sql.setDecimal(ps, 8, t.entryPrice());
                Sql.setDecimal(ps, 9, t.exitPrice());
                Sql.setDecimal(ps, 10, t.quantity());
                Sql.setDecimal(ps, 11, t.grossPnl());
                Sql.setDecimal(ps, 12, t.fees());
                Sql.setDecimal(ps, 13, t.pnl());
                ps.setString(14, t.exitReason());
                ps.addBatch();
                if (n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private void writeEquity(Connection c, List<ResultDocument.EquityPoint> equity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO equity_snapshots (run_id, seq, first_time,"
                + " last_time, points, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (int from = 0; from < equity.size(); from += EquityBlocks.POINTS) {
                int to = Math.min(equity.size(), from + EquityBlocks.POINTS);
                ps.setLong(1, runId);
                ps.setInt(2, ++seq);
                ps.setLong(3, equity.get(from).time().toEpochMilli());
                ps.setLong(4, equity.get(to - 1).time().toEpochMilli());
                ps.setInt(5, to - from);
                ps.setBytes(6, EquityBlocks.pack(equity.subList(from, to)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
