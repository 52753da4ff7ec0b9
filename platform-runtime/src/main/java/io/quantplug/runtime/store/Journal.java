package io.quantplug.runtime.store;

import io.quantplug.runtime.QuantplugException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The write-behind journal between the engine and the database.
 *
 * <p>The engine thread {@linkplain #append appends} entries to a bounded ring; a writer thread of the journal's
 * own drains it in batches, each batch one transaction. When the ring is full, {@code append} waits until the
 * writer has made room (backpressure): nothing is ever dropped. The ring is single-producer (after Lamport's
 * single-producer single-consumer queue): an append is a slot write and a release store, no lock and no system
 * call, so journaling costs the engine little more than building the records. The writer lets records gather for
 * up to two lingers of {@link #LINGER_NANOS} (group commit); a ring half full wakes it at once. An entry is <em>acknowledged</em> when its batch has
 * committed: {@link #durableSequence()} is then at least its sequence number, and the {@linkplain #onDurable
 * durability callbacks} have been told. An acknowledged entry survives the process being killed.
 *
 * <p>When the database is lost (a connection error, an SQL state of class 08, 40, 53 or 57), the writer keeps the
 * batch and retries it with exponential backoff from 100 ms up to 5 s until the database returns; the engine goes
 * on until the ring is full. Any other error is a defect (e.g. a value the schema refuses): the journal stops, keeps
 * the unwritten entries counted in {@link Stats#unwritten()}, and every later {@code append} throws.
 *
 * <p>One class of some length on purpose: the producer's side ({@link #append}) and the writer's side (the drain
 * loop) are the two halves of one protocol over the ring's {@code published} and {@code consumed} counters, and read
 * best side by side.
 *
 * <p>Threading: one producer. {@code append} is called by one thread at a time (a session's engine thread; a later
 * caller must see the earlier one's appends, e.g. the same thread after the run); use one journal per session. It
 * wakes the writer only when the ring is half full; otherwise the writer looks every 10 ms. Callbacks run on the writer
 * thread and must be quick. The other methods may be called from any thread.
 */
public final class Journal implements AutoCloseable {

    /** Default ring capacity, in entries. */
    public static final int DEFAULT_CAPACITY = 65_536;
    /** Default largest batch, in entries. */
    public static final int DEFAULT_BATCH = 8_192;

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    /**
     * How long the writer lets records gather before it writes them (group commit, like PostgreSQL's
     * {@code commit_delay}): an idle writer looks every linger, and a batch short of {@link #DEFAULT_BATCH} gets one
     * more linger, so a record waits at most two lingers (20 ms) before its batch is written. Fewer, larger
     * transactions, and a writer that does not compete with the engine for the CPU record by record. A ring half
     * full wakes it at once, and so does {@link #close}.
     */
    static final long LINGER_NANOS = 10_000_000;
    /** How long a producer facing a full ring naps before looking again. */
    private static final long ROOM_WAIT_NANOS = 50_000;

    /**
     * Counters.
     *
     * @param appended     entries appended
     * @param written      entries committed
     * @param batches      transactions committed
     * @param retries      failed attempts that were retried
     * @param blockedNanos time {@code append} spent waiting for room, nanoseconds
     * @param unwritten    entries that will not be written (the journal failed or closed before the database
     *                     returned)
     * @param failure      why the journal stopped, or null while it works
     */
    public record Stats(long appended, long written, long batches, long retries, long blockedNanos, long unwritten,
                        String failure) {
    }

    private final Database db;
    private static final VarHandle PUBLISHED;

    static {
        try {
            PUBLISHED = MethodHandles.lookup().findVarHandle(ProducerFields.class, "published", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // The producer's fields live in an object of their own, padded on both sides (fields of a superclass are laid
    // out first), so that the writer's counters never share a cache line with them: false sharing would make every
    // append miss the cache while the writer works.
    @SuppressWarnings("unused")
    private static class PadBefore {
        long p01, p02, p03, p04, p05, p06, p07, p08;
    }

    private static class ProducerFields extends PadBefore {
        volatile long published;
        long consumedSeen;
        long wakeWriterAt;
    }

    @SuppressWarnings("unused")
    private static final class Producer extends ProducerFields {
        long p11, p12, p13, p14, p15, p16, p17, p18;
    }

    private final Producer producer = new Producer();

    private final JournalEntry[] ring;
    private final int mask;
    private final int half;
    private final int batchSize;
    private final Thread writer;
    private final List<LongConsumer> durableCallbacks = new CopyOnWriteArrayList<>();
    private final Object durableLock = new Object();

    // writer side: every slot up to consumed may be reused; durable is what has committed
    private volatile long consumed;
    private volatile long durable;
    private volatile long written;
    private volatile long batches;
    private volatile long retries;
    private volatile long blockedNanos;
    private volatile String failure;
    private volatile boolean closing;
    private volatile long giveUpAtNanos = Long.MAX_VALUE;

    /**
     * Starts a journal and its writer thread.
     *
     * @param db        the database
     * @param capacity  ring capacity in entries, &ge; 1 (rounded up to a power of two)
     * @param batchSize largest batch in entries, &ge; 1
     */
    public Journal(Database db, int capacity, int batchSize) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batchSize must be >= 1, got " + capacity + " and "
                    + batchSize);
        }
        this.db = db;
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        this.ring = new JournalEntry[capacity == 1 ? 1 : size];
        this.mask = ring.length - 1;
        this.half = Math.max(1, ring.length / 2);
        this.batchSize = batchSize;
        this.writer = new Thread(this::drainLoop, "quantplug-journal");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * The single key of a journaled row: {@code runId} &times; 2<sup>32</sup> + {@code seq}. One key column keeps one
     * tree per table in H2 (a composite key is a second index there) and makes a run's rows the key range
     * [{@code key(runId, 0)}, {@code key(runId, 0xFFFFFFFF)}].
     *
     * @param runId the run, &ge; 0 and below 2<sup>31</sup>
     * @param seq   the journal sequence number, &ge; 0 and below 2<sup>32</sup>
     * @return the key
     * @throws IllegalArgumentException when either is out of range
     */
    public static long key(long runId, long seq) {
        if (runId < 0 || runId >= 1L << 31 || seq < 0 || seq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("run " + runId + " / sequence " + seq + " out of the key's range");
        }
        return runId << 32 | seq;
    }

    /**
     * Registers a callback told the highest acknowledged sequence number after every commit.
     *
     * @param callback runs on the writer thread
     */
    public void onDurable(LongConsumer callback) {
        durableCallbacks.add(callback);
    }

    /**
     * Appends an entry, waiting while the ring is full.
     *
     * @param entry the entry
     * @return the entry's sequence number
     * @throws QuantplugException when the journal has failed or is closed, or the thread is interrupted
     */
    long append(JournalEntry entry) {
        if (failure != null) {
            throw new QuantplugException("journal stopped: " + failure);
        }
        if (closing) {
            throw new QuantplugException("journal closed");
        }
        Producer p = producer;
        long seq = p.published + 1;
        if (seq - p.consumedSeen > ring.length) {
            waitForRoom(p, seq);
        }
        ring[(int) (seq - 1) & mask] = entry;
        PUBLISHED.setRelease(p, seq);
        if (seq - p.consumedSeen >= half) {
            // perhaps half full (consumedSeen may be stale): look, and wake the writer at most once a quarter ring
            p.consumedSeen = consumed;
            if (seq - p.consumedSeen >= half && seq >= p.wakeWriterAt) {
                p.wakeWriterAt = seq + Math.max(1, half / 2);
                LockSupport.unpark(writer);
            }
        }
        return seq;
    }

    private void waitForRoom(Producer p, long seq) {
        long start = System.nanoTime();
        while (seq - (p.consumedSeen = consumed) > ring.length) {
            if (failure != null) {
                throw new QuantplugException("journal stopped: " + failure);
            }
            LockSupport.parkNanos(ROOM_WAIT_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new QuantplugException("interrupted while waiting for the journal");
            }
        }
        blockedNanos += System.nanoTime() - start;
    }

    /**
     * The sequence number of the last entry appended.
     *
     * @return 0 before the first
     */
    public long appendedSequence() {
        return producer.published;
    }

    /**
     * The highest sequence number acknowledged: that entry and every one before it are committed.
     *
     * @return 0 before the first commit
     */
    public long durableSequence() {
        return durable;
    }

    /**
     * Waits until an entry is acknowledged.
     *
     * @param seq     the sequence number
     * @param timeout how long to wait at most
     * @return true when acknowledged, false on time-out or when the journal failed
     * @throws InterruptedException when interrupted
     */
    public boolean awaitDurable(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (durableLock) {
            while (durable < seq && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(durableLock, left);
            }
            return durable >= seq;
        }
    }

    /**
     * The counters.
     *
     * @return a snapshot
     */
    public Stats stats() {
        long appended = appendedSequence();
        long unwritten = failure != null || !writer.isAlive() ? appended - written : 0;
        return new Stats(appended, written, batches, retries, blockedNanos, unwritten, failure);
    }

    /**
     * Stops accepting entries and waits until every appended entry is written, or until {@code timeout} has passed
     * while the database stayed unreachable.
     *
     * @param timeout how long to keep retrying an unreachable database
     * @return the final counters; {@link Stats#unwritten()} &gt; 0 says what was lost
     */
    public Stats close(Duration timeout) {
        giveUpAtNanos = System.nanoTime() + timeout.toNanos();
        closing = true;
        LockSupport.unpark(writer); // no need to wait out the linger
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stats();
    }

    /** Closes, retrying an unreachable database for at most 30 s. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void drainLoop() {
        List<JournalEntry> batch = new ArrayList<>(batchSize);
        long next = 1;
        try {
            while (true) {
                // Poll and linger instead of blocking: a writer parked on a condition would have every append pay
                // for waking it (a system call per record); lingering costs at most LINGER of latency.
                long available = producer.published;
                if (available < next) {
                    if (closing && producer.published < next) {
                        return; // closing is read before published: every append before close() is seen
                    }
                    LockSupport.parkNanos(LINGER_NANOS);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    continue;
                }
                if (available - next + 1 < batchSize && !closing) {
                    // a partial batch: let more gather for one linger, unless the producer wakes us (ring half full)
                    LockSupport.parkNanos(LINGER_NANOS);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    available = producer.published;
                }
                long last = Math.min(available, next + batchSize - 1);
                for (long seq = next; seq <= last; seq++) {
                    batch.add(ring[(int) (seq - 1) & mask]);
                }
                if (!writeWithRetry(batch, next)) {
                    return;
                }
                for (long seq = next; seq <= last; seq++) {
                    ring[(int) (seq - 1) & mask] = null;
                }
                consumed = last;
                written += batch.size();
                batches++;
                synchronized (durableLock) {
                    durable = last;
                    durableLock.notifyAll();
                }
                for (LongConsumer c : durableCallbacks) {
                    c.accept(last);
                }
                batch.clear();
                next = last + 1;
            }
        } catch (InterruptedException e) {
            failure = "journal writer interrupted";
        } catch (RuntimeException | Error e) {
            failure = "journal writer failed: " + e;
            LOG.error("journal writer failed", e);
        } finally {
            synchronized (durableLock) {
                durableLock.notifyAll();
            }
        }
    }

    /** Writes a batch, retrying while the database is unreachable; false when the journal must stop. */
    private boolean writeWithRetry(List<JournalEntry> batch, long firstSeq) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            try {
                write(batch, firstSeq);
                return true;
            } catch (SQLException e) {
                String message = db.settings().mask(e.getMessage());
                if (!Sql.isConnectionError(e)) {
                    failure = "cannot write to the database " + db.settings().maskedUrl() + ": " + message
                            + " (SQL state " + e.getSQLState() + ")";
                    LOG.error("journal stopped: {}", failure);
                    return false;
                }
                if (closing && System.nanoTime() > giveUpAtNanos) {
                    failure = "database " + db.settings().maskedUrl() + " still unreachable when the journal closed: "
                            + message;
                    LOG.error("journal gave up: {}", failure);
                    return false;
                }
                retries++;
                LOG.warn("journal: database unreachable ({}); retrying in {} ms", message, backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void write(List<JournalEntry> batch, long firstSeq) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            Map<String, PreparedStatement> statements = new LinkedHashMap<>();
            try {
                long seq = firstSeq;
                for (JournalEntry e : batch) {
                    String sql = e.sql();
                    if (sql == null) {
                        executeAll(statements);
                        e.write(c, seq++);
                        continue;
                    }
                    for (JournalEntry part = e; part != null; part = part.next()) {
                        PreparedStatement ps = statements.get(part.sql());
                        if (ps == null) {
                            ps = c.prepareStatement(part.sql());
                            statements.put(part.sql(), ps);
                        }
                        part.bind(ps, seq);
                        ps.addBatch();
                    }
                    seq++;
                }
                executeAll(statements);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                for (PreparedStatement ps : statements.values()) {
                    ps.close();
                }
            }
        }
    }

    private static void executeAll(Map<String, PreparedStatement> statements) throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.executeBatch();
        }
    }
}
