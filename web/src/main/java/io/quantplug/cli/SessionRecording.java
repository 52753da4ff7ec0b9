package io.quantplug.cli;

import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.SendBarrier;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.Journal;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An exchange session's run in the store (mode {@code LIVE}, or {@code PAPER}): started once the instrument is
 * known, journaled, then completed, stopped or
 * failed. Gives the session its journal-before-send {@link SendBarrier}: an order is sent once the journal entry
 * that holds it (the last one appended when the engine takes the mark) is committed.
 */
final class SessionRecording {

    private final Store store;
    private final String user;
    private Journal journal;
    private long runId = -1;

    SessionRecording(Store store, String user) {
        this.store = store;
        this.user = user;
    }

    /** Records the run as started ({@code RUNNING}) and gives its journaling listener. */
    SessionListener start(RunStore.Mode mode, BacktestConfig config, Timeframe tf, SessionListener next) {
        Instant now = Instant.now();
        runId = store.runs().start(mode, ResultDocument.Run.of(config, tf.label(), now, now, 0,
                Map.of("strategy:" + config.strategy().id(), config.strategy().parameters())), user);
        journal = store.journal();
        return store.runs().listener(runId, journal, next);
    }

    /** The barrier on this run's journal; after {@link #start}. */
    SendBarrier barrier() {
        Journal j = journal;
        return new SendBarrier() {
            @Override
            public long mark() {
                return j.appendedSequence();
            }

            @Override
            public boolean await(long mark, Duration timeout) throws InterruptedException {
                return j.awaitDurable(mark, timeout);
            }
        };
    }

    long runId() {
        return runId;
    }

    void fail(RuntimeException e) {
        if (journal != null) {
            store.runs().fail(runId, e.getMessage(), user, journal);
            journal.close(Duration.ofSeconds(30));
        }
    }

    boolean finish(ResultDocument document, String stoppedBy, PrintWriter stdout, PrintWriter stderr) {
        if (stoppedBy == null) {
            store.runs().complete(runId, document, user, journal);
        } else {
            store.runs().stopped(runId, document, stoppedBy, user, journal);
        }
        Journal.Stats stats = journal.close(Duration.ofSeconds(30));
        if (stats.unwritten() > 0 || stats.failure() != null) {
            stderr.println("quantplug: error: run " + runId + " was not stored completely (" + stats.unwritten()
                    + " records unwritten): " + stats.failure());
            return false;
        }
        stdout.println("Stored as run " + runId + " (quantplug runs show " + runId + ")");
        return true;
    }
}
