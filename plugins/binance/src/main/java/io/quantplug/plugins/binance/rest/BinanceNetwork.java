package io.quantplug.plugins.binance.rest;

/** Which Binance environment to use; the adapter defaults to {@link #TESTNET}, where no real money moves. */
public enum BinanceNetwork {
    /** Binance's test networks (spot testnet, USD&#9416;-M futures testnet). */
    TESTNET,
    /** The production exchange. */
    MAINNET;

    /**
     * The network named by the adapter parameter {@code network}.
     *
     * @param value {@code testnet} or {@code mainnet}
     * @return the network
     * @throws IllegalArgumentException for another value
     */
    public static BinanceNetwork of(String value) {
        return switch (value) {
            case "testnet" -> TESTNET;
            case "mainnet" -> MAINNET;
            default -> throw new IllegalArgumentException("network '" + value + "' must be testnet or mainnet");
        };
    }
}
