package io.quantplug.app;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refusals of {@code --exchange} and {@code --exchange-param}, each naming what is wrong. */
class ExchangeAdaptersTest {

    private static final Set<ExchangeCapability> DOWNLOAD = EnumSet.of(ExchangeCapability.INSTRUMENTS,
            ExchangeCapability.HISTORICAL_BARS);

    private final List<StubAdapter> created = new ArrayList<>();

    private ExchangeAdapterProvider provider(String id, Set<ExchangeCapability> capabilities) {
        return new ExchangeAdapterProvider() {
            @Override
            public ExtensionDescriptor descriptor() {
                return new ExtensionDescriptor(id, id, "a stub venue", ParameterSchema.of(
                        ParameterSpec.choice("market", "spot", "usdm").defaultValue("spot")
                                .description("market").build()));
            }

            @Override
            public ExchangeAdapter create(Parameters parameters) {
                StubAdapter a = new StubAdapter(capabilities, 0);
                created.add(a);
                return a;
            }
        };
    }

    private ExtensionCatalog catalog() {
        return ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.EXCHANGE_ADAPTER, provider("full", DOWNLOAD), "p1"),
                new ExtensionInfo(ExtensionKind.EXCHANGE_ADAPTER,
                        provider("tickers", EnumSet.of(ExchangeCapability.INSTRUMENTS)), "p2")));
    }

    @Test
    void unknownIdListsTheLoadedAdapters() {
        assertThatThrownBy(() -> ExchangeAdapters.open(catalog(), "kraken", Map.of(), DOWNLOAD))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--exchange: no exchange adapter 'kraken'; available: full, tickers");
        assertThatThrownBy(() -> ExchangeAdapters.open(ExtensionCatalog.of(List.of()), "kraken", Map.of(), DOWNLOAD))
                .hasMessage("--exchange: no exchange adapter 'kraken'; no exchange adapter is loaded"
                        + " (check --plugins-dir)");
    }

    @Test
    void parametersAreCheckedAgainstTheProvidersSchema() {
        assertThatThrownBy(() -> ExchangeAdapters.open(catalog(), "full", Map.of("market", "coin"), DOWNLOAD))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--exchange-param of 'full': parameter 'market' = 'coin'")
                .hasMessageEndingWith("allowed one of spot, usdm");
        assertThatThrownBy(() -> ExchangeAdapters.open(catalog(), "full", Map.of("net", "x"), DOWNLOAD))
                .hasMessage("--exchange-param of 'full': unknown parameter 'net'; known parameters: market");
        assertThat(created).isEmpty();
    }

    @Test
    void anAdapterWithoutHistoricalBarsIsRefusedWithItsIdAndClosed() {
        assertThatThrownBy(() -> ExchangeAdapters.open(catalog(), "tickers", Map.of(), DOWNLOAD))
                .isInstanceOf(UserInputException.class)
                .hasMessage("exchange adapter 'tickers' cannot do this: it does not declare [HISTORICAL_BARS]"
                        + " (it declares INSTRUMENTS)");
        assertThat(created).singleElement().satisfies(a -> assertThat(a.closed).isTrue());

        ExchangeAdapter ok = ExchangeAdapters.open(catalog(), "full", Map.of("market", "usdm"), DOWNLOAD);
        assertThat(ok.capabilities()).containsAll(DOWNLOAD);
    }
}
