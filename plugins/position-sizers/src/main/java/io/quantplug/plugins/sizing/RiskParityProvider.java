package io.quantplug.plugins.sizing;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code risk-parity}, naive risk parity (inverse-volatility weights) across a universe of {@code N}
 * instruments: each instrument's position gets an equal share of a volatility budget, so every instrument
 * contributes the same risk.
 * <pre>
 *   sigma_i    = realised annual volatility of instrument i ({@link RealisedVolatility}, n = volatilityBars)
 *   notional_i = equity x (1/N) x min(sigma_target / sigma_i, maxLeverage)      (sigma_i = 0: maxLeverage)
 * </pre>
 * then the spot cash cap and lot rounding of {@link EntryNotional}. The weight {@code w_i = notional_i / equity}
 * is proportional to {@code 1/sigma_i}, and {@code w_i x sigma_i = sigma_target / N} is the same for every
 * instrument: equal standalone risk. The whole universe holds at most {@code maxLeverage x equity}.
 *
 * <p>Source: Maillard, S., Roncalli, T. and Teïletche, J. (2010), "The Properties of Equally Weighted Risk
 * Contribution Portfolios", <i>Journal of Portfolio Management</i> 36(4), 60–70. Their equal risk contribution
 * (ERC) portfolio equalises {@code w_i (Sigma w)_i}; when every pairwise correlation is the same it reduces to the
 * inverse-volatility weights {@code w_i = sigma_i^-1 / sum_j sigma_j^-1}, the special case used here.
 *
 * <h2>What a sizer can see, and the budget form</h2>
 * A {@link io.quantplug.api.enhancement.SizingContext} shows the history of the signal's instrument only, and a session
 * trades one instrument, so the other instruments' volatilities (and the correlations full ERC needs) are out of reach.
 * The normalised weights {@code sigma_i^-1 / sum_j sigma_j^-1} are therefore replaced by the budget form above, which
 * needs only {@code sigma_i} and the configured count {@code N}: it gives the same weights, fully invested, when {@code
 * sigma_target} is the harmonic mean {@code N / sum_j sigma_j^-1} of the universe's volatilities, and otherwise runs
 * the universe at a chosen volatility instead of at 100 % of equity. With equal pairwise correlation {@code rho} the
 * universe's volatility is {@code sigma_target x sqrt((1 + (N - 1) rho) / N)}. Configure the same parameters on every
 * instrument of the universe; with {@code N = 1} this is {@code volatility-target}; it is made as a {@link
 * VolatilityTargetSizer} with a {@code 1/N} share.
 *
 * <p>No trade when equity is not positive or while the history is shorter than {@code volatilityBars + 1} bars.
 * The sizer is stateless; engine thread only.
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
        return new VolatilityTargetSizer(parameters.getDouble(TARGET_VOLATILITY_PERCENT) / 100,
                parameters.getInt(VOLATILITY_BARS), parameters.getDecimal(MAX_LEVERAGE),
                parameters.getDecimal(CASH_BUFFER_PERCENT), parameters.getInt(INSTRUMENT_COUNT));
    }
}
