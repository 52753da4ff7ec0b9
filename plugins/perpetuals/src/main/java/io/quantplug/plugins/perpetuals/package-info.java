/**
 * The {@code perpetuals} plugin: multi-instrument strategies (SPI 0.2.0) that trade a USDⓈ-M perpetual beside spot:
 * {@code funding-arbitrage}, a cash-and-carry on the funding rate, and {@code delta-hedger}, which keeps a base
 * asset's net delta within a band by trading the perpetual.
 */
package io.quantplug.plugins.perpetuals;
