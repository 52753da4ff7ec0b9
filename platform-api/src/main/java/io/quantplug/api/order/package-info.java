/**
 * Orders, their lifecycle events and fills. Quantities and prices here are exact decimals; the venue rounds them
 * to the instrument's lot and tick size at the order boundary.
 *
 * <pre>{@code
 * Order buy = new LimitOrder(ctx.nextClientOrderId(), btc, Side.BUY,
 *         new BigDecimal("0.01"), new BigDecimal("23000.00"), TimeInForce.GTC);
 * ctx.submit(buy);
 * // later, in Strategy.onOrderEvent:
 * if (event instanceof OrderFilled f) {
 *     log(f.fill().price());
 * } else if (event instanceof OrderRejected r) {
 *     log(r.reason().code() + ": " + r.reason().message());
 * }
 * }</pre>
 */
package io.quantplug.api.order;
