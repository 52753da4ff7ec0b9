package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;
import io.quantplug.web.Api;
import io.quantplug.web.Services;
import io.quantplug.web.auth.Access;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /health}, {@code /metrics}, {@code /openapi.json}, {@code /api-docs} and the event stream. */
public final class SystemRoutes {

    private SystemRoutes() {
    }

    /**
     * Declares the endpoints. {@code /openapi.json} describes the table as it is when it is first asked for.
     *
     * @param api the table (its OpenAPI document is served from it)
     * @param s   the services
     */
    public static void declare(Api api, Services s) {
        api.add(HandlerType.GET, "/health", Access.PUBLIC, "system",
                "Database and plugin loader status; 503 when the database cannot be reached",
                ctx -> health(ctx, s));
        api.add(HandlerType.GET, "/metrics", Access.PUBLIC, "system",
                "Prometheus metrics: events, orders, fills, risk rejections, plugin states, JVM", ctx -> ctx
                        .contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape()));
        api.add(HandlerType.GET, "/openapi.json", Access.PUBLIC, "system", "This API's OpenAPI 3 document",
                ctx -> ctx.json(api.openApi(s.version())));
        api.add(HandlerType.GET, "/api-docs", Access.PUBLIC, "system", "The API described for people (a page)",
                ctx -> ctx.redirect("/api-docs.html"));
        api.add(HandlerType.GET, "/api/events", Access.VIEWER, "system",
                "Live events as server-sent events (send 'Accept: text/event-stream'): run.progress, run.finished,"
                        + " order, fill, pnl, risk, plugin, kill-switch, instance, dataset",
                new SseHandler(client -> s.hub().attach(client)));
    }

    private static void health(Context ctx, Services s) {
        Map<String, Object> db = new LinkedHashMap<>();
        boolean up;
        try (Connection c = s.store().database().connection()) {
            up = c.isValid(2);
            db.put("status", up ? "UP" : "DOWN");
            db.put("vendor", s.store().database().vendor().name());
        } catch (SQLException | RuntimeException e) {
            up = false;
            db.put("status", "DOWN");
            db.put("error", s.store().database().settings().mask(String.valueOf(e.getMessage())));
        }
        List<PluginInfo> plugins = s.plugins().plugins();
        Map<String, Object> loader = new LinkedHashMap<>();
        loader.put("status", "UP");
        loader.put("directory", s.plugins().directory().toString());
        loader.put("started", plugins.stream().filter(p -> p.status() == PluginStatus.STARTED).count());
        loader.put("problems", s.plugins().problems().stream().map(p -> p.file().getFileName() + ": "
                + p.problem()).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "UP" : "DOWN");
        out.put("version", s.version());
        out.put("database", db);
        out.put("plugins", loader);
        ctx.status(up ? 200 : 503).json(out);
    }
}
