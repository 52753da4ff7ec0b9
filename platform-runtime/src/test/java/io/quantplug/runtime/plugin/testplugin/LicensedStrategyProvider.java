package io.quantplug.runtime.plugin.testplugin;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

/** A provider whose constructor throws, as one checking a licence at creation would. */
public final class LicensedStrategyProvider implements StrategyProvider {

    /** Throws. */
    public LicensedStrategyProvider() {
        throw new IllegalStateException("licence file missing");
    }

    @Override
    public ExtensionDescriptor descriptor() {
        throw new AssertionError("never created");
    }

    @Override
    public Strategy create(StrategyContext context) {
        throw new AssertionError("never created");
    }
}
