package io.quantplug.runtime.internal.engine;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;
import io.quantplug.runtime.session.SignalVote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The strategy instances of a session that trade as one under an {@link AggregationPolicy}: their signals are votes,
 * the group's decision is the only signal that reaches the sizer and the risk rules, and the resulting orders and
 * position are the group's (owner id {@link #ID}).
 *
 * <p>A member's signal goes through the signal enhancers at once (a filtered signal is no vote) and is reported to
 * the listeners with outcome {@code VOTE: ...}; the last one per member counts. Once every member has seen the bar,
 * the session calls {@link #decide()}: the votes since the previous decision are counted by {@link SignalVoting}
 * over the members not stopped by the fault policy (an abstention counts as not agreeing), and the decision, its
 * votes and its outcome go to {@code onSignalDecision}. A decided direction becomes one signal, of the agreeing
 * votes' weighted mean strength and confidence, which the pipeline turns into orders as it would a single strategy's.
 * Signals emitted outside {@code onBar} (timers, order events) count for the next decision; votes still waiting when
 * the data ends are dropped, like an order decided on the last close.
 *
 * <p>Orders a member submits directly are its own, not the group's, and are not voted on. The group's order events
 * go to every member not stopped. Engine thread only.
 */
final class SignalGroup implements OrderOwner {

    /** The owner id of the group's orders and round trips, and the prefix of its client order ids. */
    static final String ID = "group";

    private final SignalPipeline pipeline;
    private final OrderRouter router;
    private final SessionListener listener;
    private final EngineView view;
    private final AggregationPolicy policy;
    private final List<StrategyRunner> members;
    private final double[] weights;
    private final double threshold;
    private final Signal[] votes;
    private boolean anyVote;
    private long orderSequence;

    SignalGroup(AggregationPolicy policy, List<StrategyRunner> members, double[] weights, double threshold,
                SignalPipeline pipeline, OrderRouter router, SessionListener listener, EngineView view) {
        this.pipeline = pipeline;
        this.router = router;
        this.listener = listener;
        this.view = view;
        this.policy = policy;
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        this.threshold = threshold;
        this.votes = new Signal[members.size()];
    }

    /** A member's signal: through the enhancers, then kept as its vote for the next decision. */
    void collect(StrategyRunner member, Signal signal) {
        SignalPipeline.Enhanced e = pipeline.enhance(signal);
        long now = view.clock().millis();
        if (e.signal() == null) {
            listener.onSignal(now, member.instanceId(), signal, e.outcome());
            return;
        }
        votes[members.indexOf(member)] = e.signal();
        anyVote = true;
        listener.onSignal(now, member.instanceId(), signal, "VOTE: decided by the group (" + policy
                + ") once every instance has seen the bar");
    }

    /** Counts the votes since the last decision, reports the decision and sends the group's orders. */
    void decide() {
        if (!anyVote) {
            return;
        }
        anyVote = false;
        List<SignalVote> ballot = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            StrategyRunner m = members.get(i);
            Signal s = votes[i];
            votes[i] = null;
            if (m.isStopped()) {
                continue;
            }
            double w = weights[i];
            ballot.add(s == null ? SignalVote.abstained(m.instanceId(), w)
                    : new SignalVote(m.instanceId(), s.direction(), s.strength(), s.confidence(), w, s.reason()));
        }
        if (ballot.isEmpty()) {
            return;
        }
        SignalVoting.Verdict v = SignalVoting.decide(policy, ballot, threshold);
        long now = view.clock().millis();
        if (v.direction() == null) {
            listener.onSignalDecision(new SignalDecision(now, ID, policy, ballot, null, v.score(),
                    v.threshold(), v.summary()));
            return;
        }
        SignalPipeline.Plan plan = pipeline.order(this, combined(v.direction(), ballot, now));
        listener.onSignalDecision(new SignalDecision(now, ID, policy, ballot, v.direction(), v.score(),
                v.threshold(), v.summary() + "; " + plan.outcome()));
        for (SignalPipeline.Planned p : plan.orders()) {
            router.send(this, p.order(), OrderOrigin.SIGNAL, p.engineRejection());
        }
    }

    /**
     * The group's signal: the decided direction, with {@code sum(w_i * x_i) / sum(w_i)} over the agreeing votes as
     * its strength ({@code x = s}) and confidence ({@code x = c}), and their instance ids as its reason.
     */
    private Signal combined(SignalDirection direction, List<SignalVote> ballot, long now) {
        double w = 0;
        double ws = 0;
        double wc = 0;
        StringBuilder who = new StringBuilder();
        for (SignalVote v : ballot) {
            if (v.direction() == direction) {
                w += v.weight();
                ws += v.weight() * v.strength();
                wc += v.weight() * v.confidence();
                who.append(who.length() == 0 ? "" : ", ").append(v.instance());
            }
        }
        return new Signal(view.instrument().id(), direction, Math.min(1, ws / w), Math.min(1, wc / w), now,
                policy + " decision of " + ballot.size() + " instance(s): " + who, Map.of());
    }

    /** Whether an instance votes in this group. */
    boolean has(StrategyRunner runner) {
        return members.contains(runner);
    }

    @Override
    public String ownerId() {
        return ID;
    }

    @Override
    public String strategyId() {
        return ID;
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return view.orderIds().of(ID + "-" + (++orderSequence));
    }

    @Override
    public void orderEvent(OrderEvent event) {
        for (int i = 0, n = members.size(); i < n; i++) {
            members.get(i).orderEvent(event);
        }
    }
}
