/**
 * Enhancements: plugins that refine signals ({@link io.quantplug.api.enhancement.SignalEnhancer}: score, filter,
 * annotate) or turn them into quantities ({@link io.quantplug.api.enhancement.PositionSizer}).
 *
 * <pre>{@code
 * public final class FixedFractionSizer implements PositionSizer {
 *     public BigDecimal size(Signal signal, SizingContext ctx) {
 *         BigDecimal budget = ctx.portfolio().equity().multiply(new BigDecimal("0.02"));
 *         return budget.divide(BigDecimal.valueOf(ctx.referencePrice()), 8, RoundingMode.DOWN);
 *     }
 * }
 * }</pre>
 */
package io.quantplug.api.enhancement;
