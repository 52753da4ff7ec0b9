package io.quantplug.runtime.session;

/**
 * How the signals of several strategy instances trading one instrument from one account become one decision. Under
 * every policy but {@link #NONE}, the signals of a bar are collected until every instance has seen the bar and then
 * decided once; a LONG and a SHORT on the same bar always mean no trade. An instance that emits no signal on a bar
 * abstains, and counts as not agreeing. "The group" is every instance of the session that is not stopped.
 */
public enum AggregationPolicy {
    /** No aggregation: each instance's signals go through the pipeline on their own, as orders of its own. */
    NONE,
    /** Trade a direction when every instance of the group signals it on the bar. */
    UNANIMOUS,
    /** Trade a direction when more than half of the group's instances signal it on the bar and none the opposite. */
    MAJORITY,
    /**
     * Trade a direction when {@code sum(w_i * s_i over the instances signalling it) / sum(w_i over the group)} reaches
     * the threshold, {@code w_i} the instance's weight and {@code s_i} its signal's strength; when two directions
     * reach it, no trade.
     */
    WEIGHTED
}
