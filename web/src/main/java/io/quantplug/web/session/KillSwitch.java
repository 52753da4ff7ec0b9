package io.quantplug.web.session;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import java.time.Instant;

/**
 * The global kill switch: while engaged, every new order of every instance the server runs is rejected with code
 * {@code KILL_SWITCH} (paper instances keep running and see the rejections; their working orders stay). It is a risk
 * rule ({@value #ID}) the server adds to each instance, so its rejections are journaled and streamed like any rule's.
 * Engaging it also stops every running live instance ({@link PaperInstances#stopLive}), which cancels its working
 * orders on the exchange and closes its position when it flattens on stop. Backtests are simulations of the past
 * and are not affected. Thread-safe.
 */
public final class KillSwitch implements RiskRuleProvider {

    /** The risk rule's extension id. */
    public static final String ID = "kill-switch";

    /**
     * The switch's state.
     *
     * @param engaged whether new orders are stopped
     * @param since   when it last changed, or null if never
     * @param by      who changed it, or null
     * @param reason  why, or null
     */
    public record State(boolean engaged, Instant since, String by, String reason) {
    }

    private volatile State state = new State(false, null, null, null);

    /**
     * Engages or releases the switch.
     *
     * @param engaged the new state
     * @param by      who
     * @param reason  why
     * @param now     the time
     * @return the new state
     */
    public State set(boolean engaged, String by, String reason, Instant now) {
        state = new State(engaged, now, by, reason);
        return state;
    }

    /**
     * The current state.
     *
     * @return the state
     */
    public State state() {
        return state;
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor(ID, "Kill switch", "Rejects every new order while the server's global kill"
                + " switch is engaged.", ParameterSchema.empty());
    }

    @Override
    public RiskRule create(Parameters parameters) {
        return (OrderIntent intent, RiskContext context) -> {
            State s = state;
            return s.engaged() ? RiskDecision.reject("KILL_SWITCH", "kill switch engaged by " + s.by() + " at "
                    + s.since() + (s.reason() == null || s.reason().isBlank() ? "" : ": " + s.reason()))
                    : RiskDecision.approve();
        };
    }
}
