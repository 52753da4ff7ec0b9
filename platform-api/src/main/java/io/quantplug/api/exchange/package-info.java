/**
 * Exchange adapters: plugins that connect the runtime to a venue for instrument metadata, historical and live data,
 * order execution and balances. Capabilities are declared, not assumed; a method outside them throws
 * {@link io.quantplug.api.exchange.UnsupportedCapabilityException}. An adapter with
 * {@link io.quantplug.api.exchange.ExchangeCapability#RAW_MARKET_STREAMS} also hands its market streams over
 * unchanged, for recording ({@link io.quantplug.api.exchange.ExchangeAdapter#connectRaw} and a
 * {@link io.quantplug.api.exchange.RawMarketListener}).
 *
 * <pre>{@code
 * ExchangeAdapter venue = provider.create(params);
 * if (venue.capabilities().contains(ExchangeCapability.HISTORICAL_BARS)) {
 *     List<Bar> bars = venue.historicalBars(id, Timeframe.H1, from, to);
 * }
 * }</pre>
 */
package io.quantplug.api.exchange;
