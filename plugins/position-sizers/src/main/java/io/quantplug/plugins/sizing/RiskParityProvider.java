package io.quantplug.plugins.sizing;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code risk-parity}: inverse-volatility weights across a universe of a configured number of instruments,
 * each holding an equal share of a volatility budget. See {@link RiskParitySizer} for the formula and why the
 * universe is given as a count.
 */
public final class RiskParityProvider implements EnhancementProvider {

    /** Parameter: instruments in the universe that shares the budget. */
    public static final String INSTRUMENT_COUNT = "instrumentCount";
    /** Parameter: the target annual volatility of the whole universe's budget, percent. */
    public static final String TARGET_VOLATILITY_PERCENT = CommonParameters.TARGET_VOLATILITY_PERCENT;
    /** Parameter: returns in the realised volatility. */
    public static final String VOLATILITY_BARS = CommonParameters.VOLATILITY_BARS;
    /** Parameter: the largest notional of the whole universe as a multiple of equity. */
    public static final String MAX_LEVERAGE = CommonParameters.MAX_LEVERAGE;
    /** Parameter: the share of cash a spot buy leaves unspent, percent. */
    public static final String CASH_BUFFER_PERCENT = CommonParameters.CASH_BUFFER_PERCENT;

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("risk-parity",
            "Risk parity (inverse volatility)",
            "Sizes each of N instruments at equity x (1/N) x target volatility / its realised volatility, so each "
                    + "contributes equal risk (inverse-volatility weights, the equal-correlation case of Maillard, "
                    + "Roncalli and Teiletche's equal risk contribution).",
            ParameterSchema.of(
                    ParameterSpec.integer(INSTRUMENT_COUNT).defaultValue(1).range(1, 1000).unit("instruments")
                            .description("N, the instruments traded on the account that share the volatility "
                                    + "budget; set the same value on each (a sizer sees only its own instrument)")
                            .build(),
                    CommonParameters.targetVolatilityPercent("volatility budget of the universe: each instrument "
                            + "holds equity x (1/N) x target / its realised volatility; the harmonic mean of the "
                            + "instruments' volatilities gives fully invested inverse-volatility weights"),
                    CommonParameters.volatilityBars(),
                    CommonParameters.maxLeverage("caps the universe at this multiple of equity: each instrument "
                            + "holds at most maxLeverage / N x equity"),
                    CommonParameters.cashBufferPercent()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EnhancementKind kind() {
        return EnhancementKind.POSITION_SIZER;
    }

    @Override
    public Enhancement create(Parameters parameters) {
        return new RiskParitySizer(parameters.getInt(INSTRUMENT_COUNT),
                parameters.getDouble(TARGET_VOLATILITY_PERCENT) / 100, parameters.getInt(VOLATILITY_BARS),
                parameters.getDecimal(MAX_LEVERAGE), parameters.getDecimal(CASH_BUFFER_PERCENT));
    }
}
