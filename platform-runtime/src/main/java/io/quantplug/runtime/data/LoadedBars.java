package io.quantplug.runtime.data;

import java.util.Objects;

/**
 * The result of a successful import: the bars and what the import found.
 *
 * @param series the bars, oldest first; never null
 * @param report the import report; never null
 */
public record LoadedBars(BarSeries series, ImportReport report) {

    /**
     * Validates that both parts are present.
     *
     * @param series the bars, oldest first; never null
     * @param report the import report; never null
     * @throws NullPointerException when a part is null
     * 
     */
    public LoadedBars {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(report, "report");
    }
}
