package io.quantplug.api.strategy;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.param.Parameters;

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

    /**
     * How many closed bars an instance needs to see before its signals mean anything (its indicators' longest
     * look-back): a paper or live session fetches this many bars of history and lets the strategy see them, without
     * trading on them, before the market's bars, unless the user asks for another number.
     *
     * @param parameters the instance's parameters, checked against {@link #descriptor()}'s schema
     * @return bars, &ge; 0; the default, 0, asks for no history
     */
    default int warmUpBars(Parameters parameters) {
        return 0;
    }
}
