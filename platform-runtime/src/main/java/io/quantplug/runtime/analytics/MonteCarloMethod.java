package io.quantplug.runtime.analytics;

/** How a {@link MonteCarloSimulation} resamples a run's returns into new paths. */
public enum MonteCarloMethod {

    /**
     * The i.i.d. bootstrap of the run's round trips (Efron, "Bootstrap Methods: Another Look at the Jackknife",
     * <i>Annals of Statistics</i> 7(1), 1979): each path draws as many trade returns as the run had, with
     * replacement, and compounds them. Order and clustering of trades are lost: it asks how much of the result is
     * the luck of their sequence.
     */
    TRADES,

    /**
     * The stationary block bootstrap of the run's bar returns (Politis and Romano, "The Stationary Bootstrap",
     * <i>Journal of the American Statistical Association</i> 89(428), 1994): blocks of consecutive bars, of random
     * geometric length with a chosen mean, start at uniformly random bars and wrap around the end. It keeps the
     * short-range dependence (volatility clusters, runs) that the trade bootstrap loses.
     */
    BLOCKS
}
