/**
 * Sign-in and sessions: bcrypt password hashes (cost 12), server-side sessions reached by an HttpOnly,
 * SameSite=Strict cookie (with a CSRF token for state-changing requests) or by a bearer token for scripts, a login
 * throttle (10 failures per 15 minutes per user and address), and the admin account of a first start.
 */
package io.quantplug.web.auth;
