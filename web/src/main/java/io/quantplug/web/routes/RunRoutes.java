package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.analytics.MonteCarloMethod;
import io.quantplug.runtime.analytics.MonteCarloResult;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.report.Candles;
import io.quantplug.runtime.report.MonteCarloReport;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.web.Api;
import io.quantplug.web.ApiException;
import io.quantplug.web.Json;
import io.quantplug.web.Services;
import io.quantplug.web.auth.Access;
import io.quantplug.web.session.KillSwitch;
import io.quantplug.web.session.InstanceViews;
import io.quantplug.web.session.PaperInstances;
import io.quantplug.web.session.PortfolioPlanner;
import io.quantplug.web.session.RunPlanner;
import io.quantplug.web.session.RunRequest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /api/backtests}, {@code /api/instances} and {@code /api/runs}: submit, follow, cancel and read runs. */
public final class RunRoutes {

    /** The most candles or equity points one chart request may ask for. */
    private static final int MAX_CHART_POINTS = 20_000;
    /** Most paths a Monte Carlo request may ask for: a study of a 50,000-bar run this size takes a few seconds. */
    private static final int MAX_MONTE_CARLO_PATHS = 20_000;
    /** Most runs {@code GET /api/runs} lists at once. */
    private static final int MAX_RUNS_LISTED = 10_000;
    /** How many runs {@code GET /api/runs} lists without {@code ?limit}. */
    private static final int DEFAULT_RUNS_LISTED = 500;

    private final Services s;

    private RunRoutes(Services s) {
        this.s = s;
    }

