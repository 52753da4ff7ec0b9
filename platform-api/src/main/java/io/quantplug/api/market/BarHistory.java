package io.quantplug.api.market;

/**
 * A read-only window of the most recent completed bars of one instrument, newest first. Owned by the engine
 * thread; read it only from a strategy callback.
 */
public interface BarHistory {

    /**
     * How many bars the window holds now (at most {@link #capacity()}).
     *
     * @return the number of bars available
     */
    int size();

    /**
     * The most bars the window keeps.
     *
     * @return the capacity
     */
    int capacity();

    /**
     * A bar by age.
     *
     * @param barsAgo 0 for the latest completed bar, 1 for the one before, up to {@code size() - 1}
     * @return the bar
     * @throws IndexOutOfBoundsException when {@code barsAgo} is negative or not below {@link #size()}
     */
    Bar get(int barsAgo);
}
