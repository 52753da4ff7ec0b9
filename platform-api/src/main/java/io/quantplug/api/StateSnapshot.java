package io.quantplug.api;

import java.util.Map;
import java.util.Objects;

/**
 * The state of one extension instance (a strategy, a risk rule, a signal enhancer or a position sizer), handed from
 * the old version of its plugin to the new one when the plugin is swapped under a running session (see
 * {@link io.quantplug.api.strategy.Strategy#snapshot()} and {@link io.quantplug.api.strategy.Strategy#restore}, and
 * the same pair on {@link io.quantplug.api.risk.RiskRule} and {@link io.quantplug.api.enhancement.Enhancement}).
 *
 * <p>Only JDK types on purpose: a snapshot that held objects of the old version's classes would keep the old
 * version's class loader, and its jar, alive after the swap. Numbers go in as text ({@link Double#toString} and
 * {@link java.math.BigDecimal#toPlainString} round-trip exactly).
 *
 * @param format an identifier of the layout the strategy chose, e.g. {@code "sma-crossover/1"}; the new version
 *               compares it with the layouts it can read and declines the snapshot when it cannot
 * @param values the state, text by name; copied, no null keys or values
 */
public record StateSnapshot(String format, Map<String, String> values) {

    /**
     * Checks and copies.
     *
     * @param format an identifier of the layout, e.g. {@code "sma-crossover/1"}
     * @param values the state, text by name
     * @throws NullPointerException when the format, the map, a key or a value is null
     */
    public StateSnapshot {
        Objects.requireNonNull(format, "format");
        values = Map.copyOf(values);
    }
}
