/**
 * Signals: what a strategy wants (long, flat, short), with strength, confidence and a reason. A signal goes through
 * the enhancement, sizing and risk pipeline before it becomes an order.
 *
 * <pre>{@code
 * ctx.emit(Signal.of(ctx.instrument().id(), SignalDirection.LONG, ctx.clock().millis(), "fast SMA crossed above slow"));
 * }</pre>
 */
package io.quantplug.api.signal;
