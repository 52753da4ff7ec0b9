package io.quantplug.web;

import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.auth.LoginGuard;
import io.quantplug.web.auth.LoginThrottle;
import io.quantplug.web.auth.Sessions;
import io.quantplug.web.session.BacktestJobs;
import io.quantplug.web.session.DataSets;
import io.quantplug.web.session.KillSwitch;
import io.quantplug.web.session.PaperInstances;
import io.quantplug.web.session.RunPlanner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What the endpoints work with, built once by {@link WebServer}. Every part is thread-safe.
 *
 * @param store        the database
 * @param plugins      the plugin host
 * @param uploads      where uploaded jars are staged before the host loads them
 * @param sessions     signed-in sessions
 * @param throttle     the login throttle (per user and address)
 * @param loginGuard   the sign-in limits applied before any password is hashed
 * @param clients      resolves a request's client address and scheme through trusted proxies
 * @param hub          the event stream
 * @param metrics      the meters
 * @param dataSets     uploaded bar files
 * @param planner      checks run requests
 * @param backtests    backtest jobs
 * @param instances    paper instances
 * @param killSwitch   the global kill switch
 * @param clock        the time source
 * @param maxJarBytes  the largest plugin jar accepted
 * @param version      the server's version
 */
public record Services(Store store, PluginHost plugins, Path uploads, Sessions sessions, LoginThrottle throttle,
                       LoginGuard loginGuard, ClientAddress clients, EventHub hub, ServerMetrics metrics, DataSets dataSets, RunPlanner planner,
                       BacktestJobs backtests, PaperInstances instances, KillSwitch killSwitch, Clock clock,
                       long maxJarBytes, String version) {

    /**
     * The extensions available now: the plugins' plus the server's own kill-switch rule.
     *
     * @return a snapshot
     */
    public ExtensionCatalog catalog() {
        return plugins.catalog().with(ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.RISK_RULE, killSwitch, null))));
    }
}
