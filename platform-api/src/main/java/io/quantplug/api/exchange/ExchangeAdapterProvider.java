package io.quantplug.api.exchange;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.param.Parameters;

/**
 * Creates exchange adapters. Register implementations in
 * {@code META-INF/services/io.quantplug.api.exchange.ExchangeAdapterProvider}. Credentials are never parameters:
 * adapters read them from the environment or a secret file named by a parameter.
 */
public interface ExchangeAdapterProvider extends ExtensionProvider {

    /**
     * Creates one adapter; it does not connect until {@link ExchangeAdapter#connect} is called.
     *
     * @param parameters checked against {@link #descriptor()}'s schema
     * @return a new adapter
     */
    ExchangeAdapter create(Parameters parameters);
}
