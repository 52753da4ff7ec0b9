package io.quantplug.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.quantplug.web.ApiException;
import java.util.Optional;

/**
 * Finds who is calling and checks they may: a bearer token ({@code Authorization: Bearer …}) or else the session
 * cookie; for a cookie session, a request that can change state (anything but GET, HEAD and OPTIONS) must carry the
 * session's CSRF token in {@value Sessions#CSRF_HEADER}. Thread-safe.
 */
public final class Authenticator {

    private final Sessions sessions;

    /**
     * Creates one over a session registry.
     *
     * @param sessions the sessions
     */
    public Authenticator(Sessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The caller, if signed in. A bearer header that names no live session counts as not signed in (never falls
     * back to the cookie).
     *
     * @param ctx the request
     * @return the principal, or empty
     */
    public Optional<Principal> resolve(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.empty();
            }
            return sessions.byToken(authorization.substring(7).trim())
                    .map(s -> new Principal(s.username(), s.role(), false, s));
        }
        return sessions.byCookie(ctx.cookie(Sessions.COOKIE))
                .map(s -> new Principal(s.username(), s.role(), true, s));
    }

    /**
     * Checks a request against an endpoint's access.
     *
     * @param ctx    the request
     * @param access what the endpoint needs
     * @return the caller, empty for an anonymous call to a public endpoint
     * @throws ApiException 401 {@code unauthenticated} without a live session, 403 {@code forbidden} when the role
     *                      is too low, 403 {@code csrf} when a cookie session's state-changing request lacks the
     *                      CSRF token
     */
    public Optional<Principal> check(Context ctx, Access access) {
        Optional<Principal> caller = resolve(ctx);
        if (access == Access.PUBLIC) {
            return caller;
        }
        Principal p = caller.orElseThrow(() -> new ApiException(401, "unauthenticated", null,
                "sign in first (POST /api/auth/login), or send a valid bearer token"));
        if (!access.allows(p.role())) {
            throw new ApiException(403, "forbidden", null, "this needs the " + access.name().toLowerCase()
                    + " role; " + p.username() + " is " + p.role().name().toLowerCase());
        }
        if (p.viaCookie() && changesState(ctx.method())
                && !Sessions.csrfMatches(p.session(), ctx.header(Sessions.CSRF_HEADER))) {
            throw new ApiException(403, "csrf", Sessions.CSRF_HEADER, "a browser session's " + ctx.method()
                    + " needs the CSRF token from /api/auth/me in the " + Sessions.CSRF_HEADER + " header");
        }
        return caller;
    }

    private static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
