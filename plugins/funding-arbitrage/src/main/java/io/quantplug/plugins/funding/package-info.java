/**
 * The {@code funding-arbitrage} plugin: a cash-and-carry strategy on a USDⓈ-M perpetual's funding rate, trading a
 * spot instrument and its perpetual together (a multi-instrument strategy, SPI 0.2.0).
 */
package io.quantplug.plugins.funding;
