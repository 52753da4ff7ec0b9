/**
 * Streaming indicators: each {@code update} costs O(1) time and memory, whatever the history length, and each
 * indicator declares how many inputs it needs before its value means anything ({@link
 * io.quantplug.sdk.indicator.Indicator#warmUpPeriod()}).
 *
 * <pre>{@code
 * Sma fast = new Sma(10), slow = new Sma(30);
 * Crossing cross = new Crossing();
 * // in onBar:
 * fast.update(bar.close());
 * slow.update(bar.close());
 * if (fast.isReady() && slow.isReady()) {
 *     switch (cross.update(fast.value(), slow.value())) {
 *         case UP -> ...    // fast crossed above slow
 *         case DOWN -> ...
 *         case NONE -> { }
 *     }
 * }
 * }</pre>
 *
 * Indicators are not thread-safe; a strategy uses them from its engine-thread callbacks only.
 */
package io.quantplug.sdk.indicator;
