package io.quantplug.plugins.sizing;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code volatility-target}: a position whose expected annual volatility is a target, from the instrument's
 * realised volatility, capped by a maximum leverage. See {@link VolatilityTargetSizer} for the formula.
 */
public final class VolatilityTargetProvider implements EnhancementProvider {

    /** Parameter: the target annual volatility of the position, percent. */
    public static final String TARGET_VOLATILITY_PERCENT = CommonParameters.TARGET_VOLATILITY_PERCENT;
    /** Parameter: returns in the realised volatility. */
    public static final String VOLATILITY_BARS = CommonParameters.VOLATILITY_BARS;
    /** Parameter: the largest notional as a multiple of equity. */
    public static final String MAX_LEVERAGE = CommonParameters.MAX_LEVERAGE;
    /** Parameter: the share of cash a spot buy leaves unspent, percent. */
    public static final String CASH_BUFFER_PERCENT = CommonParameters.CASH_BUFFER_PERCENT;

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("volatility-target",
            "Volatility target",
            "Holds equity x target volatility / realised volatility of the instrument (close to close, annualised), "
                    + "capped by a maximum leverage (Harvey et al. 2018).",
            ParameterSchema.of(
                    CommonParameters.targetVolatilityPercent("annual volatility the position should run at: "
                            + "notional = equity x target / realised volatility"),
                    CommonParameters.volatilityBars(),
                    CommonParameters.maxLeverage("caps the notional at this multiple of equity, which decides "
                            + "when realised volatility is below the target (or zero)"),
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
        return new VolatilityTargetSizer(parameters.getDouble(TARGET_VOLATILITY_PERCENT) / 100,
                parameters.getInt(VOLATILITY_BARS), parameters.getDecimal(MAX_LEVERAGE),
                parameters.getDecimal(CASH_BUFFER_PERCENT));
    }
}
