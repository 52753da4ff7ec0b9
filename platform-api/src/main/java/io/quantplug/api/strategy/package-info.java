/**
 * Strategies: plugins that receive market events and act by emitting signals or submitting orders.
 *
 * <pre>{@code
 * public final class SmaCrossoverProvider implements StrategyProvider {
 *     public ExtensionDescriptor descriptor() { ... }
 *     public Strategy create(StrategyContext ctx) {
 *         return new Strategy() {
 *             final Sma fast = new Sma(ctx.parameters().getInt("fast"));
 *             public void onBar(Bar bar) {
 *                 fast.update(bar.close());
 *                 if (...) ctx.emit(Signal.of(bar.instrument(), SignalDirection.LONG, ctx.clock().millis(), "cross"));
 *             }
 *         };
 *     }
 * }
 * }</pre>
 *
 * Every callback runs on the session's engine thread, one at a time, so strategy state needs no locking. A strategy
 * never asks which mode (backtest, paper, live) it runs in.
 */
package io.quantplug.api.strategy;