    /**
     * Declares the endpoints.
     *
     * @param api the table
     * @param s   the services
     */
    public static void declare(Api api, Services s) {
        RunRoutes r = new RunRoutes(s);
        api.add(HandlerType.GET, "/api/backtests", Access.VIEWER, "backtests", "Backtest jobs, newest first",
                ctx -> ctx.json(s.backtests().list()));
        api.add(HandlerType.POST, "/api/backtests", Access.TRADER, "backtests",
                "Submit a backtest (strategy, parameters, data set or stored series, capital, fees, enhancements,"
                        + " sizer, risk rules), or a portfolio backtest (only 'portfolio': several instruments and"
                        + " strategies on one account, the --config YAML as JSON); answers the job with its id",
                RunRequest.class, r::submit);
        api.add(HandlerType.GET, "/api/backtests/{id}", Access.VIEWER, "backtests", "A job's status and progress",
                ctx -> ctx.json(s.backtests().view(id(ctx))));
        api.add(HandlerType.POST, "/api/backtests/{id}/cancel", Access.TRADER, "backtests",
                "Cancel a queued or running job (its owner or an admin)", r::cancel);
        api.add(HandlerType.GET, "/api/backtests/{id}/result", Access.VIEWER, "backtests",
                "A completed job's result: run, metrics, trades, equity (a portfolio job's also strategies and"
                        + " instruments, format quantplug-portfolio-result/1); the equity thinned to at most "
                        + ResultDocument.DEFAULT_EQUITY_POINTS + " points (equitySampling says so) unless"
                        + " ?equity=full", ctx -> r.result(ctx, s.backtests().document(id(ctx))));
        api.add(HandlerType.GET, "/api/backtests/{id}/equity", Access.VIEWER, "backtests",
                "A completed job's equity between ?from and ?to (UTC epoch seconds, inclusive; default all) at full"
                        + " resolution, or thinned to ?points (8.." + MAX_CHART_POINTS + ", default "
                        + ResultDocument.DEFAULT_EQUITY_POINTS + ") keeping the extremes and the maximum drawdown",
                ctx -> r.equity(ctx, s.backtests().equity(id(ctx))));
        api.add(HandlerType.GET, "/api/backtests/{id}/bars", Access.VIEWER, "backtests",
                "The job's bars for the chart (time, open, high, low, close) between ?from and ?to (UTC epoch"
                        + " seconds, inclusive; default all), merged into candles of whole bars when more than"
                        + " ?candles (1.." + MAX_CHART_POINTS + ", default " + Candles.DEFAULT_MAX + ")",
                r::bars);
        api.add(HandlerType.GET, "/api/backtests/{id}/montecarlo", Access.VIEWER, "backtests",
                "Monte Carlo of a completed job's run (as 'quantplug montecarlo --run'): ?method=trades|blocks"
                        + " (default trades), ?paths (1.." + MAX_MONTE_CARLO_PATHS + ", default 10000), ?blockBars"
                        + " (blocks: mean block length, 1..1000000, default the cube root of the bar count), ?seed"
                        + " (default 1; the same seed gives the same study), ?loss (percent, 1..100, default 10);"
                        + " answers the quantplug-montecarlo/1 document", ctx -> {
                    long id = id(ctx);
                    Object document = s.backtests().document(id);
                    r.monteCarlo(ctx, s.backtests().storedRun(id), document, () -> s.backtests().equity(id),
                            "backtest " + id);
                });
        api.add(HandlerType.GET, "/api/studies", Access.VIEWER, "backtests",
                "Stored parameter studies ('quantplug optimize'), newest first: id, strategy, instrument, timeframe,"
                        + " status, created", ctx -> ctx.json(s.store().runs().list().stream()
                        .filter(run -> run.kind() == RunStore.Kind.STUDY).toList()));
        api.add(HandlerType.GET, "/api/studies/{id}", Access.VIEWER, "backtests",
                "A stored study's document, as 'quantplug optimize --json' printed it: trials with their parameters"
                        + " and metrics, the best, the Deflated Sharpe Ratio, the PBO and the walk-forward windows",
                r::study);
        api.add(HandlerType.GET, "/api/runs", Access.VIEWER, "runs",
                "Every stored run, newest first, however it was started (quantplug backtest, the API, paper and"
                        + " live instances, studies), as 'quantplug runs list' shows them: id, mode, kind, strategy,"
                        + " instrument, timeframe, status, created, finished, trade count, error; at most ?limit"
                        + " (1.." + MAX_RUNS_LISTED + ", default " + DEFAULT_RUNS_LISTED + ")", r::runs);
        api.add(HandlerType.GET, "/api/runs/{id}", Access.VIEWER, "runs", "One stored run's summary",
                ctx -> ctx.json(r.run(id(ctx))));
        api.add(HandlerType.GET, "/api/runs/{id}/result", Access.VIEWER, "runs",
                "A stored run's result, as 'quantplug runs show --json' prints it (a portfolio's format"
                        + " quantplug-portfolio-result/1; a study's is at /api/studies/{id}); the equity thinned to"
                        + " at most " + ResultDocument.DEFAULT_EQUITY_POINTS + " points unless ?equity=full",
                ctx -> r.result(ctx, r.runDocument(id(ctx))));
        api.add(HandlerType.GET, "/api/runs/{id}/equity", Access.VIEWER, "runs",
                "A stored run's equity between ?from and ?to (UTC epoch seconds, inclusive) at full resolution, or"
                        + " thinned to ?points, as for a backtest job", ctx -> {
                    long id = id(ctx);
                    r.withResult(id);
                    r.equity(ctx, s.store().runs().equity(id));
                });
        api.add(HandlerType.GET, "/api/runs/{id}/montecarlo", Access.VIEWER, "runs",
                "Monte Carlo of a stored run, with the parameters of /api/backtests/{id}/montecarlo", ctx -> {
                    long id = id(ctx);
                    r.monteCarlo(ctx, id, r.runDocument(id), () -> s.store().runs().equity(id), "run " + id);
                });
        api.add(HandlerType.GET, "/api/instances", Access.VIEWER, "instances",
                "Strategy instances (paper sessions) with status and P&L", ctx -> ctx.json(s.instances().list()));
        api.add(HandlerType.POST, "/api/instances", Access.TRADER, "instances",
                "Create an instance: a run request plus 'speed' (bars per second), or an 'exchange' for live bars"
                        + " with simulated fills, or with exchange.mode LIVE orders on the exchange (admins only; API"
                        + " keys from the server's environment; exchange.flattenOnStop, exchange.allowNoRiskRules for"
                        + " mainnet without a risk rule); not started", RunRequest.class,
                r::create);
        api.add(HandlerType.GET, "/api/instances/{id}", Access.VIEWER, "instances", "An instance's status and P&L",
                ctx -> ctx.json(s.instances().view(id(ctx))));
        api.add(HandlerType.POST, "/api/instances/{id}/start", Access.TRADER, "instances",
                "Start (or restart from the first bar) an instance (its owner or an admin; a LIVE one: an admin)",
                r::start);
        api.add(HandlerType.POST, "/api/instances/{id}/stop", Access.TRADER, "instances",
                "Stop a running instance (its owner or an admin); a LIVE one cancels its working orders on the"
                        + " exchange and closes its position when it flattens on stop", r::stop);
    }

    private void submit(Context ctx) {
        RunRequest req = Json.body(ctx, RunRequest.class);
        if (req.speed() != null) {
            throw ApiException.badField("speed", "speed is for instances, not backtests");
        }
        if (req.portfolio() != null) {
            submitPortfolio(ctx, req);
            return;
        }
        RunPlanner.Plan plan = s.planner().plan(req, s.catalog(), List.of());
        String user = Api.principal(ctx).username();
        var job = s.backtests().submit(req, plan, s.catalog(), user);
        s.store().audit().append(user, "backtest.submitted", "backtest/" + job.id(), plan.config().strategy()
                + " on " + plan.source());
        ctx.status(202).json(job);
    }

