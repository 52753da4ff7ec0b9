/**
 * What a trading session reports while it runs: signals, a signal group's decisions
 * ({@link io.quantplug.runtime.session.SignalDecision}), orders, order events, plugin faults and the events risk rules
 * report ({@link io.quantplug.runtime.session.RiskEventReport}), through a
 * {@link io.quantplug.runtime.session.SessionListener}. The in-memory backtest result, the store and the console's
 * live stream all listen here.
 *
 * <pre>{@code
 * SessionListener printRejections = new SessionListener() {
 *     public void onOrderEvent(String strategy, OrderEvent e) {
 *         if (e instanceof OrderRejected r) System.out.println(strategy + ": " + r.reason().message());
 *     }
 * };
 * }</pre>
 */
package io.quantplug.runtime.session;
