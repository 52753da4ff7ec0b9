package io.quantplug.sdk.book;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps an {@link OrderBook} in step with a venue's diff-depth stream by Binance's documented procedure (see
 * {@link SequenceRule} for the sources and the exact id rules of spot and futures):
 *
 * <ol>
 *   <li>{@link State#AWAITING_SNAPSHOT}: events are buffered (copied) until a REST snapshot arrives;</li>
 *   <li>{@link #onSnapshot}: the book is set to the snapshot, buffered events older than it are dropped, and the
 *       first remaining one must bridge the snapshot ({@link State#AWAITING_BRIDGE} until it comes);</li>
 *   <li>{@link State#IN_SYNC}: each event must continue the previous one; it is applied to the book.</li>
 * </ol>
 *
 * <p>On any gap (an event that neither continues the book nor bridges the snapshot), the sequencer goes out of sync
 * at once: the book is cleared (a book with a hole must not be read), the event that revealed the gap is buffered,
 * the state returns to {@link State#AWAITING_SNAPSHOT}, and {@link #accept} answers {@link Outcome#GAP}: the caller
 * must fetch a new snapshot and hand it to {@link #onSnapshot} (a resync). A snapshot older than the first
 * buffered event is answered the same way ({@code onSnapshot} returns {@code AWAITING_SNAPSHOT}): fetch again.
 *
 * <p>Events whose final id is not newer than the book's are dropped ({@link Outcome#DROPPED}); a duplicate does
 * not cause a resync. While waiting for a snapshot, at most {@code maxBuffered} events are kept; beyond that the
 * oldest is discarded, which at worst makes the next snapshot bridge nothing and costs one more resync.
 *
 * <p>Costs: in sync, {@link #accept} applies the event in place and allocates nothing; buffering copies the
 * event. Threading: not thread-safe; the thread that decodes the stream owns the sequencer and its book. A
 * snapshot fetched on another thread must be handed over to that thread.
 */
public final class DepthSequencer {

    /** Where the sequencer is in the procedure. */
    public enum State {
        /** No snapshot yet (or a gap was seen): events are buffered and the book is empty. */
        AWAITING_SNAPSHOT,
        /** The book holds a snapshot; the next non-stale event must bridge it. */
        AWAITING_BRIDGE,
        /** The book is current to {@link #lastUpdateId()}. */
        IN_SYNC
    }

    /** What {@link #accept} did with an event. */
    public enum Outcome {
        /** Applied to the book; the book changed. */
        APPLIED,
        /** Kept until a snapshot arrives; the book did not change. */
        BUFFERED,
        /** Older than the book (stale or a duplicate); ignored. */
        DROPPED,
        /** A gap: the book was cleared and a new snapshot is needed (see {@link #onSnapshot}). */
        GAP
    }

    private final SequenceRule rule;
    private final OrderBook book;
    private final int maxBuffered;
    private final ArrayDeque<DepthUpdate> buffer = new ArrayDeque<>();
    private State state = State.AWAITING_SNAPSHOT;
    private long lastUpdateId = -1;
    private long gaps;
    private long discarded;

    /**
     * A sequencer that starts waiting for a snapshot.
     *
     * @param rule        the venue's id rules, not null
     * @param book        the book it keeps (it is cleared now), not null
     * @param maxBuffered events kept while waiting for a snapshot, at least 1 (Binance spot sends 10 a second on
     *                    {@code @depth@100ms}; futures {@code @depth@0ms} can send hundreds)
     * @throws IllegalArgumentException if {@code maxBuffered < 1}
     */
    public DepthSequencer(SequenceRule rule, OrderBook book, int maxBuffered) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.book = Objects.requireNonNull(book, "book");
        if (maxBuffered < 1) {
            throw new IllegalArgumentException("maxBuffered must be >= 1, got " + maxBuffered);
        }
        this.maxBuffered = maxBuffered;
        book.clear();
    }

    /**
     * Takes the next event from the stream.
     *
     * @param update the event, not null; it is copied if buffered, so the caller may reuse it afterwards
     * @return what was done with it; on {@link Outcome#GAP} the caller must fetch a new snapshot
     */
    public Outcome accept(DepthUpdate update) {
        switch (state) {
            case AWAITING_SNAPSHOT:
                buffer(update.copy());
                return Outcome.BUFFERED;
            case AWAITING_BRIDGE:
                if (rule.stale(update, lastUpdateId)) {
                    return Outcome.DROPPED;
                }
                if (!rule.bridges(update, lastUpdateId)) {
                    return gap(update.copy());
                }
                break;
            default:
                if (update.finalUpdateId() <= lastUpdateId) {
                    return Outcome.DROPPED;
                }
                if (!rule.continues(update, lastUpdateId)) {
                    return gap(update.copy());
                }
                break;
        }
        book.apply(update);
        lastUpdateId = update.finalUpdateId();
        state = State.IN_SYNC;
        return Outcome.APPLIED;
    }

    /**
     * Sets the book to a snapshot and replays the buffered events on it. May be called in any state (a newer
     * snapshot simply restarts the procedure from it).
     *
     * @param snapshot the REST snapshot, not null
     * @return {@link State#IN_SYNC} if a buffered event bridged it, {@link State#AWAITING_BRIDGE} if the bridging
     *         event has not arrived yet, or {@link State#AWAITING_SNAPSHOT} if the events do not chain to it (the
     *         snapshot is older than the stream, or the buffered events have a gap): fetch another
     * @throws IllegalArgumentException if a level of the snapshot is out of range (the book is then empty and the
     *         state {@link State#AWAITING_SNAPSHOT})
     */
    public State onSnapshot(DepthSnapshot snapshot) {
        try {
            book.load(snapshot);
        } catch (IllegalArgumentException e) {
            state = State.AWAITING_SNAPSHOT;
            throw e;
        }
        lastUpdateId = snapshot.lastUpdateId();
        state = State.AWAITING_BRIDGE;
        List<DepthUpdate> pending = new ArrayList<>(buffer);
        buffer.clear();
        for (int i = 0; i < pending.size(); i++) {
            if (accept(pending.get(i)) == Outcome.GAP) {
                for (int j = i + 1; j < pending.size(); j++) {
                    buffer(pending.get(j));
                }
                break;
            }
        }
        return state;
    }

    /** Forgets the book and the buffer and waits for a new snapshot (e.g. after a reconnect). */
    public void reset() {
        book.clear();
        buffer.clear();
        state = State.AWAITING_SNAPSHOT;
        lastUpdateId = -1;
    }

    private Outcome gap(DepthUpdate revealing) {
        gaps++;
        book.clear();
        buffer.clear();
        state = State.AWAITING_SNAPSHOT;
        lastUpdateId = -1;
        buffer(revealing);
        return Outcome.GAP;
    }

    private void buffer(DepthUpdate copy) {
        if (buffer.size() == maxBuffered) {
            buffer.removeFirst();
            discarded++;
        }
        buffer.addLast(copy);
    }

    /**
     * Where the procedure stands.
     *
     * @return the state
     */
    public State state() {
        return state;
    }

    /**
     * The update id the book is current to: the last applied event's {@code u}, or the snapshot's
     * {@code lastUpdateId} while awaiting the bridging event.
     *
     * @return the id, or -1 while awaiting a snapshot
     */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /**
     * Events buffered while awaiting a snapshot.
     *
     * @return the count
     */
    public int buffered() {
        return buffer.size();
    }

    /**
     * Gaps seen since construction (each one a resync).
     *
     * @return the count
     */
    public long gaps() {
        return gaps;
    }

    /**
     * Buffered events discarded because the buffer was full.
     *
     * @return the count
     */
    public long discarded() {
        return discarded;
    }

    /**
     * The book this sequencer keeps.
     *
     * @return the book (owned by the sequencer's thread)
     */
    public OrderBook book() {
        return book;
    }

    /**
     * The id rules in use.
     *
     * @return the rule
     */
    public SequenceRule rule() {
        return rule;
    }
}
