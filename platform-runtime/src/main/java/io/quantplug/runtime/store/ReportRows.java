package io.quantplug.runtime.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SignalDecision;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The journal entries of what a session reports beyond orders: an event a risk rule reported ({@code risk_events},
 * with its numbers in {@code event_values}) and a signal group's decision ({@code signal_decisions}). Each is one
 * row under its own sequence number; the JSON is written on the journal's writer thread.
 */
final class ReportRows {

    /** One line: these values sit in a row of their own, not in a document people read. */
    private static final ObjectWriter COMPACT = ResultJson.mapper().writer()
            .without(SerializationFeature.INDENT_OUTPUT);

    private ReportRows() {
    }

    private static String json(Object value) throws SQLException {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise " + value + ": " + e.getOriginalMessage(), e);
        }
    }

    /** An event a risk rule reported, with its numbers as a JSON object. */
    record RiskEventReported(long runId, RiskEventReport r) implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO risk_events (run_id, seq, event_time, rule_id, event_type, code, message, strategy,"
                    + " event_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" + JournalingListener.ON_CONFLICT;
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            RiskEvent e = r.event();
            ps.setLong(1, runId);
            ps.setLong(2, seq);
            Sql.setTime(ps, 3, e.timeMillis());
            ps.setString(4, r.ruleId());
            ps.setString(5, e.eventType());
            ps.setString(6, e.code());
            ps.setString(7, e.message());
            Sql.setText(ps, 8, r.strategy());
            ps.setString(9, json(e.values())); // serialised here, on the writer thread
        }
    }

    /** A signal group's decision, its votes as a JSON array. */
    record Decision(long runId, SignalDecision d) implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO signal_decisions (id, run_id, seq, decision_time, group_id, policy, direction, score,"
                    + " threshold, outcome, votes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + JournalingListener.ON_CONFLICT;
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            ps.setLong(1, Journal.key(runId, seq));
            ps.setLong(2, runId);
            ps.setLong(3, seq);
            Sql.setTime(ps, 4, d.timeMillis());
            ps.setString(5, d.group());
            ps.setString(6, d.policy().name());
            Sql.setText(ps, 7, d.direction() == null ? null : d.direction().name());
            ps.setDouble(8, d.score());
            ps.setDouble(9, d.threshold());
            ps.setString(10, d.outcome());
            ps.setString(11, json(ResultDocument.DecisionEntry.of(d).votes()));
        }
    }
}
