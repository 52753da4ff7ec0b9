package io.quantplug.runtime.session;

import io.quantplug.api.strategy.ExecutionReport;

import java.util.Objects;

/**
 * An execution algorithm's report, with the strategy instance that ran it.
 *
 * @param strategy the instance id
 * @param report   what the algorithm achieved
 */
public record Execution(String strategy, ExecutionReport report) {

    /**
     * Checks that neither part is null.
     *
     * @param strategy the instance id
     * @param report   the report
     */
    public Execution {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(report, "report");
    }
}
