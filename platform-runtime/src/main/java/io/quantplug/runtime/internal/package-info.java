/**
 * Runtime internals: the event engine, simulated venue and portfolio accounting. No compatibility promise; use the
 * public packages ({@code io.quantplug.runtime.backtest}, {@code ...plugin}, {@code ...data}) instead.
 */
package io.quantplug.runtime.internal;