    /** A portfolio describes the whole run: every other field of the body must be absent. */
    private void submitPortfolio(Context ctx, RunRequest req) {
        for (RecordComponent c : RunRequest.class.getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(req);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value != null && !c.getName().equals("portfolio")) {
                throw ApiException.badField(c.getName(), c.getName() + " does not go with portfolio, which"
                        + " describes the whole run; put it in the portfolio");
            }
        }
        PortfolioPlanner.Plan plan = new PortfolioPlanner(s.planner()).plan(req.portfolio(), s.catalog());
        String user = Api.principal(ctx).username();
        var job = s.backtests().submitPortfolio(req, plan, s.catalog(), user);
        s.store().audit().append(user, "backtest.submitted", "backtest/" + job.id(), plan.strategy() + " on "
                + plan.source());
        ctx.status(202).json(job);
    }

    private void cancel(Context ctx) {
        String user = Api.principal(ctx).username();
        var job = s.backtests().cancel(id(ctx), user, isAdmin(ctx));
        s.store().audit().append(user, "backtest.canceled", "backtest/" + job.id(), "");
        ctx.json(job);
    }

    private void study(Context ctx) {
        long id = id(ctx);
        String study = s.store().runs().study(id).orElseThrow(() -> ApiException.notFound("id", "no study " + id));
        ctx.contentType("application/json").result(study);
    }

    /** {@code GET /api/runs}: the store's runs, newest first, at most {@code ?limit}. */
    private void runs(Context ctx) {
        int limit = (int) QueryParams.longParam(ctx, "limit", DEFAULT_RUNS_LISTED, 1, MAX_RUNS_LISTED);
        List<RunStore.RunSummary> all = s.store().runs().list();
        ctx.json(all.size() > limit ? all.subList(0, limit) : all);
    }

    private RunStore.RunSummary run(long id) {
        return s.store().runs().summary(id).orElseThrow(() -> ApiException.notFound("id", "no run " + id));
    }

    /**
     * A stored run that has a result: completed, or stopped with its result up to the stop.
     *
     * @throws ApiException 404 for an unknown run; 409 for a study, or a run that ended without a result
     */
    private RunStore.RunSummary withResult(long id) {
        RunStore.RunSummary run = run(id);
        if (run.kind() == RunStore.Kind.STUDY) {
            throw ApiException.conflict("run " + id + " is a parameter study: its document is at /api/studies/" + id);
        }
        if (run.status() != RunStore.Status.COMPLETED && run.status() != RunStore.Status.STOPPED) {
            throw ApiException.conflict("run " + id + " is " + run.status().name().toLowerCase() + " and has no"
                    + " result" + (run.error() == null ? "" : ": " + run.error()));
        }
        return run;
    }

    /**
     * A stored run's result document: a {@link ResultDocument}, or a portfolio's {@link PortfolioDocument}.
     *
     * @throws ApiException 404 for an unknown run; 409 for a study, or a run that ended without a result
     */
    private Object runDocument(long id) {
        RunStore.RunSummary run = withResult(id);
        Optional<?> document = run.kind() == RunStore.Kind.PORTFOLIO ? s.store().runs().portfolioDocument(id)
                : s.store().runs().document(id);
        return document.orElseThrow(() -> ApiException.conflict("run " + id + " has no stored result"));
    }

    private void monteCarlo(Context ctx, long runId, Object document,
                            Supplier<List<ResultDocument.EquityPoint>> storedEquity, String label) {
        MonteCarloMethod method = QueryParams.choice(ctx, "method", "trades", "trades", "blocks").equals("blocks")
                ? MonteCarloMethod.BLOCKS : MonteCarloMethod.TRADES;
        int paths = (int) QueryParams.longParam(ctx, "paths", 10_000, 1, MAX_MONTE_CARLO_PATHS);
        long block = QueryParams.longParam(ctx, "blockBars", 0, 1, 1_000_000);
        if (block != 0 && method != MonteCarloMethod.BLOCKS) {
            throw ApiException.badField("blockBars", "blockBars applies to method=blocks only");
        }
        long seed = QueryParams.longParam(ctx, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        long loss = QueryParams.longParam(ctx, "loss", 10, 1, 100);
        ResultDocument d = document instanceof PortfolioDocument p ? p.accountView() : (ResultDocument) document;
        List<ResultDocument.EquityPoint> equity = method == MonteCarloMethod.BLOCKS ? storedEquity.get() : List.of();
        MonteCarloResult result;
        try {
            result = MonteCarloReport.simulate(d, equity, method, paths, block == 0 ? null : (double) block, seed,
                    loss / 100.0);
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(label + ": " + e.getMessage());
        }
        ctx.json(MonteCarloReport.document(runId, d.run(), result));
    }

    private void result(Context ctx, Object stored) {
        boolean full = QueryParams.choice(ctx, "equity", "bounded", "bounded", "full").equals("full");
        Object document = stored;
        if (!full && document instanceof ResultDocument d) {
            document = d.withEquityPoints(ResultDocument.DEFAULT_EQUITY_POINTS);
        } else if (!full && document instanceof PortfolioDocument d) {
            document = d.withEquityPoints(ResultDocument.DEFAULT_EQUITY_POINTS);
        }
        ctx.json(document);
    }

    /** {@code ?from} and {@code ?to}, UTC epoch seconds, as the milliseconds of the range's first and last instant. */
    private static long[] range(Context ctx) {
        long from = QueryParams.longParam(ctx, "from", Long.MIN_VALUE / 1000, Long.MIN_VALUE / 1000,
                Long.MAX_VALUE / 1000);
        long to = QueryParams.longParam(ctx, "to", Long.MAX_VALUE / 1000, Long.MIN_VALUE / 1000,
                Long.MAX_VALUE / 1000);
        return new long[] {from * 1000, to >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : to * 1000 + 999};
    }

    private void equity(Context ctx, List<ResultDocument.EquityPoint> all) {
        long[] range = range(ctx);
        int points = (int) QueryParams.longParam(ctx, "points", ResultDocument.DEFAULT_EQUITY_POINTS, 8,
                MAX_CHART_POINTS);
        List<ResultDocument.EquityPoint> inRange = new ArrayList<>();
        for (ResultDocument.EquityPoint p : all) {
            long t = p.time().toEpochMilli();
            if (t >= range[0] && t <= range[1]) {
                inRange.add(p);
            }
        }
        List<ResultDocument.EquityPoint> kept = ResultDocument.thinnedEquity(inRange, points);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("equity", kept);
        out.put("equitySampling", kept.size() == inRange.size() ? null
                : new ResultDocument.EquitySampling(inRange.size(), kept.size(), ResultDocument.EquitySampling.LTTB));
        ctx.json(out);
    }

    private void bars(Context ctx) {
        long[] range = range(ctx);
        int max = (int) QueryParams.longParam(ctx, "candles", Candles.DEFAULT_MAX, 1, MAX_CHART_POINTS);
        Candles c = Candles.of(s.backtests().bars(id(ctx), s.planner()), range[0], range[1], max);
        ctx.json(Map.of("barsPerPoint", c.barsPerCandle(), "time", c.time(), "open", c.open(), "high", c.high(),
                "low", c.low(), "close", c.close()));
    }

    private void create(Context ctx) {
        RunRequest req = Json.body(ctx, RunRequest.class);
        if (req.portfolio() != null) {
            throw ApiException.badField("portfolio", "portfolio is for backtests, not instances");
        }
        if (req.exchange() != null && req.exchange().mode() == RunRequest.Mode.LIVE && !isAdmin(ctx)) {
            throw new ApiException(403, "forbidden", "exchange.mode", "only an admin may create a LIVE instance");
        }
        RunPlanner.Plan plan = s.planner().plan(req, s.catalog(), List.of(new ExtensionRef(KillSwitch.ID, Map.of())));
        String user = Api.principal(ctx).username();
        InstanceViews.View v = s.instances().create(plan, req.speed() == null ? 10 : req.speed(), user);
        s.store().audit().append(user, "instance.created", "instance/" + v.id(), plan.config().strategy() + " on "
                + plan.source() + (plan.exchange() == null ? " at " + v.speed() + " bars/s" : "") + " (" + v.mode()
                + (Boolean.TRUE.equals(v.flattenOnStop()) ? ", flatten on stop" : "") + ")");
        ctx.status(201).json(v);
    }

    private void start(Context ctx) {
        String user = Api.principal(ctx).username();
        InstanceViews.View v = s.instances().start(id(ctx), s::catalog, user, isAdmin(ctx));
        s.store().audit().append(user, "instance.started", "instance/" + v.id(), "");
        ctx.json(v);
    }

    private void stop(Context ctx) {
        String user = Api.principal(ctx).username();
        InstanceViews.View v = s.instances().stop(id(ctx), user, isAdmin(ctx));
        s.store().audit().append(user, "instance.stopped", "instance/" + v.id(), "");
        ctx.json(v);
    }

    private static boolean isAdmin(Context ctx) {
        return Api.principal(ctx).role() == io.quantplug.runtime.store.UserStore.Role.ADMIN;
    }

    /**
     * A numeric path id.
     *
     * @param ctx the request
     * @return the id
     * @throws ApiException 404 when it is not a positive number
     */
    static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.notFound("id", "no such id '" + text + "'");
    }
}
