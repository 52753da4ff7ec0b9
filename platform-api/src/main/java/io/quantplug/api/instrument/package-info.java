/**
 * Tradable instruments and the exchange rules that orders must respect: tick size, lot size, minimum notional.
 *
 * <pre>{@code
 * Instrument btc = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT",
 *         new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));
 * BigDecimal qty = btc.roundQuantityDown(new BigDecimal("0.123456"));   // 0.12345
 * }</pre>
 */
package io.quantplug.api.instrument;
