package io.quantplug.plugins.binance;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.plugins.binance.rest.BinanceCredentials;
import io.quantplug.plugins.binance.rest.BinanceMarket;
import io.quantplug.plugins.binance.rest.BinanceNetwork;
import io.quantplug.plugins.binance.rest.BinanceRestClient;
import io.quantplug.plugins.binance.rest.BinanceTransport;
import io.quantplug.plugins.binance.rest.RestSettings;
import io.quantplug.plugins.binance.rest.ServerClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Provides the {@code binance} exchange adapter. Parameters: {@code market} ({@code spot} | {@code usdm}),
 * {@code network} ({@code testnet} | {@code mainnet}, default testnet), {@code restUrl} and {@code streamUrl}
 * (override the network's endpoints, e.g. a local test server; {@code streamUrl} is a base without a path, such as
 * {@code wss://stream.binance.com:9443}), {@code recvWindow} (1 to 60000 ms), {@code streams} (the market streams
 * {@code connect} opens: a comma-separated subset of {@code kline,trade,depth}, default all three) and
 * {@code bookLevels} (levels a side in each reported order book, 1 to 1000, default 10). Credentials come from the
 * environment ({@link BinanceCredentials#fromEnvironment}); without them the adapter offers market data only (no
 * orders, balances or user data stream).
 *
 * <p>Default stream URLs, from Binance's documents ("WebSocket Streams" of spot and its testnet, "Websocket Market
 * Streams" of USD&#9416;-M futures): spot {@code wss://stream.binance.com:9443}, spot testnet
 * {@code wss://stream.testnet.binance.vision}, USD&#9416;-M {@code wss://fstream.binance.com}, USD&#9416;-M testnet
 * {@code wss://fstream.binancefuture.com}.
 */
public final class BinanceAdapterProvider implements ExchangeAdapterProvider {

    /** The provider id. */
    public static final String ID = "binance";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor(ID, "Binance",
            "Binance spot and USD-M futures: instruments, historical klines, orders and balances over REST "
                    + "(testnet by default). API keys come from QUANTPLUG_BINANCE_API_KEY / _SECRET (or _FILE).",
            ParameterSchema.of(
                    ParameterSpec.choice("market", "spot", "usdm").defaultValue("spot")
                            .description("spot (/api/v3) or USD-M futures (/fapi)").build(),
                    ParameterSpec.choice("network", "testnet", "mainnet").defaultValue("testnet")
                            .description("Binance test network or the real exchange").build(),
                    ParameterSpec.string("restUrl").defaultValue("")
                            .description("REST base URL instead of the network's (empty: the network's)").build(),
                    ParameterSpec.string("streamUrl").defaultValue("")
                            .description("WebSocket base URL instead of the network's (empty: the network's)")
                            .build(),
                    ParameterSpec.integer("recvWindow").defaultValue(5000).range(1, 60000).unit("ms")
                            .description("how long a signed request stays valid after its timestamp").build(),
                    ParameterSpec.string("streams").defaultValue("kline,trade,depth")
                            .description("market streams to open on connect: comma-separated kline, trade, depth")
                            .build(),
                    ParameterSpec.integer("bookLevels").defaultValue(BinanceAdapter.DEFAULT_BOOK_LEVELS)
                            .range(1, 1000).unit("levels")
                            .description("levels a side in each order book reported from the depth stream").build()));

    private final UnaryOperator<String> environment;
    private final Clock clock;
    private final HttpClient http;

    /** Creates the provider on the process environment, the system clock and a new HTTP client. */
    public BinanceAdapterProvider() {
        this(System::getenv, Clock.systemUTC(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .build());
    }

    /**
     * Creates the provider with its collaborators (tests pass a fake environment).
     *
     * @param environment looks an environment variable up, null when unset
     * @param clock       the local clock
     * @param http        the HTTP client adapters share
     */
    public BinanceAdapterProvider(UnaryOperator<String> environment, Clock clock, HttpClient http) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidParameterException when {@code restUrl} or {@code streamUrl} is not an absolute http(s) or
     *                                   ws(s) URL, or {@code streams} names an unknown stream
     * @throws IllegalArgumentException  when the credentials in the environment are incomplete or unusable
     */
    @Override
    public ExchangeAdapter create(Parameters parameters) {
        BinanceMarket market = BinanceMarket.of(parameters.getString("market"));
        BinanceNetwork network = BinanceNetwork.of(parameters.getString("network"));
        URI restUrl = url(parameters, "restUrl", market.restUrl(network), "http");
        URI streamUrl = url(parameters, "streamUrl", market.streamUrl(network), "ws");
        RestSettings settings = RestSettings.defaults().withRecvWindow(parameters.getLong("recvWindow"));
        BinanceCredentials credentials = BinanceCredentials.fromEnvironment(environment).orElse(null);
        BinanceTransport transport = new BinanceTransport(http, restUrl, market, credentials, new ServerClock(clock),
                settings);
        return new BinanceAdapter(new BinanceRestClient(transport), streamUrl, http, System::nanoTime,
                MarketStreamKind.parse(parameters.getString("streams")), (int) parameters.getLong("bookLevels"));
    }

    private static URI url(Parameters parameters, String name, URI fallback, String scheme) {
        String text = parameters.getString(name).strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !uri.getScheme().startsWith(scheme) || uri.getHost() == null) {
                throw new InvalidParameterException(name, "parameter '" + name + "' = '" + text
                        + "' must be an absolute " + scheme + ":// or " + scheme + "s:// URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidParameterException(name, "parameter '" + name + "' = '" + text + "' is not a URL");
        }
    }
}
