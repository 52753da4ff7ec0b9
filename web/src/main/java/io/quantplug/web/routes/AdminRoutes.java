package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.quantplug.runtime.QuantplugException;
import io.quantplug.runtime.store.AuditLog;
import io.quantplug.runtime.store.UserStore;
import io.quantplug.web.Api;
import io.quantplug.web.ApiException;
import io.quantplug.web.EventHub;
import io.quantplug.web.Json;
import io.quantplug.web.Services;
import io.quantplug.web.auth.Access;
import io.quantplug.web.auth.Passwords;
import io.quantplug.web.session.InstanceViews;
import io.quantplug.web.session.KillSwitch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /api/users}, {@code /api/audit} and {@code /api/risk}: administration, the audit log and risk state. */
public final class AdminRoutes {

    private static final int MAX_PAGE = 500;

    /**
     * A new user.
     *
     * @param username 1-64 characters
     * @param password 12-72 bytes
     * @param role     viewer, trader or admin
     */
    public record NewUser(String username, String password, String role) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", ***, " + role + "]";
        }
    }

    /**
     * A change to a user; absent fields stay.
     *
     * @param role     the new role, or null
     * @param disabled whether sign-in is refused, or null
     * @param password a new password, or null
     */
    public record UserChange(String role, Boolean disabled, String password) {
        @Override
        public String toString() {
            return "UserChange[" + role + ", " + disabled + (password == null ? "" : ", ***") + "]";
        }
    }

    /**
     * The kill switch body.
     *
     * @param engaged true to stop all new orders, false to release
     * @param reason  why, optional
     */
    public record KillSwitchChange(Boolean engaged, String reason) {
    }

    private final Services s;

    private AdminRoutes(Services s) {
        this.s = s;
    }

    /**
     * Declares the endpoints.
     *
     * @param api the table
     * @param s   the services
     */
    public static void declare(Api api, Services s) {
        AdminRoutes r = new AdminRoutes(s);
        api.add(HandlerType.GET, "/api/users", Access.ADMIN, "users", "Every user (never a password hash)",
                ctx -> ctx.json(s.store().users().list().stream().map(AdminRoutes::user).toList()));
        api.add(HandlerType.POST, "/api/users", Access.ADMIN, "users", "Create a user {username, password, role}",
                NewUser.class, r::createUser);
        api.add(HandlerType.PATCH, "/api/users/{username}", Access.ADMIN, "users",
                "Change a user's role, disabled flag or password; ends their sessions", UserChange.class,
                r::changeUser);
        api.add(HandlerType.GET, "/api/audit", Access.VIEWER, "audit",
                "Audit log page: ?afterId=0&limit=100&actor=&action= (action prefix), oldest first", r::audit);
        api.add(HandlerType.GET, "/api/risk", Access.VIEWER, "risk",
                "Kill switch, risk rules available, instances' rules and recent risk events", r::risk);
        api.add(HandlerType.POST, "/api/risk/kill-switch", Access.TRADER, "risk",
                "Engage or release the global kill switch {engaged, reason}; engaging it also stops every running"
                        + " LIVE instance (working orders canceled on the exchange, the position closed when it"
                        + " flattens on stop) before it answers", KillSwitchChange.class, r::killSwitch);
    }

    private void createUser(Context ctx) {
        NewUser body = Json.body(ctx, NewUser.class);
        String username = Json.required(body.username(), "username").strip();
        if (!username.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
            throw ApiException.badField("username", "a user name is 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        UserStore.Role role = role(Json.required(body.role(), "role"));
        String problem = Passwords.problem(Json.required(body.password(), "password"), username);
        if (problem != null) {
            throw ApiException.badField("password", problem);
        }
        String clash = s.store().users().list().stream().map(UserStore.User::username)
                .filter(u -> u.equalsIgnoreCase(username)).findFirst().orElse(null);
        if (clash != null) {
            throw ApiException.conflict("user '" + clash + "' exists" + (clash.equals(username) ? ""
                    : "; user names that differ only in case are refused"));
        }
        UserStore.User u = s.store().users().create(username, Passwords.hash(body.password()), role,
                Api.principal(ctx).username());
        ctx.status(201).json(user(u));
    }

    private void changeUser(Context ctx) {
        String username = ctx.pathParam("username");
        if (s.store().users().find(username).isEmpty()) {
            throw ApiException.notFound("username", "no user '" + username + "'");
        }
        UserChange body = Json.body(ctx, UserChange.class);
        UserStore.Role role = body.role() == null ? null : role(body.role());
        String hash = null;
        if (body.password() != null) {
            String problem = Passwords.problem(body.password(), username);
            if (problem != null) {
                throw ApiException.badField("password", problem);
            }
            hash = Passwords.hash(body.password());
        }
        String actor = Api.principal(ctx).username();
        if (actor.equals(username) && (Boolean.TRUE.equals(body.disabled())
                || role != null && role != UserStore.Role.ADMIN)) {
            throw ApiException.conflict("an admin cannot disable or demote themselves");
        }
        UserStore.User u;
        try {
            u = s.store().users().update(username, role, body.disabled(), hash, actor);
        } catch (QuantplugException e) {
            throw ApiException.notFound("username", e.getMessage());
        }
        s.sessions().closeAll(username);
        ctx.json(user(u));
    }

    private void audit(Context ctx) {
        long afterId = QueryParams.longParam(ctx, "afterId", 0, 0, Long.MAX_VALUE);
        int limit = (int) QueryParams.longParam(ctx, "limit", 100, 1, MAX_PAGE);
        String actor = blankToNull(ctx.queryParam("actor"));
        String action = blankToNull(ctx.queryParam("action"));
        List<AuditLog.Entry> page = s.store().audit().page(afterId, limit, actor, action);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", page);
        out.put("nextAfterId", page.isEmpty() ? null : page.get(page.size() - 1).id());
        ctx.json(out);
    }

    private void risk(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("killSwitch", s.killSwitch().state());
        out.put("rules", s.catalog().ofKind(io.quantplug.runtime.plugin.ExtensionKind.RISK_RULE).stream()
                .map(PluginRoutes::extension).toList());
        out.put("instances", s.instances().list().stream().map(v -> Map.of("id", v.id(), "strategy", v.strategy(),
                "status", v.status(), "riskRules", v.riskRules(), "riskRejections", v.riskRejections())).toList());
        out.put("recentEvents", s.hub().recent("risk").stream().map(EventHub.Event::json)
                .map(AdminRoutes::tree).toList());
        ctx.json(out);
    }

    private void killSwitch(Context ctx) {
        KillSwitchChange body = Json.body(ctx, KillSwitchChange.class);
        boolean engaged = Json.required(body.engaged(), "engaged");
        String user = Api.principal(ctx).username();
        KillSwitch.State state = s.killSwitch().set(engaged, user, body.reason(), Instant.now(s.clock()));
        s.store().audit().append(user, engaged ? "risk.kill_switch_engaged" : "risk.kill_switch_released",
                "risk/kill-switch", body.reason() == null ? "" : body.reason());
        s.hub().publish("kill-switch", state);
        if (engaged) {
            for (InstanceViews.View v : s.instances().stopLive(user)) {
                s.store().audit().append(user, "instance.stopped", "instance/" + v.id(), "kill switch: working"
                        + " orders canceled" + (Boolean.TRUE.equals(v.flattenOnStop()) ? ", position closed" : "")
                        + "; " + v.status().name());
            }
        }
        ctx.json(state);
    }

    private static Object tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserStore.Role role(String text) {
        try {
            return UserStore.Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("role", "role must be viewer, trader or admin, got '" + text + "'");
        }
    }

    private static Map<String, Object> user(UserStore.User u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", u.username());
        out.put("role", u.role().name().toLowerCase(Locale.ROOT));
        out.put("disabled", u.disabled());
        out.put("createdAt", u.createdAt());
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
