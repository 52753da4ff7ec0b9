package io.quantplug.runtime.instrument;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.runtime.QuantplugException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known exchange rules (tick size, lot size, minimums) of instruments, by symbol. Immutable and thread-safe.
 */
public final class InstrumentCatalog {

    /** Quote assets recognised at the end of a symbol, longest first so that {@code FDUSD} wins over {@code USD}. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "EUR", "TRY",
            "BTC", "ETH", "BNB");

    private final String venue;
    private final Map<String, Instrument> bySymbol;

    private InstrumentCatalog(String venue, Map<String, Instrument> bySymbol) {
        this.venue = venue;
        this.bySymbol = Map.copyOf(bySymbol);
    }

    /**
     * Binance spot filters of a few liquid pairs, from a recorded {@code exchangeInfo} response (see the resource's
     * header for its source and date).
     *
     * @return the catalog of venue {@code BINANCE}
     */
    public static InstrumentCatalog binanceSpot() {
        Map<String, Instrument> map = new LinkedHashMap<>();
        String name = "binance-spot.csv";
        try (InputStream in = InstrumentCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new QuantplugException("instrument catalog resource missing: " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                InstrumentId id = InstrumentId.of(f[0], "BINANCE");
                map.put(f[0], new Instrument(id, f[1], f[2], new BigDecimal(f[3]), new BigDecimal(f[4]),
                        new BigDecimal(f[5]), new BigDecimal(f[6]), InstrumentKind.SPOT));
            }
        } catch (IOException e) {
            throw new QuantplugException("cannot read instrument catalog " + name + ": " + e.getMessage(), e);
        }
        return new InstrumentCatalog("BINANCE", map);
    }

    /**
     * The venue of this catalog.
     *
     * @return the venue code
     */
    public String venue() {
        return venue;
    }

    /**
     * Looks a symbol up.
     *
     * @param symbol e.g. {@code BTCUSDT}
     * @return the instrument, or empty when unknown
     */
    public Optional<Instrument> find(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /**
     * Splits a symbol into base and quote asset by a known quote suffix.
     *
     * @param symbol e.g. {@code ETHBTC}
     * @return {@code [base, quote]}, or empty when no known quote asset ends the symbol
     */
    public static Optional<String[]> splitSymbol(String symbol) {
        for (String q : QUOTES) {
            if (symbol.endsWith(q) && symbol.length() > q.length()) {
                return Optional.of(new String[] {symbol.substring(0, symbol.length() - q.length()), q});
            }
        }
        return Optional.empty();
    }
}
