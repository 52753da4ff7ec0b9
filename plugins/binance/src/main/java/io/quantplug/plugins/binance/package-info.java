/**
 * The Binance exchange adapter plugin: spot and USD&#9416;-M futures over Binance's public REST and WebSocket APIs.
 *
 * <p>Sub-packages: {@code rest} (signed and public endpoints, request weight, server time) and {@code stream}
 * (market and user data streams, the local order book).
 */
package io.quantplug.plugins.binance;
