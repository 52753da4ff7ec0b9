package io.quantplug.api.strategy;

import io.quantplug.api.ExtensionProvider;

/**
 * Creates strategy instances. Register implementations in
 * {@code META-INF/services/io.quantplug.api.strategy.StrategyProvider}.
 */
public interface StrategyProvider extends ExtensionProvider {

    /**
     * Creates one strategy instance bound to a session.
     *
     * @param context what the instance may see and do; its {@link StrategyContext#parameters()} are already
     *                checked against {@link #descriptor()}'s schema
     * @return a new instance, never null
     * @throws io.quantplug.api.param.InvalidParameterException when the parameters are individually valid but
     *                                                           inconsistent (e.g. fast &ge; slow)
     */
    Strategy create(StrategyContext context);
}
