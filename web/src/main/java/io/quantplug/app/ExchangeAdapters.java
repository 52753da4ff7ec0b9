package io.quantplug.app;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.param.Parameters;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opens an exchange adapter a user named ({@code --exchange ID --exchange-param k=v}) from the loaded plugins and
 * checks that it can do what the command needs. Every refusal is a {@link UserInputException} naming the adapter id,
 * the parameter or the capability.
 */
public final class ExchangeAdapters {

    private ExchangeAdapters() {
    }

    /**
     * Creates an adapter with the user's parameters, checked against the provider's schema.
     *
     * @param catalog    the loaded extensions
     * @param id         the provider id, e.g. {@code binance}
     * @param parameters the user's {@code k=v} values by name (defaults fill the rest)
     * @param needed     the capabilities the command uses
     * @return the adapter; the caller closes it
     * @throws UserInputException when no adapter has the id (the message lists the loaded ones), a parameter is
     *                            unknown or out of its domain (named, with the allowed values; {@link
     *                            io.quantplug.api.param.InvalidParameterException}), or the adapter lacks
     *                            a needed capability (named, with the ones it declares); a refused adapter is closed
     */
    public static ExchangeAdapter open(ExtensionCatalog catalog, String id, Map<String, String> parameters,
                                       Set<ExchangeCapability> needed) {
        ExchangeAdapterProvider provider = catalog.exchangeAdapter(id).orElseThrow(() -> {
            List<String> ids = catalog.ids(ExtensionKind.EXCHANGE_ADAPTER);
            return new UserInputException("--exchange: no exchange adapter '" + id + "'; " + (ids.isEmpty()
                    ? "no exchange adapter is loaded (check --plugins-dir)" : "available: " + String.join(", ", ids)));
        });
        ExchangeAdapter adapter;
        try {
            Parameters resolved = provider.descriptor().parameters().resolve(parameters);
            adapter = provider.create(resolved);
        } catch (IllegalArgumentException e) { // InvalidParameterException, or the provider's own refusal
            throw new UserInputException("--exchange-param of '" + id + "': " + e.getMessage());
        }
        Set<ExchangeCapability> missing = new TreeSet<>(needed);
        missing.removeAll(adapter.capabilities());
        if (!missing.isEmpty()) {
            List<String> declared = new ArrayList<>();
            adapter.capabilities().stream().sorted().forEach(c -> declared.add(c.name()));
            close(adapter);
            throw new UserInputException("exchange adapter '" + id + "' cannot do this: it does not declare "
                    + missing + " (it declares " + (declared.isEmpty() ? "nothing" : String.join(", ", declared))
                    + ")");
        }
        return adapter;
    }

    /**
     * The instrument an adapter lists under a symbol.
     *
     * @param adapter  the adapter
     * @param exchange its id, for the message
     * @param symbol   the symbol as the exchange lists it, e.g. {@code BTCUSDT}
     * @return the instrument, with the exchange's tick size, lot size and minimums
     * @throws UserInputException naming {@code --symbol}, the count listed and up to five similar symbols, when the
     *                            adapter lists no such symbol
     */
    public static Instrument instrument(ExchangeAdapter adapter, String exchange, String symbol) {
        List<Instrument> listed = adapter.instruments();
        for (Instrument i : listed) {
            if (i.id().symbol().equals(symbol)) {
                return i;
            }
        }
        List<String> like = listed.stream().map(i -> i.id().symbol())
                .filter(s -> s.contains(symbol.toUpperCase(Locale.ROOT))).sorted().limit(5).toList();
        throw new UserInputException("--symbol: exchange '" + exchange + "' lists no instrument '" + symbol + "' ("
                + listed.size() + " listed" + (like.isEmpty() ? "" : "; similar: " + String.join(", ", like)) + ")");
    }

    private static void close(ExchangeAdapter adapter) {
        try {
            adapter.close();
        } catch (RuntimeException ignored) {
            // refused before use; nothing it holds matters to the user's error
        }
    }
}
