package io.quantplug.plugins.binance;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.exchange.UnsupportedCapabilityException;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.plugins.binance.rest.BinanceCredentials;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceAdapterProviderTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static BinanceAdapterProvider provider(Map<String, String> env) {
        return new BinanceAdapterProvider(env::get, Clock.systemUTC(), HTTP);
    }

    private static ExchangeAdapter create(BinanceAdapterProvider provider, Map<String, String> params) {
        return provider.create(provider.descriptor().parameters().resolve(params));
    }

    @Test
    void isRegisteredAsAServiceWithItsParameters() {
        List<String> ids = ServiceLoader.load(ExchangeAdapterProvider.class).stream()
                .map(p -> p.get().descriptor().id()).toList();
        assertThat(ids).contains("binance");
        assertThat(new BinanceAdapterProvider().descriptor().parameters().parameters())
                .extracting(p -> p.name()).containsExactly("market", "network", "restUrl", "streamUrl", "recvWindow", "streams",
                        "bookLevels");
        assertThat(new BinanceAdapterProvider().descriptor().parameters().defaults().asText())
                .containsEntry("market", "spot").containsEntry("network", "testnet")
                .containsEntry("recvWindow", "5000").containsEntry("streams", "kline,trade,depth")
                .containsEntry("bookLevels", "10");
    }

    @Test
    void withoutCredentialsOnlyMarketDataIsDeclared() {
        BinanceAdapter adapter = (BinanceAdapter) create(provider(Map.of()), Map.of());
        assertThat(adapter.capabilities()).containsExactlyInAnyOrder(ExchangeCapability.INSTRUMENTS,
                ExchangeCapability.HISTORICAL_BARS, ExchangeCapability.LIVE_BARS, ExchangeCapability.LIVE_TRADES,
                ExchangeCapability.LIVE_ORDER_BOOK, ExchangeCapability.RAW_MARKET_STREAMS);
        assertThat(adapter.streamUrl()).isEqualTo(URI.create("wss://stream.testnet.binance.vision"));
        assertThatThrownBy(adapter::balances).isInstanceOf(UnsupportedCapabilityException.class);
        assertThatThrownBy(() -> adapter.connect(List.of(InstrumentId.of("BTCUSDT", "BINANCE_USDM")), Timeframe.M1,
                new io.quantplug.plugins.binance.testserver.RecordingListener()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BINANCE_USDM");
    }

    @Test
    void withCredentialsOrdersAndBalancesAreDeclared() {
        ExchangeAdapter adapter = create(provider(Map.of(BinanceCredentials.API_KEY, "k",
                BinanceCredentials.API_SECRET, "s")), Map.of("market", "usdm", "network", "mainnet"));
        assertThat(adapter.capabilities()).contains(ExchangeCapability.ORDER_EXECUTION, ExchangeCapability.BALANCES,
                ExchangeCapability.LIVE_BARS);
        assertThat(((BinanceAdapter) adapter).streamUrl()).isEqualTo(URI.create("wss://fstream.binance.com"));
    }

    @Test
    void badParametersAreRefusedByName() {
        BinanceAdapterProvider provider = provider(Map.of());
        assertThatThrownBy(() -> create(provider, Map.of("recvWindow", "60001")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("recvWindow")
                .hasMessageContaining("60000");
        assertThatThrownBy(() -> create(provider, Map.of("market", "coinm")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("spot, usdm");
        assertThatThrownBy(() -> create(provider, Map.of("restUrl", "ftp://x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("restUrl");
        assertThatThrownBy(() -> create(provider, Map.of("streams", "kline,bookTicker")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("streams")
                .hasMessageContaining("bookTicker").hasMessageContaining("kline, trade, depth");
        assertThatThrownBy(() -> create(provider, Map.of("bookLevels", "1001")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("bookLevels")
                .hasMessageContaining("1000");
    }

    @Test
    void restUrlPointsTheAdapterAtTheTestServer() {
        try (BinanceTestServer server = BinanceTestServer.usdm(Fixtures.text(Fixtures.NAUTILUS_USDM_INFO))) {
            ExchangeAdapter adapter = create(provider(Map.of()), Map.of("market", "usdm",
                    "restUrl", server.url().toString()));
            assertThat(adapter.instruments()).extracting(i -> i.id().toString())
                    .containsExactly("BTCUSDT.BINANCE_USDM", "ETHUSDT.BINANCE_USDM", "BTCUSDT_220325.BINANCE_USDM");
        }
    }
}
