package io.quantplug.testkit;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link BarHistory} the test fills with bars, for unit tests of a strategy, sizer or enhancer: bars are added
 * oldest first, as they complete, and read newest first, as the engine's window serves them. When more bars are
 * added than the capacity, the oldest are dropped, as in the engine's window.
 *
 * <pre>{@code
 * FakeBarHistory history = new FakeBarHistory(List.of(bar0, bar1, bar2));   // history.get(0) == bar2
 * }</pre>
 *
 * <p>Mutable on purpose and not thread-safe; test use only.
 */
public final class FakeBarHistory implements BarHistory {

    /** The capacity when none is given: the 1,000 bars the runtime's backtester keeps for its strategies. */
    public static final int DEFAULT_CAPACITY = 1_000;

    private final int capacity;
    private final List<Bar> oldestFirst = new ArrayList<>();

    /**
     * An empty history.
     *
     * @param capacity the most bars it keeps, &ge; 0
     * @throws IllegalArgumentException when the capacity is negative
     */
    public FakeBarHistory(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * A history of {@link #DEFAULT_CAPACITY} holding bars given oldest first.
     *
     * @param oldestFirst the bars, oldest first
     */
    public FakeBarHistory(List<Bar> oldestFirst) {
        this(oldestFirst, DEFAULT_CAPACITY);
    }

    /**
     * A history holding bars given oldest first; beyond the capacity only the newest are kept.
     *
     * @param oldestFirst the bars, oldest first
     * @param capacity    the most bars it keeps, &ge; 0
     * @throws IllegalArgumentException when the capacity is negative
     */
    public FakeBarHistory(List<Bar> oldestFirst, int capacity) {
        this(capacity);
        oldestFirst.forEach(this::add);
    }

    /**
     * Adds the newest completed bar, dropping the oldest when the history is full.
     *
     * @param bar the bar; not null
     * @return this history
     */
    public FakeBarHistory add(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        if (capacity == 0) {
            return this;
        }
        if (oldestFirst.size() == capacity) {
            oldestFirst.remove(0);
        }
        oldestFirst.add(bar);
        return this;
    }

    /** {@inheritDoc} */
    @Override
    public int size() {
        return oldestFirst.size();
    }

    /** {@inheritDoc} */
    @Override
    public int capacity() {
        return capacity;
    }

    /** {@inheritDoc} */
    @Override
    public Bar get(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= oldestFirst.size()) {
            throw new IndexOutOfBoundsException("barsAgo " + barsAgo + " outside 0.." + (oldestFirst.size() - 1));
        }
        return oldestFirst.get(oldestFirst.size() - 1 - barsAgo);
    }

    /**
     * The bars, oldest first, a copy.
     *
     * @return the bars held
     */
    public List<Bar> oldestFirst() {
        return List.copyOf(oldestFirst);
    }
}
