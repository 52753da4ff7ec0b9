/**
 * The {@code circuit-breaker} plugin: two risk rules.
 *
 * <ul>
 *   <li>{@code circuit-breaker} ({@link io.quantplug.plugins.circuitbreaker.CircuitBreakerRule}): trips on a daily
 *       loss limit, a rapid drawdown, too many open positions, consecutive losing round trips or a volatility spike;
 *       while OPEN it refuses orders that add exposure and lets orders that reduce it through; after a cooldown it
 *       lets a probe trade through (HALF_OPEN) whose result closes or re-opens it. Every state change is a
 *       {@link io.quantplug.plugins.circuitbreaker.CircuitBreakerEvent} with its reason and numbers, reported to the
 *       session as a risk event ({@code TRIP}, {@code HALF_OPEN}, {@code RESET}; code the reason), which the runtime
 *       shows in the backtest result and stores in {@code risk_events} with the rule's id.</li>
 *   <li>{@code exposure-limits} ({@link io.quantplug.plugins.circuitbreaker.ExposureLimitsRule}): per-position and
 *       per-instrument notional, total notional and leverage, refusing or resizing.</li>
 * </ul>
 *
 * <pre>{@code
 * RiskRuleProvider provider = new CircuitBreakerProvider();
 * CircuitBreakerRule breaker = (CircuitBreakerRule) provider.create(provider.descriptor().parameters()
 *         .resolve(Map.of("dailyLossPercent", "3", "cooldownMinutes", "120")));
 * // ... the session calls breaker.check / onFill / onBar ...
 * breaker.events().forEach(e -> System.out.println(e.eventType() + " " + e.reason() + ": " + e.message()));
 * }</pre>
 *
 * On the command line: {@code --risk circuit-breaker:dailyLossPercent=3 --risk exposure-limits:maxLeverage=1}.
 */
package io.quantplug.plugins.circuitbreaker;
