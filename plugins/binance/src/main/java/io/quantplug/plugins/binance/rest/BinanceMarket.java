package io.quantplug.plugins.binance.rest;

import java.net.URI;

/**
 * Which Binance market an adapter trades: spot ({@code /api/v3}) or USD&#9416;-M futures ({@code /fapi}).
 *
 * <p>Base URLs, page sizes, request weights and rate limits are those of Binance's public REST documentation for
 * each market (spot: "General API Information", "LIMITS" and each endpoint's "Weight"; USD&#9416;-M futures: the
 * same sections of the derivatives documentation).
 */
public enum BinanceMarket {
    /** Spot: {@code https://api.binance.com}, testnet {@code https://testnet.binance.vision}. */
    SPOT("spot", "/api/v3", URI.create("https://api.binance.com"), URI.create("https://testnet.binance.vision"),
            URI.create("wss://stream.binance.com:9443"), URI.create("wss://stream.testnet.binance.vision"),
            1000, 6000, 50, "BINANCE"),
    /** USD&#9416;-M futures: {@code https://fapi.binance.com}, testnet {@code https://testnet.binancefuture.com}. */
    USDM("usdm", "/fapi/v1", URI.create("https://fapi.binance.com"), URI.create("https://testnet.binancefuture.com"),
            URI.create("wss://fstream.binance.com"), URI.create("wss://fstream.binancefuture.com"),
            1500, 2400, 300, "BINANCE_USDM");

    private final String parameterValue;
    private final String prefix;
    private final URI mainnetRest;
    private final URI testnetRest;
    private final URI mainnetStream;
    private final URI testnetStream;
    private final int maxKlines;
    private final int weightPerMinute;
    private final int ordersPer10Seconds;
    private final String venue;

    BinanceMarket(String parameterValue, String prefix, URI mainnetRest, URI testnetRest, URI mainnetStream,
                  URI testnetStream, int maxKlines, int weightPerMinute, int ordersPer10Seconds, String venue) {
        this.venue = venue;
        this.parameterValue = parameterValue;
        this.prefix = prefix;
        this.mainnetRest = mainnetRest;
        this.testnetRest = testnetRest;
        this.mainnetStream = mainnetStream;
        this.testnetStream = testnetStream;
        this.maxKlines = maxKlines;
        this.weightPerMinute = weightPerMinute;
        this.ordersPer10Seconds = ordersPer10Seconds;
    }

    /**
     * The market named by the adapter parameter {@code market}.
     *
     * @param value {@code spot} or {@code usdm}
     * @return the market
     * @throws IllegalArgumentException for another value
     */
    public static BinanceMarket of(String value) {
        for (BinanceMarket m : values()) {
            if (m.parameterValue.equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("market '" + value + "' must be spot or usdm");
    }

    /**
     * The value of the adapter parameter {@code market} for this market.
     *
     * @return {@code spot} or {@code usdm}
     */
    public String parameterValue() {
        return parameterValue;
    }

    /**
     * The venue code of this market's instrument ids: {@code BINANCE} for spot (as the runtime's instrument
     * catalog), {@code BINANCE_USDM} for USD&#9416;-M futures, so that {@code BTCUSDT} spot and perpetual differ.
     *
     * @return the venue code
     */
    public String venue() {
        return venue;
    }

    /**
     * The path of an endpoint of this market's main API version, e.g. {@code /api/v3/klines}.
     *
     * @param endpoint the endpoint name, e.g. {@code klines}
     * @return the absolute path
     */
    public String path(String endpoint) {
        return prefix + "/" + endpoint;
    }

    /**
     * The default REST base URL on a network.
     *
     * @param network testnet or mainnet
     * @return the base URL, without a trailing slash
     */
    public URI restUrl(BinanceNetwork network) {
        return network == BinanceNetwork.MAINNET ? mainnetRest : testnetRest;
    }

    /**
     * The default WebSocket market-stream base URL on a network (for the stream half of the adapter).
     *
     * @param network testnet or mainnet
     * @return the base URL, without a path
     */
    public URI streamUrl(BinanceNetwork network) {
        return network == BinanceNetwork.MAINNET ? mainnetStream : testnetStream;
    }

    /**
     * The most klines one request returns (spot 1000, USD&#9416;-M 1500).
     *
     * @return the page size
     */
    public int maxKlines() {
        return maxKlines;
    }

    /**
     * The documented {@code REQUEST_WEIGHT} limit per minute and IP (spot 6000, USD&#9416;-M 2400).
     *
     * @return weight units per minute
     */
    public int weightPerMinute() {
        return weightPerMinute;
    }

    /**
     * The documented {@code ORDERS} limit per 10 seconds and account (spot 50, USD&#9416;-M 300).
     *
     * @return orders per 10 seconds
     */
    public int ordersPer10Seconds() {
        return ordersPer10Seconds;
    }

    /**
     * The weight of one klines request of {@code limit} rows: spot 2; USD&#9416;-M 1 below 100 rows, 2 below 500,
     * 5 up to 1000 and 10 above.
     *
     * @param limit rows asked for
     * @return the request weight
     */
    public int klinesWeight(int limit) {
        if (this == SPOT) {
            return 2;
        }
        return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
    }
}
