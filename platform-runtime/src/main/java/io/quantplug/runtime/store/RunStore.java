package io.quantplug.runtime.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quantplug.runtime.QuantplugException;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.SessionListener;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs and what they produced. A run is inserted {@code RUNNING} when it starts ({@link #start}); the session's
 * records go through a {@link Journal} ({@link #listener}); the result is journaled last ({@link #complete}), in one
 * transaction with the status {@code COMPLETED} and its audit entry. A run whose process died is marked
 * {@code INTERRUPTED} when the store is next opened. Thread-safe.
 */
public final class RunStore {

    /** How a run was driven. */
    public enum Mode {
        /** Historical bars on the simulated venue, as fast as possible. */
        BACKTEST,
        /** Historical bars replayed on the simulated venue at a chosen speed. */
        REPLAY,
        /** Live data, simulated venue. */
        PAPER,
        /** Live data, real venue. */
        LIVE
    }

    /** What a run traded. */
    public enum Kind {
        /** One instrument ({@code quantplug backtest}); its document is a {@link ResultDocument}. */
        SINGLE,
        /**
         * Several instruments and strategies on one account ({@code quantplug backtest --config}); its document is
         * a {@link PortfolioDocument}, its instrument the books' ids joined by {@code ,} (or {@code N instruments}
         * when they do not fit in 2,048 characters), its strategy the strategy ids joined by {@code +}.
         */
        PORTFOLIO,
        /**
         * A parameter study of one strategy ({@code quantplug optimize}): no result document, its study document
         * instead ({@link #study}), stored when the study completes.
         */
        STUDY
    }

    /** Where a run is. */
    public enum Status {
        /** Started, not ended. */
        RUNNING,
        /** Ended normally; its result is stored. */
        COMPLETED,
        /** Ended with an error. */
        FAILED,
        /** Its process died before it ended; what was acknowledged before is stored. */
        INTERRUPTED,
        /** Stopped at someone's request before its data ended; its result up to the stop is stored. */
        STOPPED
    }

    /**
     * One line of {@code quantplug runs list}.
     *
     * @param id         run id
     * @param mode       how it was driven
     * @param kind       one instrument or a portfolio
     * @param strategy   strategy id (a portfolio's: its strategy ids joined by {@code +})
     * @param instrument instrument id (a portfolio's: its instrument ids joined by {@code ,})
     * @param timeframe  bar length label
     * @param status     where it is
     * @param created    when it started
     * @param finished   when it ended, or null
     * @param tradeCount closed round trips, or null unless completed
     * @param error      why it failed or was interrupted, or null
     */
    public record RunSummary(long id, Mode mode, Kind kind, String strategy, String instrument, String timeframe,
                             Status status, Instant created, Instant finished, Integer tradeCount, String error) {
    }

    private static final String SUMMARY_COLUMNS = "id, mode, kind, strategy, instrument_id, timeframe, status,"
            + " created_at, finished_at, trade_count, error";

    private final Database db;
    private final AuditLog audit;

    RunStore(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * Records a run as started, with an audit entry {@code run.started}.
     *
     * @param mode  how it is driven
     * @param run   what runs (the {@code run} block of {@code result.json}; replaced by the final one at completion)
     * @param actor who started it
     * @return the run id
     * @throws QuantplugException when the database fails
     */
    public long start(Mode mode, ResultDocument.Run run, String actor) {
        return insert(mode, Kind.SINGLE, run.strategy(), run.instrument(), run.timeframe(), run.parameters(),
                run.from(), run.to(), run, actor);
    }

    /** Longest {@code runs.instrument_id} (version 4 of the schema). */
    private static final int MAX_INSTRUMENT_TEXT = 2048;

    /**
     * Records a portfolio run as started, with an audit entry {@code run.started}: its strategy is the strategy ids
     * joined by {@code +}, its instrument the books' instrument ids joined by {@code ,}.
     *
     * @param mode  how it is driven
     * @param run   the portfolio's {@code run} block (replaced by the final one, resolved parameters, at completion)
     * @param actor who started it
     * @return the run id
     * @throws QuantplugException when the database fails
     */
    public long startPortfolio(Mode mode, PortfolioDocument.Run run, String actor) {
        String instruments = String.join(",", run.books().stream().map(PortfolioDocument.BookEntry::instrument)
                .toList());
        if (instruments.length() > MAX_INSTRUMENT_TEXT) {
            instruments = run.books().size() + " instruments";
        }
        return insert(mode, Kind.PORTFOLIO, PortfolioDocument.strategyIds(run), instruments, run.timeframe(),
                run.parameters(), run.from(), run.to(), run, actor);
    }

    /**
     * Stores a completed parameter study as a run of kind {@link Kind#STUDY}, status {@code COMPLETED}, with audit
     * entries {@code run.started} and {@code run.completed}, in one transaction.
     *
     * @param strategy   the strategy studied
     * @param instrument the instrument id
     * @param timeframe  the bars' timeframe label
     * @param from       the first bar's open time
     * @param to         the last bar's open time
     * @param study      the study's document, JSON text (what {@code study.json} holds)
     * @param trials     how many trials it ran
     * @param actor      who ran it
     * @return the run id
     * @throws QuantplugException when the database fails
     */
    public long recordStudy(String strategy, String instrument, String timeframe, Instant from, Instant to,
                            String study, int trials, String actor) {
        long id = insert(Mode.BACKTEST, Kind.STUDY, strategy, instrument, timeframe, Map.of(), from, to,
                Map.of("trials", trials), actor);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'COMPLETED', finished_at = ?,"
                    + " study = ? WHERE id = ?")) {
                Sql.setTime(ps, 1, audit.now());
                ps.setString(2, study);
                ps.setLong(3, id);
                ps.executeUpdate();
                audit.append(c, actor, "run.completed", "run/" + id, "study of " + trials + " trials");
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot store the study: " + db.settings().mask(e.getMessage()), e);
        }
    }

    /**
     * A stored study's document, as {@code quantplug optimize --json} printed it.
     *
     * @param id the run id
     * @return the JSON text, or empty when there is no such run or it is not a study
     * @throws QuantplugException when the database fails
     */
    public Optional<String> study(long id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT study FROM runs WHERE id = ? AND kind = 'STUDY'")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot read run " + id + ": " + db.settings().mask(e.getMessage()), e);
        }
    }

    private long insert(Mode mode, Kind kind, String strategy, String instrument, String timeframe,
                        Object parameters, Instant from, Instant to, Object config, String actor) {
        String sql = "INSERT INTO runs (mode, kind, strategy, instrument_id, timeframe, parameters, data_from,"
                + " data_to, status, created_at, created_by, host, pid, config)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)";
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
                ps.setString(1, mode.name());
                ps.setString(2, kind.name());
                ps.setString(3, strategy);
                ps.setString(4, instrument);
                ps.setString(5, timeframe);
                ps.setString(6, json(parameters));
                Sql.setTime(ps, 7, from);
                Sql.setTime(ps, 8, to);
                Sql.setTime(ps, 9, audit.now());
                ps.setString(10, actor);
                ps.setString(11, ProcessIdentity.host());
                ps.setLong(12, ProcessHandle.current().pid());
                ps.setString(13, json(config));
                ps.executeUpdate();
                long id;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                audit.append(c, actor, "run.started", "run/" + id, mode + (kind == Kind.PORTFOLIO ? " portfolio "
                        : kind == Kind.STUDY ? " study " : " ") + strategy + " on " + instrument + " " + timeframe);
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot record the run: " + db.settings().mask(e.getMessage()), e);
        }
    }

    /**
     * A listener that journals a session's records for a run.
     *
     * @param runId   the run
     * @param journal the journal
     * @param next    a listener to pass every callback on to
     * @return the journaling listener
     */
    public JournalingListener listener(long runId, Journal journal, SessionListener next) {
        return new JournalingListener(runId, journal, next);
    }

    /**
     * Journals a run's result after everything journaled before it: the final {@code run} block, metrics, round
     * trips, the equity curve and plugin faults, status {@code COMPLETED} and an audit entry {@code run.completed},
     * all in one transaction.
     *
     * @param runId    the run
     * @param document its result
     * @param actor    who ran it
     * @param journal  the journal its records went through
     * @return the journal sequence number of the completion: the run is stored once that is acknowledged
     * @throws IllegalArgumentException when the document's equity was thinned ({@link ResultDocument#withEquityPoints}):
     *                                  the store keeps the whole curve
     */
    public long complete(long runId, ResultDocument document, String actor, Journal journal) {
        return journal.append(new RunCompletion(runId, document, actor, audit));
    }

    /**
     * Journals the result of a run stopped before its data ended, as {@link #complete} does, with status
     * {@code STOPPED}, the reason in {@code error} and an audit entry {@code run.stopped}.
     *
     * @param runId    the run
     * @param document its result up to the stop
     * @param why      who stopped it, e.g. {@code stopped by alice}
     * @param actor    who ran it
     * @param journal  the journal its records went through
     * @return the journal sequence number of the completion
     */
    public long stopped(long runId, ResultDocument document, String why, String actor, Journal journal) {
        return journal.append(new RunCompletion(runId, document, document.run(), null, Status.STOPPED, why, actor,
                audit));
    }

    /**
     * Journals a portfolio run's result after everything journaled before it, as {@link #complete} does: its final
     * {@code run} block, the per-strategy and per-instrument breakdowns, and the account's metrics, trades, equity
     * curve and faults, status {@code COMPLETED} and an audit entry {@code run.completed}, in one transaction.
     *
     * @param runId    the run, started with {@link #startPortfolio}
     * @param document its result
     * @param actor    who ran it
     * @param journal  the journal its records went through
     * @return the journal sequence number of the completion: the run is stored once that is acknowledged
     */
    public long completePortfolio(long runId, PortfolioDocument document, String actor, Journal journal) {
        return journal.append(new RunCompletion(runId, document.accountView(), document.run(),
                json(new PortfolioDocument.Breakdown(document.strategies(), document.instruments())),
                Status.COMPLETED, null, actor, audit));
    }

    /**
     * Journals that a run failed, after everything journaled before it.
     *
     * @param runId   the run
     * @param error   why, one line
     * @param actor   who ran it
     * @param journal the journal
     * @return the journal sequence number of the entry
     */
    public long fail(long runId, String error, String actor, Journal journal) {
        return journal.append(new RunEnd(runId, Status.FAILED, error, actor, audit));
    }

    /**
     * All runs, newest first.
     *
     * @return their summaries
     */
    public List<RunSummary> list() {
        List<RunSummary> out = new ArrayList<>();
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + SUMMARY_COLUMNS + " FROM runs ORDER BY id DESC")) {
            while (rs.next()) {
                out.add(summary(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new QuantplugException("cannot list runs: " + db.settings().mask(e.getMessage()), e);
        }
    }

    /**
     * One run's summary.
     *
     * @param id the run id
     * @return the summary, or empty when there is no such run
     */
    public Optional<RunSummary> summary(long id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM runs WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot read run " + id + ": " + db.settings().mask(e.getMessage()), e);
        }
    }

    /**
     * A run's result, rebuilt from the tables in the shape of {@code result.json}: the same document the run wrote,
     * with decimals compared by value (the database keeps no trailing zeros). A run that did not complete has null
     * metrics and no trades or equity. A portfolio run answers its account's view
     * ({@link PortfolioDocument#accountView()}); {@link #portfolioDocument} answers its whole document.
     *
     * @param id the run id
     * @return the document, or empty when there is no such run or it is a study ({@link #study})
     */
    public Optional<ResultDocument> document(long id) {
        return readOnly(id, StoredResult::read);
    }

    /**
     * A run's whole equity curve as stored, every point (the documents written to files and served to the console
     * may carry a thinned one): for a chart zoomed in on a time range.
     *
     * @param id the run id
     * @return the points in time order; empty when the run did not complete or does not exist
     */
    public List<ResultDocument.EquityPoint> equity(long id) {
        return readOnly(id, (c, runId) -> Optional.of(StoredResult.equity(c, runId))).orElseThrow();
    }

    /** How a document is read from a run's rows. */
    @FunctionalInterface
    private interface Reader<T> {
        Optional<T> read(Connection c, long runId) throws SQLException, JsonProcessingException;
    }

    /** Reads a run's document in one read-only transaction, so that it sees one state of the run. */
    private <T> Optional<T> readOnly(long id, Reader<T> reader) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                Optional<T> d = reader.read(c, id);
                c.commit();
                return d;
            } finally {
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot read run " + id + ": " + db.settings().mask(e.getMessage()), e);
        } catch (JsonProcessingException e) {
            throw new QuantplugException("run " + id + ": stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A portfolio run's result, rebuilt from the tables in the shape of its {@code result.json}
     * ({@code quantplug-portfolio-result/1}), decimals compared by value as for {@link #document}. A run that did
     * not complete has null metrics, empty breakdowns and no trades or equity.
     *
     * @param id the run id
     * @return the document, or empty when there is no such run or it is a single run (see {@link #document})
     */
    public Optional<PortfolioDocument> portfolioDocument(long id) {
        return readOnly(id, StoredResult::readPortfolio);
    }

    /**
     * Marks as {@code INTERRUPTED} every {@code RUNNING} run of this host whose process is gone (or is a newer
     * process that reuses its pid). Runs of other hosts are left alone: their liveness cannot be seen from here.
     *
     * @return the ids marked
     */
    public List<Long> markInterrupted() {
        List<Long> marked = new ArrayList<>();
        String host = ProcessIdentity.host();
        try (Connection c = db.connection()) {
            List<long[]> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, pid, created_at FROM runs WHERE status = 'RUNNING' AND host = ?")) {
                ps.setString(1, host);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new long[] {rs.getLong(1), rs.getLong(2),
                            Sql.instant(rs, "created_at").toEpochMilli()});
                    }
                }
            }
            for (long[] r : candidates) {
                if (ProcessIdentity.alive(r[1], Instant.ofEpochMilli(r[2]))) {
                    continue;
                }
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'INTERRUPTED',"
                        + " finished_at = ?, error = ? WHERE id = ? AND status = 'RUNNING'")) {
                    Sql.setTime(ps, 1, audit.now());
                    ps.setString(2, "process " + r[1] + " on " + host + " ended before the run did");
                    ps.setLong(3, r[0]);
                    if (ps.executeUpdate() == 1) {
                        audit.append(c, ProcessIdentity.user(), "run.interrupted", "run/" + r[0],
                                "process " + r[1] + " is gone");
                        marked.add(r[0]);
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return marked;
        } catch (SQLException e) {
            throw new QuantplugException("cannot check for interrupted runs: " + db.settings().mask(e.getMessage()), e);
        }
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        int trades = rs.getInt("trade_count");
        boolean noTrades = rs.wasNull();
        return new RunSummary(rs.getLong("id"), Mode.valueOf(rs.getString("mode")),
                Kind.valueOf(rs.getString("kind")), rs.getString("strategy"),
                rs.getString("instrument_id"), rs.getString("timeframe"), Status.valueOf(rs.getString("status")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "finished_at"), noTrades ? null : trades,
                rs.getString("error"));
    }

    static String json(Object value) {
        try {
            return ResultJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new QuantplugException("cannot serialise " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static final TypeReference<List<PluginFault>> FAULTS = new TypeReference<>() { };
}
