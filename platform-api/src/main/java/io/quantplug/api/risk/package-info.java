/**
 * Risk rules: plugins that check every order intent before it reaches a venue (approve, reject with a typed
 * reason, or resize) and may watch fills and bars afterwards.
 *
 * <pre>{@code
 * public RiskDecision check(OrderIntent intent, RiskContext ctx) {
 *     BigDecimal limit = ctx.portfolio().equity().multiply(maxPct).movePointLeft(2);
 *     return intent.notional().compareTo(limit) > 0
 *             ? RiskDecision.reject("MAX_ORDER_NOTIONAL", "order notional " + intent.notional() + " > " + limit)
 *             : RiskDecision.approve();
 * }
 * }</pre>
 */
package io.quantplug.api.risk;
