package io.quantplug.runtime.plugin.testplugin;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

/** A strategy provider packed into test plugin jars; its strategy does nothing. */
public final class EchoStrategyProvider implements StrategyProvider {

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor("echo", "Echo", "Does nothing; used to test plugin loading.",
                ParameterSchema.empty());
    }

    @Override
    public Strategy create(StrategyContext context) {
        return bar -> { };
    }
}
