package io.quantplug.app;

import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.SendBarrier;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.Journal;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An exchange session's run in the store (mode {@code LIVE}, or {@code PAPER}): started once the instrument is
 * known, journaled, then completed, stopped or failed. Gives the session its journal-before-send
 * {@link SendBarrier}: an order is sent once the journal entry that holds it (the last one appended when the engine
 * takes the mark) is committed. What {@code quantplug paper}/{@code live} and the console's live instances record
 * their runs with.
 *
 * <p>Threading: {@link #start}, {@link #fail} and {@link #finish} on the thread that runs the session; the barrier
 * from the venue's I/O thread; {@link #runId} from any thread once started.
 */
public final class SessionRecording {

    private final Store store;
    private final String user;
    private volatile Journal journal;
    private volatile long runId = -1;

    /**
     * Creates the recording; nothing is stored until {@link #start}.
     *
     * @param store where the run goes
     * @param user  who runs it, recorded with the run and its audit entries
     */
    public SessionRecording(Store store, String user) {
        this.store = store;
        this.user = user;
    }

    /**
     * Records the run as started ({@code RUNNING}) and gives its journaling listener.
     *
     * @param mode   how the run is stored, {@code PAPER} or {@code LIVE}
     * @param config what runs
     * @param tf     the bar length
     * @param next   told of the session's events after the journal
     * @return the listener to open the session with
     */
    public SessionListener start(RunStore.Mode mode, BacktestConfig config, Timeframe tf, SessionListener next) {
        Instant now = Instant.now();
        runId = store.runs().start(mode, ResultDocument.Run.of(config, tf.label(), now, now, 0,
                Map.of("strategy:" + config.strategy().id(), config.strategy().parameters())), user);
        journal = store.journal();
        return store.runs().listener(runId, journal, next);
    }

    /**
     * The barrier on this run's journal; after {@link #start}.
     *
     * @return the barrier
     */
    public SendBarrier barrier() {
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

    /**
     * The stored run's id.
     *
     * @return the id, or -1 before {@link #start}
     */
    public long runId() {
        return runId;
    }

    /**
     * Records the run as {@code FAILED} with the error's message and closes its journal; nothing when not started.
     *
     * @param e what failed
     */
    public void fail(RuntimeException e) {
        if (journal != null) {
            store.runs().fail(runId, e.getMessage(), user, journal);
            journal.close(Duration.ofSeconds(30));
        }
    }

    /**
     * Records the run's result ({@code COMPLETED}, or {@code STOPPED} when something stopped it) and closes its
     * journal, waiting up to 30 s for the database.
     *
     * @param document  the result
     * @param stoppedBy who or what stopped the run, or null when it ran to its end
     * @return null when every record is written, else what was not, for people
     */
    public String finish(ResultDocument document, String stoppedBy) {
        if (stoppedBy == null) {
            store.runs().complete(runId, document, user, journal);
        } else {
            store.runs().stopped(runId, document, stoppedBy, user, journal);
        }
        Journal.Stats stats = journal.close(Duration.ofSeconds(30));
        if (stats.unwritten() > 0 || stats.failure() != null) {
            return "run " + runId + " was not stored completely (" + stats.unwritten() + " records unwritten): "
                    + stats.failure();
        }
        return null;
    }
}
