package io.quantplug.api.risk;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.param.Parameters;

/**
 * Creates risk rule instances. Register implementations in
 * {@code META-INF/services/io.quantplug.api.risk.RiskRuleProvider}.
 */
public interface RiskRuleProvider extends ExtensionProvider {

    /**
     * Creates one rule instance.
     *
     * @param parameters checked against {@link #descriptor()}'s schema
     * @return a new rule
     * @throws io.quantplug.api.param.InvalidParameterException when the parameters are inconsistent
     */
    RiskRule create(Parameters parameters);
}
