package io.quantplug.web.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.quantplug.runtime.session.ExtensionBuild;

/** What the API shows of strategy instances ({@link PaperInstances}). */
public final class InstanceViews {

    private InstanceViews() {
    }

    /** An instance's state. */
    public enum Status {
        /** Created, never started. */
        CREATED,
        /** Replaying. */
        RUNNING,
        /** Stopped by a user before the end. */
        STOPPED,
        /** Replayed every bar. */
        COMPLETED,
        /** Ended with an error. */
        FAILED
    }

    /**
     * What the API shows of an instance.
     *
     * @param id             the instance id
     * @param owner          who created it
     * @param strategy       the strategy id
     * @param parameters     its parameters as given
     * @param instrument     the instrument
     * @param source         where the bars come from
     * @param speed          bars per second
     * @param status         the state
     * @param barsDone       bars replayed in the current (or last) run
     * @param barsTotal      bars to replay, or -1 for an exchange's live bars (no end)
     * @param runId          the current (or last) stored run, or null
     * @param position       the position in base units after the last fill
     * @param pnl            realised + unrealised P&amp;L at the last replayed close, quote asset
     * @param lastPrice      the last replayed close, or null
     * @param orders         orders in the current run
     * @param fills          fills in the current run
     * @param riskRejections risk rejections in the current run
     * @param riskRules      the risk rules, in the order they check
     * @param error          why it failed, or null
     * @param created        when it was created
     * @param pluginId       the plugin the strategy comes from, or null before the first start
     * @param pluginVersion  the build of that plugin the strategy runs on now, or null before the first start
     * @param extensions     every extension of the run (strategy, enhancers, sizer, risk rules) with the plugin
     *                       build it runs on now (plugin null for the server's own kill switch)
     * @param swaps          the hot swaps of the current run, oldest first (at most {@value PaperInstances#MAX_SWAPS})
     * @param pluginProblem  why a new build of one of its plugins was not taken (the old build keeps running), or
     *                       null
     * @param workingOrders  the orders working at the simulated venue now, oldest first
     * @param connection     for an instance on an exchange's live bars, the exchange connection's state and what
     *                       the adapter said last; null for a replay
     * @param mode           {@code PAPER} (simulated fills) or {@code LIVE} (orders on the exchange)
     * @param flattenOnStop  for a live instance, whether a stop or the kill switch closes its position; else null
     * @param reconciliation for a live instance, what the start-up reconciliation of its current (or last) run
     *                       found, each as {@code kind: detail}; else null
     */
    public record View(long id, String owner, String strategy, Map<String, String> parameters, String instrument,
                       String source, double speed, Status status, long barsDone, long barsTotal, Long runId,
                       BigDecimal position, BigDecimal pnl, Double lastPrice, long orders, long fills,
                       long riskRejections, List<String> riskRules, String error, Instant created, String pluginId,
                       String pluginVersion, List<ExtensionBuild> extensions, List<SwapView> swaps,
                       String pluginProblem, List<WorkingOrderView> workingOrders, String connection, String mode,
                       Boolean flattenOnStop, List<String> reconciliation) {
    }

    /**
     * One hot swap of an instance's extension, as the API shows it.
     *
     * @param time        when it was made
     * @param extension   the extension id
     * @param instanceId  the strategy instance id (or the rule's or enhancement's id)
     * @param outcome     {@code RESTORED}, {@code STARTED_FRESH}, {@code FAILED} or {@code NOT_APPLIED}
     * @param barsBefore  bars the old build saw; the new one sees the rest (-1 when not applied)
     * @param fromVersion the build it ran on
     * @param toVersion   the build it moved to, or null when the plugin was unloaded or disabled
     * @param message     why it failed or was not applied, or null
     */
    public record SwapView(Instant time, String extension, String instanceId, String outcome, long barsBefore,
                           String fromVersion, String toVersion, String message) {
    }

}
