package io.quantplug.runtime.session;

/**
 * What a session's fault policy did when a plugin callback threw (or, for a strategy, ran over its time budget): the
 * {@code action} of a {@link PluginFault}. Results, the store and {@code result.json} show it by its name, e.g.
 * {@code "STOPPED_INSTANCE"}.
 *
 * <p>Which action a callback gets is fixed by its kind: a strategy's callbacks stop (or suspend) that instance and
 * every other instance carries on; a risk rule's {@code check} rejects the order (fail closed); an enhancer's or
 * sizer's failure drops the signal; a rule's or enhancer's {@code onBar}/{@code onFill} is ignored; during a hot swap
 * a failed {@code snapshot} starts the successor fresh and a successor that cannot be created or restored is replaced
 * by a fail-closed stand-in.
 */
public enum FaultAction {

    /** The failure was ignored and the session carried on (a rule's or enhancer's {@code onBar}, {@code onFill}). */
    CONTINUED,
    /** The strategy instance gets no further callbacks; its working orders are canceled, its position kept. */
    STOPPED_INSTANCE,
    /** As {@link #STOPPED_INSTANCE}, because a callback ran over the session's time budget. */
    SUSPENDED_INSTANCE,
    /** The order being checked was rejected with code {@code RISK_RULE_ERROR} (a risk rule fails closed). */
    REJECTED_ORDER,
    /** The signal being enhanced or sized was dropped: no order came of it. */
    DROPPED_SIGNAL,
    /** A hot swap went on without the old instance's snapshot: the successor started fresh. */
    STARTED_FRESH,
    /**
     * A hot swap's successor could not be created or restored: a stand-in that rejects every order (a rule), lets
     * only exits through (an enhancer) or sizes every entry to zero (a sizer) took its place.
     */
    FAIL_CLOSED
}
