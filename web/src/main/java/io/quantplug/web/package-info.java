/**
 * The web console's server: a Javalin JSON API under {@code /api} (described at {@code /openapi.json}, people's
 * version at {@code /api-docs}), a live event stream ({@code /api/events}, server-sent events), {@code /health},
 * {@code /metrics} (Prometheus) and the browser console's pages, all served from this jar.
 *
 * <p>{@link io.quantplug.web.WebServer} assembles it; every endpoint is declared once in an
 * {@link io.quantplug.web.Api} with the least role it needs, which the same table uses to check each request, to
 * write the OpenAPI document and to drive the role-matrix test. Errors have one JSON shape,
 * {@link io.quantplug.web.ApiError}.
 */
package io.quantplug.web;
