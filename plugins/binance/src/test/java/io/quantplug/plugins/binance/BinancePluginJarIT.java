package io.quantplug.plugins.binance;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.plugins.binance.testserver.KlineArchive;
import io.quantplug.plugins.binance.testserver.RecordingListener;
import io.quantplug.testkit.PluginJar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built (shaded) plugin jar loaded through the platform's plugin host, with no Resilience4j on this test's class
 * path (failsafe configuration): the provider from the plugin's class loader lists the instruments of the full spot
 * exchangeInfo capture served by the local test server, and its adapter connects to the test exchange's kline stream
 * (so the jar bundles what the streams need: the stream classes, Jackson, Resilience4j's backoff).
 */
class BinancePluginJarIT {

    private static Path jar() {
        Path jar = Path.of(System.getProperty("binance.jar", "target/binance-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the plugin jar; run 'mvn verify', which packages it first").exists();
        return jar;
    }

    @Test
    void theJarBundlesJacksonAndResilience4jButNotTheApi() throws IOException {
        List<String> entries;
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(new String(zip.getInputStream(zip.getEntry(
                    "META-INF/services/io.quantplug.api.exchange.ExchangeAdapterProvider")).readAllBytes()).strip())
                    .isEqualTo(BinanceAdapterProvider.class.getName());
        }
        assertThat(entries).contains("io/quantplug/plugins/binance/BinanceAdapterProvider.class",
                "io/github/resilience4j/retry/Retry.class", "io/github/resilience4j/ratelimiter/RateLimiter.class",
                "com/fasterxml/jackson/databind/ObjectMapper.class",
                "io/quantplug/sdk/marketdata/binance/MarketStreamDecoder.class");
        for (String provided : List.of("io/quantplug/api/", "io/quantplug/sdk/", "io/quantplug/runtime/",
                "org/pf4j/", "org/slf4j/")) {
            // sdk-marketdata is bundled like any library; the sdk itself is provided
            assertThat(entries).as("nothing under %s", provided).noneMatch(e -> e.startsWith(provided)
                    && !e.equals("io/quantplug/sdk/") && !e.startsWith("io/quantplug/sdk/marketdata/"));
        }
        assertThatThrownBy(() -> Class.forName("io.github.resilience4j.retry.Retry"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theLoadedProviderListsInstrumentsFromTheTestServer() {
        String body = Fixtures.cryptofeedBodies(Fixtures.CRYPTOFEED_SPOT)
                .get("https://api.binance.com/api/v3/exchangeInfo");
        try (BinanceTestServer server = BinanceTestServer.spot(body); PluginJar plugin = PluginJar.load(jar())) {
            assertThat(plugin.info().id()).isEqualTo("binance");
            ExchangeAdapterProvider provider = plugin.catalog().exchangeAdapter("binance").orElseThrow();
            assertThat(provider.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            try (ExchangeAdapter adapter = provider.create(provider.descriptor().parameters()
                    .resolve(Map.of("restUrl", server.url().toString())))) {
                List<Instrument> instruments = adapter.instruments();
                assertThat(instruments).hasSize(1695);
                Instrument nkn = instruments.stream().filter(i -> i.id().symbol().equals("NKNUSDT")).findFirst()
                        .orElseThrow();
                assertThat(nkn.tickSize()).isEqualByComparingTo("0.0001");
                assertThat(nkn.minNotional()).isEqualByComparingTo("10");
            }
            assertThat(server.requests()).extracting(BinanceTestServer.Received::path)
                    .containsExactly("/api/v3/exchangeInfo");
        }
    }

    @Test
    void theLoadedAdapterConnectsAndReceivesABar() {
        long from = Instant.parse("2022-06-20T00:00:00Z").toEpochMilli();
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().klines("BTCUSDT", Fixtures.BTC_2022, from)
                .barsPerSecond(20).start(); PluginJar plugin = PluginJar.load(jar())) {
            ExchangeAdapterProvider provider = plugin.catalog().exchangeAdapter("binance").orElseThrow();
            RecordingListener listener = new RecordingListener();
            try (ExchangeAdapter adapter = provider.create(provider.descriptor().parameters()
                    .resolve(exchange.adapterParameters()))) {
                adapter.connect(List.of(InstrumentId.of("BTCUSDT", "BINANCE")), Timeframe.M1, listener);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (listener.bars.isEmpty()) {
                    assertThat(System.nanoTime()).as("a bar within 30 s").isLessThan(deadline);
                    LockSupport.parkNanos(5_000_000);
                }
            }
            KlineArchive.Row first = exchange.streams().klineFeeds().get(0).rows().get(0);
            Bar bar = listener.bars.get(0);
            assertThat(bar.openTimeMillis()).isEqualTo(from).isEqualTo(first.openTime());
            assertThat(bar.close()).isEqualTo(Double.parseDouble(first.close()));
            assertThat(listener.connection).first().asString().startsWith("up: market stream");
        }
    }
}
