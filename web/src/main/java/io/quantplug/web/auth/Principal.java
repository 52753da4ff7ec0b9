package io.quantplug.web.auth;

import io.quantplug.runtime.store.UserStore.Role;

/**
 * Who is calling, resolved from a session cookie or a bearer token.
 *
 * @param username the user
 * @param role     the role when the session was opened
 * @param viaCookie true for a browser session (state-changing requests then need the CSRF token), false for a
 *                  bearer token
 * @param session  the session
 */
public record Principal(String username, Role role, boolean viaCookie, Sessions.Session session) {
}
