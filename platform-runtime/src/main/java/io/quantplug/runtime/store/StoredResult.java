package io.quantplug.runtime.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.runtime.report.PerpetualSection;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.PluginFault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Rebuilds a {@link ResultDocument} or a {@link PortfolioDocument} from a run's rows. */
final class StoredResult {

    private StoredResult() {
    }

    /** The columns of a run's row a document is rebuilt from. */
    private record Row(RunStore.Kind kind, String config, ResultDocument.Metrics metrics, List<PluginFault> faults,
                       String breakdown, List<ResultDocument.ExecutionEntry> executions,
                       PerpetualSection perpetual) {
    }

    /** A single run's document, or a portfolio run's account view ({@link PortfolioDocument#accountView()}). */
    static Optional<ResultDocument> read(Connection c, long runId) throws SQLException, JsonProcessingException {
        Optional<Row> row = row(c, runId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().kind() == RunStore.Kind.PORTFOLIO) {
            return Optional.of(portfolio(c, runId, row.get()).accountView());
        }
        if (row.get().kind() == RunStore.Kind.STUDY) {
            return Optional.empty(); // a study has its own document (RunStore.study)
        }
        return Optional.of(account(c, runId, ResultJson.mapper().readValue(row.get().config(),
                ResultDocument.Run.class), row.get()));
    }

    /** A portfolio run's document; empty when there is no such run or it is a single run. */
    static Optional<PortfolioDocument> readPortfolio(Connection c, long runId)
            throws SQLException, JsonProcessingException {
        Optional<Row> row = row(c, runId);
        if (row.isEmpty() || row.get().kind() != RunStore.Kind.PORTFOLIO) {
            return Optional.empty();
        }
        return Optional.of(portfolio(c, runId, row.get()));
    }

    private static Optional<Row> row(Connection c, long runId) throws SQLException, JsonProcessingException {
        ObjectMapper json = ResultJson.mapper();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, config, metrics, faults, breakdown, executions, perpetual FROM runs WHERE id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String m = rs.getString(3);
                String f = rs.getString(4);
                String e = rs.getString(6);
                String p = rs.getString(7);
                return Optional.of(new Row(RunStore.Kind.valueOf(rs.getString(1)), rs.getString(2),
                        m == null ? null : json.readValue(m, ResultDocument.Metrics.class),
                        f == null ? List.of() : json.readValue(f, RunStore.FAULTS), rs.getString(5),
                        e == null ? List.of() : json.readValue(e, EXECUTIONS),
                        p == null ? null : json.readValue(p, PerpetualSection.class)));
            }
        }
    }

    private static PortfolioDocument portfolio(Connection c, long runId, Row row)
            throws SQLException, JsonProcessingException {
        ObjectMapper json = ResultJson.mapper();
        PortfolioDocument.Breakdown breakdown = row.breakdown() == null
                ? new PortfolioDocument.Breakdown(List.of(), List.of())
                : json.readValue(row.breakdown(), PortfolioDocument.Breakdown.class);
        return PortfolioDocument.of(json.readValue(row.config(), PortfolioDocument.Run.class), breakdown,
                account(c, runId, null, row));
    }

    private static ResultDocument account(Connection c, long runId, ResultDocument.Run run, Row row)
            throws SQLException, JsonProcessingException {
        return new ResultDocument(ResultDocument.FORMAT, run, row.metrics(), trades(c, runId),
                equity(c, runId), rejections(c, runId), row.faults(),
                new ResultDocument.Counts(count(c, "signals", runId), count(c, "orders", runId),
                        count(c, "fills", runId)), riskEvents(c, runId), decisions(c, runId), null, row.executions(),
                row.perpetual());
    }

    /** The events rules reported (the rows with values; rejections have none), in the order reported. */
    private static List<ResultDocument.RiskEventEntry> riskEvents(Connection c, long runId)
            throws SQLException, JsonProcessingException {
        List<ResultDocument.RiskEventEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_time, rule_id, strategy, event_type, code,"
                + " message, event_values FROM risk_events WHERE run_id = ? AND event_values IS NOT NULL"
                + " ORDER BY seq")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ResultDocument.RiskEventEntry(Sql.instant(rs, "event_time"), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            ResultJson.mapper().readValue(rs.getString(7), VALUES)));
                }
            }
        }
        return out;
    }

    private static List<ResultDocument.DecisionEntry> decisions(Connection c, long runId)
            throws SQLException, JsonProcessingException {
        List<ResultDocument.DecisionEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT decision_time, group_id, policy, direction, score,"
                + " threshold, outcome, votes FROM signal_decisions WHERE id BETWEEN ? AND ? ORDER BY id")) {
            ps.setLong(1, Journal.key(runId, 0));
            ps.setLong(2, Journal.key(runId, 0xFFFF_FFFFL));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ResultDocument.DecisionEntry(Sql.instant(rs, "decision_time"), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getDouble(6), rs.getString(7),
                            ResultJson.mapper().readValue(rs.getString(8), VOTES)));
                }
            }
        }
        return out;
    }

    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() { };
    private static final TypeReference<List<ResultDocument.VoteEntry>> VOTES = new TypeReference<>() { };
    private static final TypeReference<List<ResultDocument.ExecutionEntry>> EXECUTIONS = new TypeReference<>() { };

    private static List<ResultDocument.Trade> trades(Connection c, long runId) throws SQLException {
        List<ResultDocument.Trade> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT strategy, instrument_id, side, entry_time, exit_time,"
                + " entry_price, exit_price, quantity, gross_pnl, fees, pnl, exit_reason FROM trades"
                + " WHERE run_id = ? ORDER BY seq")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ResultDocument.Trade(rs.getString("strategy"), rs.getString("instrument_id"),
                            rs.getString("side"), Sql.instant(rs, "entry_time"), Sql.instant(rs, "exit_time"),
                            Sql.decimal(rs, "entry_price"), Sql.decimal(rs, "exit_price"),
                            Sql.decimal(rs, "quantity"), Sql.decimal(rs, "gross_pnl"), Sql.decimal(rs, "fees"),
                            Sql.decimal(rs, "pnl"), rs.getString("exit_reason")));
                }
            }
        }
        return out;
    }

    /** A run's whole equity curve, in time order (empty for a run that did not complete or has no such id). */
    static List<ResultDocument.EquityPoint> equity(Connection c, long runId) throws SQLException {
        List<ResultDocument.EquityPoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT points, data FROM equity_snapshots WHERE run_id = ? ORDER BY seq")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EquityBlocks.unpack(rs.getBytes(2), rs.getInt(1), out);
                }
            }
        }
        return out;
    }

    private static List<ResultDocument.RejectionEntry> rejections(Connection c, long runId) throws SQLException {
        List<ResultDocument.RejectionEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_time, strategy, client_order_id, reject_source,"
                + " reject_code, reject_message, rule_id FROM order_events WHERE id BETWEEN ? AND ?"
                + " AND event_type = 'REJECTED' ORDER BY id")) {
            ps.setLong(1, Journal.key(runId, 0));
            ps.setLong(2, Journal.key(runId, 0xFFFF_FFFFL));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ResultDocument.RejectionEntry(Sql.instant(rs, "event_time"), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String table, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE id BETWEEN ? AND ?")) {
            ps.setLong(1, Journal.key(runId, 0));
            ps.setLong(2, Journal.key(runId, 0xFFFF_FFFFL));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
