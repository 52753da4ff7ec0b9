package io.quantplug.runtime.backtest;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

import java.math.BigDecimal;
import java.math.MathContext;

/** A test sizer: an entry worth {@code fraction} of the account's equity at the reference price. */
final class EquityFractionSizerProvider implements EnhancementProvider {

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor("equity-fraction", "Equity fraction", "Sizes to a fraction of equity.",
                ParameterSchema.of(ParameterSpec.decimal("fraction").defaultValue("0.25").range(0, 1)
                        .description("share of equity").build()));
    }

    @Override
    public EnhancementKind kind() {
        return EnhancementKind.POSITION_SIZER;
    }

    @Override
    public Enhancement create(Parameters parameters) {
        BigDecimal fraction = parameters.getDecimal("fraction");
        return (PositionSizer) (signal, context) -> context.portfolio().equity().multiply(fraction)
                .divide(BigDecimal.valueOf(context.referencePrice()), MathContext.DECIMAL64);
    }
}
