package io.quantplug.runtime.internal.engine;

import java.util.PriorityQueue;

/**
 * The timers strategy instances scheduled, in time order (ties in the order scheduled), until the session fires
 * them. Engine thread only.
 */
final class SessionTimers {

    /** A timer: when, the tie-breaking sequence, whose, and its name. */
    record Scheduled(long timeMillis, long sequence, StrategyRunner runner, String name) {
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            (a, b) -> a.timeMillis != b.timeMillis ? Long.compare(a.timeMillis, b.timeMillis)
                    : Long.compare(a.sequence, b.sequence));
    private long sequence;
    /** The earliest timer's time, or {@code Long.MAX_VALUE} when none is scheduled: one comparison per bar. */
    private long firstDueMillis = Long.MAX_VALUE;

    /** Schedules an instance's timer. */
    void schedule(StrategyRunner runner, String name, long timeMillis) {
        queue.add(new Scheduled(timeMillis, ++sequence, runner, name));
        firstDueMillis = Math.min(firstDueMillis, timeMillis);
    }

    /**
     * Takes the next timer due by a time.
     *
     * @param upToMillis the time, UTC epoch milliseconds
     * @return the earliest timer due at or before it, or null when none is
     */
    Scheduled nextDue(long upToMillis) {
        if (firstDueMillis > upToMillis) {
            return null;
        }
        Scheduled due = queue.poll();
        Scheduled next = queue.peek();
        firstDueMillis = next == null ? Long.MAX_VALUE : next.timeMillis;
        return due;
    }
}
