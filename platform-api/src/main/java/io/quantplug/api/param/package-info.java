/**
 * Typed, described parameters: the one schema that a console form, a command-line {@code --param k=v} and an
 * optimiser all read.
 *
 * <pre>{@code
 * ParameterSchema schema = ParameterSchema.of(
 *         ParameterSpec.integer("period").defaultValue(14).range(2, 500).unit("bars")
 *                 .description("RSI look-back").build(),
 *         ParameterSpec.decimal("lower").defaultValue("30").range(0, 100)
 *                 .description("enter below this RSI").build());
 * Parameters p = schema.resolve(Map.of("period", "21"));   // lower takes its default, 30
 * int period = p.getInt("period");
 * }</pre>
 *
 * A value that does not fit is refused with an {@link io.quantplug.api.param.InvalidParameterException} naming the
 * parameter and its allowed range.
 */
package io.quantplug.api.param;
