package io.quantplug.runtime.internal.engine;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;

/** A ring buffer of the latest bars, newest first on read. Owned by the engine thread. */
final class BarWindow implements BarHistory {

    private final Bar[] bars;
    private int next;
    private int size;

    BarWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be >= 1, got " + capacity);
        }
        this.bars = new Bar[capacity];
    }

    void add(Bar bar) {
        bars[next] = bar;
        next = next + 1 == bars.length ? 0 : next + 1;
        if (size < bars.length) {
            size++;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int capacity() {
        return bars.length;
    }

    @Override
    public Bar get(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= size) {
            throw new IndexOutOfBoundsException("bars ago " + barsAgo + " outside 0.." + (size - 1));
        }
        int i = next - 1 - barsAgo;
        return bars[i < 0 ? i + bars.length : i];
    }
}
