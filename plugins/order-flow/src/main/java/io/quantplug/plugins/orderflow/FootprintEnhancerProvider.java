package io.quantplug.plugins.orderflow;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code footprint}: a signal enhancer that scores entries by the footprint their strategy attached
 * ({@link FootprintScores}) and drops those the bar's aggression contradicts. See {@link FootprintEnhancer}.
 * Listed in {@code META-INF/services/io.quantplug.api.enhancement.EnhancementProvider}. Ranges are inclusive.
 * Stateless and thread-safe.
 */
public final class FootprintEnhancerProvider implements EnhancementProvider {

    /** The enhancer's id. */
    public static final String ID = "footprint";
    /** Parameter: the least agreement (directional delta over volume) an entry needs. */
    public static final String MIN_AGREEMENT = "minAgreement";
    /** Parameter: the least net diagonal imbalances in the entry's direction. */
    public static final String MIN_NET_IMBALANCES = "minNetImbalances";
    /** Parameter: whether an entry without footprint scores is dropped. */
    public static final String REQUIRE_FOOTPRINT = "requireFootprint";
    /** Parameter: whether an entry against the last completed bar's absorption is dropped. */
    public static final String VETO_ABSORPTION = "vetoAbsorption";
    /** Parameter: whether a passed entry's strength is scaled by the agreement. */
    public static final String SCALE_STRENGTH = "scaleStrength";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor(ID, "Footprint",
            "Scores entry signals by the footprint of the current bar their strategy attached (delta over volume in "
                    + "the entry's direction, net diagonal imbalances, the last bar's absorption) and drops entries "
                    + "the bar's aggression contradicts. Exits pass unchanged.",
            ParameterSchema.of(
                    ParameterSpec.decimal(MIN_AGREEMENT).defaultValue(-1).range(-1, 1)
                            .description("entries whose agreement, the bar's delta over its volume signed by the "
                                    + "entry's direction, is below this are dropped; -1 only annotates").build(),
                    ParameterSpec.integer(MIN_NET_IMBALANCES).defaultValue(-1000).range(-1000, 1000).unit("bins")
                            .description("entries with fewer diagonal imbalances in their direction minus those "
                                    + "against it are dropped; -1000 only annotates").build(),
                    ParameterSpec.bool(REQUIRE_FOOTPRINT).defaultValue(false)
                            .description("drop entries that carry no footprint scores; otherwise they pass "
                                    + "unchanged").build(),
                    ParameterSpec.bool(VETO_ABSORPTION).defaultValue(false)
                            .description("drop a LONG when the last completed bar showed offers absorbing buying, "
                                    + "a SHORT when it showed bids absorbing selling").build(),
                    ParameterSpec.bool(SCALE_STRENGTH).defaultValue(false)
                            .description("multiply a passed entry's strength by (1 + agreement) / 2").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EnhancementKind kind() {
        return EnhancementKind.SIGNAL_ENHANCER;
    }

    @Override
    public Enhancement create(Parameters parameters) {
        return new FootprintEnhancer(parameters.getDouble(MIN_AGREEMENT), parameters.getInt(MIN_NET_IMBALANCES),
                parameters.getBoolean(REQUIRE_FOOTPRINT), parameters.getBoolean(VETO_ABSORPTION),
                parameters.getBoolean(SCALE_STRENGTH));
    }
}
