/**
 * The {@code position-sizers} plugin: four {@link io.quantplug.api.enhancement.PositionSizer}s that turn a signal
 * into a base quantity. Each formula and its source is on the sizer class.
 *
 * <ul>
 *   <li>{@code fixed-fractional} ({@link io.quantplug.plugins.sizing.FixedFractionalProvider}): hitting the stop
 *       (a percentage of the price, or a multiple of the ATR) loses a fixed share of equity.</li>
 *   <li>{@code kelly} ({@link io.quantplug.plugins.sizing.KellyProvider}): a fraction of the Kelly bet
 *       {@code W - (1 - W)/R} estimated from the round trips closed so far, capped, with a fallback share until
 *       enough have closed; the tallies carry across a hot swap.</li>
 *   <li>{@code volatility-target} ({@link io.quantplug.plugins.sizing.VolatilityTargetProvider}): equity times
 *       target volatility over realised volatility, capped by a leverage.</li>
 *   <li>{@code risk-parity} ({@link io.quantplug.plugins.sizing.RiskParityProvider}): inverse-volatility weights,
 *       each of {@code N} instruments holding {@code 1/N} of a volatility budget.</li>
 * </ul>
 *
 * Every sizer returns zero (no trade) for a signal it cannot size: equity not positive, too little history for its
 * look-back, or no edge. On a spot instrument the notional is capped at the cash less a buffer, and every quantity
 * is rounded down to the lot size.
 *
 * <pre>{@code
 * EnhancementProvider provider = new VolatilityTargetProvider();
 * PositionSizer sizer = (PositionSizer) provider.create(provider.descriptor().parameters()
 *         .resolve(Map.of("targetVolatilityPercent", "15", "volatilityBars", "48")));
 * BigDecimal quantity = sizer.size(signal, context);   // the engine calls this for each entry
 * }</pre>
 *
 * On the command line: {@code --sizer volatility-target:targetVolatilityPercent=15,volatilityBars=48}.
 */
package io.quantplug.plugins.sizing;
