package io.quantplug.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.quantplug.runtime.plugin.PluginDirectoryWatcher;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.auth.AdminBootstrap;
import io.quantplug.web.auth.Authenticator;
import io.quantplug.web.auth.LoginGuard;
import io.quantplug.web.auth.LoginThrottle;
import io.quantplug.web.auth.Sessions;
import io.quantplug.web.routes.AdminRoutes;
import io.quantplug.web.routes.AuthRoutes;
import io.quantplug.web.routes.DataRoutes;
import io.quantplug.web.routes.PluginRoutes;
import io.quantplug.web.routes.RunRoutes;
import io.quantplug.web.routes.SystemRoutes;
import io.quantplug.web.session.BacktestJobs;
import io.quantplug.web.session.DataSets;
import io.quantplug.app.alerts.SessionAlerts;
import io.quantplug.web.session.KillSwitch;
import io.quantplug.web.session.PaperInstances;
import io.quantplug.web.session.RunPlanner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quantplug server ({@code quantplug serve}): the JSON API, the event stream, health and metrics, and the
 * console's pages, on one Javalin 7 (Jetty 12) server. It owns the plugin host (with a watcher on the plugins
 * folder), the backtest jobs and the paper instances; it uses the store it is given and does not close it.
 *
 * <pre>{@code
 * try (Store store = Store.open(settings);
 *      WebServer server = WebServer.start(WebServer.Settings.of(store, home, pluginsDir).port(0))) {
 *     int port = server.port();
 * }
 * }</pre>
 *
 * <p>Thread-safe; requests run on Jetty's threads, backtests on one worker thread, each paper instance on its own.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Largest JSON request body, bytes (uploads are multipart, with limits of their own). */
    private static final long MAX_BODY_BYTES = 1L << 20;
    /** Request attribute set when a handler answered with its own error (so the 404 page leaves it alone). */
    private static final String ANSWERED = "quantplug.answered";
    /** The audit actor of changes made through the plugins folder. */
    public static final String FOLDER_ACTOR = "plugins-folder";
    /** Default largest plugin jar: 50 MiB. */
    public static final long DEFAULT_MAX_JAR_BYTES = 50L << 20;

    /**
     * How to start.
     *
     * @param store          the database (not closed by the server)
     * @param home           the Quantplug home: uploads and data sets live under it; made private to its owner
     *                       (folders 0700, files 0600) on start
     * @param pluginsDir     the plugins folder
     * @param host           the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port           the port, 0 for any free one
     * @param clock          the time source (sessions, throttle, audit times of jobs)
     * @param env            the environment ({@value AdminBootstrap#PASSWORD_ENV})
     * @param console        where a generated admin password is printed
     * @param maxJarBytes    the largest plugin jar accepted
     * @param settle         how long a jar in the plugins folder must be unchanged before it is loaded
     * @param version        the version reported by {@code /health} and the OpenAPI document
     * @param limits         how much work the server takes on
     * @param trustedProxies reverse proxies whose {@code X-Forwarded-For}/{@code -Proto} are believed (addresses or
     *                       CIDR blocks), empty for none
     */
    public record Settings(Store store, Path home, Path pluginsDir, String host, int port, Clock clock,
                           Map<String, String> env, PrintStream console, long maxJarBytes, Duration settle,
                           String version, ServerLimits limits, List<String> trustedProxies) {

        /**
         * Copies the proxy list.
         *
         * @param store          the database
         * @param home           the home folder
         * @param pluginsDir     the plugins folder
         * @param host           the address to bind
         * @param port           the port
         * @param clock          the time source
         * @param env            the environment
         * @param console        where a generated admin password is printed
         * @param maxJarBytes    the largest plugin jar
         * @param settle         the plugins folder's settle time
         * @param version        the version
         * @param limits         the limits
         * @param trustedProxies the trusted proxies
         */
        public Settings {
            Objects.requireNonNull(limits, "limits");
            trustedProxies = List.copyOf(trustedProxies);
        }

        /**
         * Defaults: loopback, port 7070, system clock and environment, stdout, 50 MiB jars, 300 ms settle, default
         * limits, no trusted proxy.
         *
         * @param store      the database
         * @param home       the home folder
         * @param pluginsDir the plugins folder
         * @return the settings
         */
        public static Settings of(Store store, Path home, Path pluginsDir) {
            return new Settings(store, home, pluginsDir, "127.0.0.1", 7070, Clock.systemUTC(), System.getenv(),
                    System.out, DEFAULT_MAX_JAR_BYTES, Duration.ofMillis(300), "development",
                    ServerLimits.defaults(), List.of());
        }

        /**
         * The same with another port.
         *
         * @param newPort the port, 0 for any free one
         * @return the settings
         */
        public Settings port(int newPort) {
            return new Settings(store, home, pluginsDir, host, newPort, clock, env, console, maxJarBytes, settle,
                    version, limits, trustedProxies);
        }

        /**
         * The same with another environment.
         *
         * @param newEnv the environment
         * @return the settings
         */
        public Settings env(Map<String, String> newEnv) {
            return new Settings(store, home, pluginsDir, host, port, clock, newEnv, console, maxJarBytes, settle,
                    version, limits, trustedProxies);
        }

        /**
         * The same with another clock.
         *
         * @param newClock the clock
         * @return the settings
         */
        public Settings clock(Clock newClock) {
            return new Settings(store, home, pluginsDir, host, port, newClock, env, console, maxJarBytes, settle,
                    version, limits, trustedProxies);
        }

        /**
         * The same with other limits.
         *
         * @param newLimits the limits
         * @return the settings
         */
        public Settings limits(ServerLimits newLimits) {
            return new Settings(store, home, pluginsDir, host, port, clock, env, console, maxJarBytes, settle,
                    version, newLimits, trustedProxies);
        }

        /**
         * The same with other trusted proxies.
         *
         * @param proxies addresses or CIDR blocks
         * @return the settings
         */
        public Settings trustedProxies(List<String> proxies) {
            return new Settings(store, home, pluginsDir, host, port, clock, env, console, maxJarBytes, settle,
                    version, limits, proxies);
        }
    }

    private final Javalin app;
    private final Services services;
    private final Api api;
    private final PluginDirectoryWatcher watcher;

    private WebServer(Javalin app, Services services, Api api, PluginDirectoryWatcher watcher) {
        this.app = app;
        this.services = services;
        this.api = api;
        this.watcher = watcher;
    }

    /**
     * Starts a server.
     *
     * @param settings how
     * @return the running server
     * @throws IllegalArgumentException when {@value AdminBootstrap#PASSWORD_ENV} is set to an unacceptable password, or
     *                                  a trusted proxy is not an address or CIDR block (nothing is changed then)
     * @throws UncheckedIOException     when the home folders cannot be created
     */
    public static WebServer start(Settings settings) {
        Objects.requireNonNull(settings.store(), "store");
        ClientAddress clients = new ClientAddress(settings.trustedProxies()); // bad input is refused before changes
        AdminBootstrap.ensureAdmin(settings.store(), settings.env(), settings.console());
        Path uploads = settings.home().resolve("uploads");
        try {
            Files.createDirectories(uploads);
            Files.createDirectories(settings.pluginsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + uploads + " or " + settings.pluginsDir(), e);
        }
        PluginRoutes.deleteStaleUploads(settings.pluginsDir());
        PluginHost host = PluginHost.open(settings.pluginsDir());
        settings.store().plugins().record(host.plugins(), host::sha256, "server");
        EventHub hub = new EventHub();
        BacktestJobs[] jobs = new BacktestJobs[1];
        PaperInstances[] instances = new PaperInstances[1];
        ServerMetrics metrics = new ServerMetrics(host, () -> (jobs[0] == null ? 0 : jobs[0].running())
                + (instances[0] == null ? 0 : instances[0].running()), hub::clientCount);
        ServerLimits limits = settings.limits();
        jobs[0] = new BacktestJobs(settings.store(), hub, metrics, settings.clock(), limits);
        instances[0] = new PaperInstances(settings.store(), hub, metrics, settings.clock(), limits, host,
                SessionAlerts.open(settings.home(), settings.env(), settings.clock()));
        DataSets dataSets = new DataSets(settings.home().resolve("datasets"), limits.datasetBytes());
        Sessions sessions = new Sessions(settings.clock());
        LoginGuard guard = new LoginGuard(settings.clock(), limits.signInsPerAddress(), limits.failedSignIns(),
                Runtime.getRuntime().availableProcessors());
        Services s = new Services(settings.store(), host, uploads, sessions, new LoginThrottle(settings.clock()),
                guard, clients, hub, metrics, dataSets, new RunPlanner(dataSets, settings.store()), jobs[0],
                instances[0], new KillSwitch(), settings.clock(), settings.maxJarBytes(), settings.version());
        host.addListener(change -> {
            if (change.after() != null) {
                hub.publish("plugin", Map.of("change", change.kind().name(), "id", change.after().id(),
                        "version", change.after().version(), "state", change.after().status().name()));
            }
        });

        Api api = new Api();
        AuthRoutes.declare(api, s);
        PluginRoutes.declare(api, s);
        RunRoutes.declare(api, s);
        DataRoutes.declare(api, s);
        AdminRoutes.declare(api, s);
        SystemRoutes.declare(api, s);
        Authenticator auth = new Authenticator(sessions);

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, false));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/console";
                sf.location = Location.CLASSPATH;
            });
            cfg.jetty.host = settings.host();
            long maxUpload = Math.max(limits.datasetBytes(), settings.maxJarBytes());
            cfg.jetty.multipartConfig.maxFileSize(maxUpload, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(maxUpload + (1 << 20), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.routes.before(ctx -> {
                if (ctx.header("X-HTTP-Method-Override") != null) {
                    throw new ApiException(400, "invalid_field", "X-HTTP-Method-Override", "method overrides are"
                            + " not accepted: send the request with its own method");
                }
                if (!ctx.isMultipart() && ctx.contentLength() > MAX_BODY_BYTES) {
                    // refused from its declared length, before a byte of it is read (and before a client that
                    // sent Expect: 100-continue sends it); Javalin's own check only trips while reading
                    throw new HttpResponseException(413, "body too large");
                }
            });
            api.install(cfg.routes, auth);
            cfg.routes.exception(ApiException.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, Boolean.TRUE);
                if (e.retryAfterSeconds() > 0) {
                    ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                }
                ctx.status(e.error().status()).json(e.error());
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                int status = e.getStatus();
                if (status == 404) {
                    ctx.status(404);
                    if (ctx.path().startsWith("/api/")) {
                        ctx.attribute(ANSWERED, Boolean.TRUE);
                        ctx.json(noEndpoint(ctx));
                    }
                    return;
                }
                ctx.attribute(ANSWERED, Boolean.TRUE);
                String code = status == 413 ? "payload_too_large" : status == 404 ? "not_found" : "bad_request";
                String message = status == 413 ? "the request body may have at most 1 MiB (uploads: multipart"
                        + " part 'file' within its own limit)" : Json.brief(String.valueOf(e.getMessage()));
                ctx.status(status).json(new ApiError(status, code, null, message));
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new ApiError(500, "internal", null, "internal error: "
                        + e.getClass().getSimpleName() + " (see the server log)"));
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.attribute(ANSWERED) == null) {
                    ctx.json(noEndpoint(ctx));
                }
            });
            cfg.routes.after(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:;"
                        + " style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self';"
                        + " form-action 'self'");
                if (clients.of(ctx).https()) {
                    ctx.header("Strict-Transport-Security", "max-age=31536000");
                }
                if (ctx.path().startsWith("/api/") && ctx.attribute(ANSWERED) == null) {
                    ctx.header("Cache-Control", "no-store");
                }
            });
        });
        app.start(settings.host(), settings.port());
        PluginDirectoryWatcher watcher = PluginDirectoryWatcher.start(host, settings.settle(),
                (file, before, after) -> folderChange(s, file, before, after));
        PrivateHome.restrict(settings.home());
        LOG.info("quantplug server on http://{}:{}/ with {} plugin(s)", settings.host(), app.port(),
                host.plugins().size());
        return new WebServer(app, s, api, watcher);
    }

    /** A change made through the plugins folder: audited like one made through the API, and recorded. */
    private static void folderChange(Services s, Path file, PluginInfo before, PluginInfo after) {
        PluginInfo what = after != null ? after : before;
        String action = after == null ? "plugin.folder_removed" : before == null ? "plugin.folder_added"
                : "plugin.folder_changed";
        s.store().audit().append(FOLDER_ACTOR, action, "plugin/" + what.id(), file.getFileName() + ": "
                + (before == null ? "" : before.version() + " ") + "-> " + (after == null ? "removed"
                : after.version() + " " + after.status().name().toLowerCase(java.util.Locale.ROOT)
                + (after.problem() == null ? "" : ": " + after.problem())));
        recordPlugins(s, FOLDER_ACTOR);
    }

    /**
     * Records the host's plugins in the store's {@code plugins} table after a change (a jar that vanished
     * meanwhile is logged, not fatal).
     *
     * @param s     the services
     * @param actor who made the change
     */
    public static void recordPlugins(Services s, String actor) {
        try {
            s.store().plugins().record(s.plugins().plugins(), s.plugins()::sha256, actor);
        } catch (RuntimeException e) {
            LOG.warn("cannot record the plugins after a change by {}: {}", actor, e.getMessage());
        }
    }

    private static ApiError noEndpoint(io.javalin.http.Context ctx) {
        return new ApiError(404, "not_found", null, "no endpoint " + ctx.method() + " " + Json.brief(ctx.path())
                + " (see /openapi.json)");
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return app.port();
    }

    /**
     * The endpoint table (for tests and docs).
     *
     * @return the endpoints
     */
    public List<Api.Endpoint> endpoints() {
        return api.endpoints();
    }

    /**
     * The services (for tests that need to reach inside, e.g. the plugin host).
     *
     * @return the services
     */
    public Services services() {
        return services;
    }

    /**
     * Stops the server: instances and jobs first, then the watcher, the event stream, Jetty and the host. The event
     * stream's clients are closed while Jetty still runs: closing one after Jetty stopped completes its request on a
     * recycled response, and Javalin 7.2.3 then loops on the error without end.
     */
    @Override
    public void close() {
        services.instances().close();
        services.backtests().close();
        watcher.close();
        services.hub().close();
        app.stop();
        services.plugins().close();
        services.metrics().close();
    }
}
