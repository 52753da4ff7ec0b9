package io.quantplug.plugins.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@code exchangeInfo} answer into {@link Instrument}s, following Binance's "Filters" documentation:
 * tick size from {@code PRICE_FILTER.tickSize}, lot size and minimum quantity from {@code LOT_SIZE.stepSize} and
 * {@code LOT_SIZE.minQty}, minimum notional from {@code NOTIONAL.minNotional} or {@code MIN_NOTIONAL.minNotional}
 * (spot) or {@code MIN_NOTIONAL.notional} (USD&#9416;-M).
 *
 * <p>Kind: spot symbols are {@link InstrumentKind#SPOT}; a USD&#9416;-M {@code contractType} {@code PERPETUAL} (or
 * another {@code *PERPETUAL}) is {@link InstrumentKind#PERPETUAL}, a dated one ({@code CURRENT_QUARTER},
 * {@code NEXT_QUARTER} ...) {@link InstrumentKind#FUTURE}. {@link Instrument} has no field for the delivery date,
 * margin asset or maintenance margin; they are not kept. USD&#9416;-M contracts are linear with one unit of the
 * base asset per contract (Binance publishes no {@code contractSize} for them; it does for COIN-M only).
 *
 * <p>Every status is kept ({@code TRADING}, {@code BREAK} ...), since past bars of a halted symbol are still
 * wanted. A symbol without a positive tick or lot size, or with an empty {@code contractType}, is skipped: no order
 * could be rounded for it.
 */
public final class ExchangeInfoParser {

    private ExchangeInfoParser() {
    }

    /**
     * Parses the instruments.
     *
     * @param exchangeInfo the answer of {@code GET /api/v3/exchangeInfo} or {@code GET /fapi/v1/exchangeInfo}
     * @param market       which market the answer is from (decides the venue code and the kind)
     * @return the instruments, in the answer's order
     */
    public static List<Instrument> parse(JsonNode exchangeInfo, BinanceMarket market) {
        List<Instrument> out = new ArrayList<>();
        for (JsonNode s : exchangeInfo.path("symbols")) {
            Instrument instrument = instrument(s, market);
            if (instrument != null) {
                out.add(instrument);
            }
        }
        return out;
    }

    private static Instrument instrument(JsonNode s, BinanceMarket market) {
        BigDecimal tick = null;
        BigDecimal step = null;
        BigDecimal minQty = BigDecimal.ZERO;
        BigDecimal minNotional = BigDecimal.ZERO;
        for (JsonNode f : s.path("filters")) {
            switch (f.path("filterType").asText()) {
                case "PRICE_FILTER" -> tick = decimal(f, "tickSize");
                case "LOT_SIZE" -> {
                    step = decimal(f, "stepSize");
                    minQty = orZero(decimal(f, "minQty"));
                }
                case "NOTIONAL", "MIN_NOTIONAL" -> {
                    BigDecimal n = f.has("minNotional") ? decimal(f, "minNotional") : decimal(f, "notional");
                    minNotional = orZero(n);
                }
                default -> {
                    // other filters (PERCENT_PRICE, ICEBERG_PARTS, MAX_NUM_ORDERS ...) have no Instrument field
                }
            }
        }
        if (tick == null || step == null || tick.signum() <= 0 || step.signum() <= 0) {
            return null;
        }
        InstrumentKind kind = InstrumentKind.SPOT;
        if (market == BinanceMarket.USDM) {
            String contractType = s.path("contractType").asText("");
            if (contractType.isEmpty()) {
                return null;
            }
            kind = contractType.endsWith("PERPETUAL") ? InstrumentKind.PERPETUAL : InstrumentKind.FUTURE;
        }
        return new Instrument(InstrumentId.of(s.path("symbol").asText(), market.venue()),
                s.path("baseAsset").asText(), s.path("quoteAsset").asText(), tick, step, minQty, minNotional, kind);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : new BigDecimal(v.asText());
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null || v.signum() < 0 ? BigDecimal.ZERO : v;
    }
}
