package io.quantplug.web.session;

import io.quantplug.app.LiveSession;
import io.quantplug.app.ReconciliationDifference;
import io.quantplug.app.SessionRecording;
import io.quantplug.app.TradeLedger;
import io.quantplug.app.alerts.SessionAlerts;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.LiveTradeMarks;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import io.quantplug.runtime.store.StoreUnavailableException;
import io.quantplug.web.EventHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One run of a console {@code LIVE} instance, on the path {@code quantplug live} takes ({@link LiveSession}): the
 * adapter opened with the server's environment (API keys never come from a request), the run stored with mode
 * {@code LIVE} and each order journaled before it is sent ({@link SessionRecording}), the account reconciled at the
 * start (each difference audited as {@code live.reconciliation}, streamed as a {@code reconciliation} event and sent
 * as an alert), then the engine run on the calling thread until it is stopped: the end cancels working orders on the
 * exchange and closes the position when the instance flattens on stop.
 *
 * <p>Threading: {@link #run} on the instance's own thread; the callbacks are called on it.
 */
final class LiveInstanceRun {

    private static final Logger LOG = LoggerFactory.getLogger(LiveInstanceRun.class);

    private final Store store;
    private final EventHub hub;
    private final SessionAlerts alerts;

    /**
     * Creates the runner.
     *
     * @param store  where runs, orders and the audit go
     * @param hub    where events go
     * @param alerts the server's alerts
     */
    LiveInstanceRun(Store store, EventHub hub, SessionAlerts alerts) {
        this.store = store;
        this.hub = hub;
        this.alerts = alerts;
    }

    /**
     * Opens, reconciles, runs and stores one live run.
     *
     * @param name     the instance as events and alerts name it, e.g. {@code instance/3}
     * @param plan     the checked plan, on an exchange in live mode
     * @param engine   the engine (following the plugin host)
     * @param catalog  the extensions
     * @param by       who started it
     * @param listener the instance's listener (after the store's journal and the alerts)
     * @param opened   told the session once it is open and reconciled, before it runs
     * @param started  told the run id once the run is stored as {@code RUNNING}
     * @param found    told the reconciliation's differences
     * @param progress told of progress
     * @return the result
     * @throws io.quantplug.app.UserInputException   when the adapter cannot trade or refuses a parameter
     * @throws java.io.UncheckedIOException          when the exchange fails
     * @throws StoreUnavailableException             when the run's records were not all written
     */
    BacktestResult run(String name, RunPlanner.Plan plan, Backtester engine, ExtensionCatalog catalog, String by,
                       SessionListener listener, Consumer<LiveSession> opened, LongConsumer started,
                       Consumer<List<String>> found, BacktestProgress progress) {
        RunPlanner.ExchangePlan x = plan.exchange();
        String instrument = plan.config().instrument().id().toString();
        SessionRecording recording = new SessionRecording(store, by);
        LiveSession session;
        try {
            session = LiveSession.open(catalog, engine, x.id(), x.parameters(), x.symbol(), plan.timeframe(),
                    i -> plan.config(), new LiveSession.Settings(x.warmUpBars(), Long.MAX_VALUE, x.flattenOnStop(),
                            x.allowNoRiskRules()),
                    config -> recording.start(RunStore.Mode.LIVE, config, plan.timeframe(),
                            alerts.listener(name, instrument, listener)),
                    recording::barrier, notice -> notice(name, notice), i -> TradeLedger.of(
                            new LiveTradeMarks(store.database()), i.id().toString(), recording::runId));
        } catch (RuntimeException e) {
            recording.fail(e);
            throw e;
        }
        try (session) {
            started.accept(recording.runId());
            found.accept(session.differences().stream().map(ReconciliationDifference::line).toList());
            for (ReconciliationDifference d : session.differences()) {
                store.audit().append(by, "live.reconciliation", name + " run " + recording.runId(), d.line());
                hub.publish("reconciliation", Map.of("run", name, "runId", recording.runId(), "kind", d.kind(),
                        "detail", d.detail()));
                alerts.reconciliation(name, instrument, d.kind(), d.detail());
            }
            opened.accept(session);
            BacktestResult result;
            try {
                result = session.run().run(progress);
            } catch (RuntimeException e) {
                recording.fail(e);
                throw e;
            }
            String problem = recording.finish(ResultDocument.of(result), result.stoppedBy());
            if (problem != null) {
                throw new StoreUnavailableException(problem, null);
            }
            return result;
        }
    }

    /** What a person should know of the session (a failed cancel, a fee not booked): logged and streamed. */
    private void notice(String name, String notice) {
        LOG.warn("{}: {}", name, notice);
        hub.publish("notice", Map.of("run", name, "message", notice));
    }
}
