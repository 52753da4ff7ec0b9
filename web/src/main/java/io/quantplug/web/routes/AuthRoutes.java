package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.quantplug.runtime.store.UserStore;
import io.quantplug.web.Api;
import io.quantplug.web.ApiException;
import io.quantplug.web.Json;
import io.quantplug.web.Services;
import io.quantplug.web.auth.Access;
import io.quantplug.web.auth.Passwords;
import io.quantplug.web.auth.Principal;
import io.quantplug.web.auth.Sessions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code /api/auth}: sign in, sign out, who am I. */
public final class AuthRoutes {

    /**
     * The login body.
     *
     * @param username the user
     * @param password the password
     */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + ", ***]";
        }
    }

    private final Services s;

    private AuthRoutes(Services s) {
        this.s = s;
    }

    /**
     * Declares the endpoints.
     *
     * @param api the table
     * @param s   the services
     */
    public static void declare(Api api, Services s) {
        AuthRoutes r = new AuthRoutes(s);
        api.add(HandlerType.POST, "/api/auth/login", Access.PUBLIC, "auth",
                "Sign in with {username, password}: sets the session cookie; answers the bearer token and the CSRF"
                        + " token. 429 after 10 failures in 15 minutes per user and address.", r::login);
        api.add(HandlerType.POST, "/api/auth/logout", Access.VIEWER, "auth", "Sign out: ends the session",
                r::logout);
        api.add(HandlerType.GET, "/api/auth/me", Access.VIEWER, "auth",
                "The signed-in user, role and the session's CSRF token", r::me);
    }

    private void login(Context ctx) {
        Login body = Json.body(ctx, Login.class);
        String username = Json.required(body.username(), "username").strip();
        String password = Json.required(body.password(), "password");
        String address = ctx.ip();
        Duration wait = s.throttle().retryAfter(username, address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "too_many_attempts", null, "too many failed sign-ins for " + username
                    + " from this address; try again in " + seconds + " s");
        }
        UserStore.User user = s.store().users().find(username).orElse(null);
        boolean ok = Passwords.verify(password, user == null ? null : user.passwordHash());
        if (!ok || user.disabled()) {
            s.throttle().failed(username, address);
            s.store().audit().append(username, "auth.login_failed", "user/" + username,
                    "from " + address + (ok ? " (user disabled)" : ""));
            throw new ApiException(401, "bad_credentials", null, "wrong user name or password");
        }
        s.throttle().succeeded(username, address);
        Sessions.Session session = s.sessions().open(user.username(), user.role());
        ctx.cookie(new Cookie(Sessions.COOKIE, session.cookie(), "/", -1, "https".equals(ctx.scheme()), true,
                null, SameSite.STRICT));
        s.store().audit().append(user.username(), "auth.login", "user/" + user.username(), "from " + address);
        Map<String, Object> out = who(user.username(), user.role(), session);
        out.put("token", session.token());
        ctx.json(out);
    }

    private void logout(Context ctx) {
        Principal p = Api.principal(ctx);
        s.sessions().close(p.session());
        ctx.cookie(new Cookie(Sessions.COOKIE, "", "/", 0, "https".equals(ctx.scheme()), true, null,
                SameSite.STRICT));
        s.store().audit().append(p.username(), "auth.logout", "user/" + p.username(), "");
        ctx.json(Map.of("signedOut", true));
    }

    private void me(Context ctx) {
        Principal p = Api.principal(ctx);
        ctx.json(who(p.username(), p.role(), p.session()));
    }

    private static Map<String, Object> who(String username, UserStore.Role role, Sessions.Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", username);
        out.put("role", role.name().toLowerCase(Locale.ROOT));
        out.put("csrfToken", session.csrf());
        out.put("signedInAt", session.created());
        return out;
    }
}
