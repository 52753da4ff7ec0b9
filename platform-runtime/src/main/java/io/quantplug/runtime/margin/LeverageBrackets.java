package io.quantplug.runtime.margin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A symbol's notional and leverage brackets: the initial and maintenance margin of a position by its notional.
 *
 * <p>The tiers are contiguous (each floor is the previous cap, the first floor 0) and their maintenance amounts obey
 * Binance's formula {@code cum_n = floor_n × (mmr_n − mmr_(n−1)) + cum_(n−1)}, {@code cum_1 = 0}; a table that breaks
 * either is refused. Sources: Binance, "Leverage and Margin of USDⓈ-M Futures" (initial margin = notional /
 * leverage; maintenance margin = notional × maintenance margin rate − maintenance amount) and "How to Calculate
 * Liquidation Price of USDⓈ-M Futures Contracts" (the maintenance amount). Immutable and thread-safe.
 */
public final class LeverageBrackets {

    /** The resource with Binance's BTCUSDT brackets that {@link #binanceBtcusdt()} reads. */
    static final String BTCUSDT_RESOURCE = "BTCUSDT-leverage-brackets.json";

    private final String symbol;
    private final List<LeverageBracket> brackets;

    /**
     * Checks and keeps a table.
     *
     * @param symbol   the symbol, e.g. {@code BTCUSDT}
     * @param brackets the tiers from the lowest notional, at least one
     * @throws IllegalArgumentException when the tiers are not contiguous from 0, or a maintenance amount breaks the
     *                                  formula above
     */
    public LeverageBrackets(String symbol, List<LeverageBracket> brackets) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.brackets = List.copyOf(brackets);
        if (this.brackets.isEmpty()) {
            throw new IllegalArgumentException(symbol + ": a bracket table needs at least one bracket");
        }
        LeverageBracket previous = null;
        for (LeverageBracket b : this.brackets) {
            BigDecimal floor = previous == null ? BigDecimal.ZERO : previous.notionalCap();
            if (b.notionalFloor().compareTo(floor) != 0) {
                throw new IllegalArgumentException(symbol + " bracket " + b.bracket() + ": notionalFloor "
                        + b.notionalFloor().toPlainString() + " should be " + floor.toPlainString()
                        + " (the previous bracket's cap)");
            }
            BigDecimal cum = previous == null ? BigDecimal.ZERO
                    : b.notionalFloor().multiply(b.maintMarginRatio().subtract(previous.maintMarginRatio()))
                    .add(previous.cum());
            if (b.cum().compareTo(cum) != 0) {
                throw new IllegalArgumentException(symbol + " bracket " + b.bracket() + ": cum " + b.cum().toPlainString()
                        + " should be " + cum.toPlainString() + " = floor x (mmr - previous mmr) + previous cum");
            }
            previous = b;
        }
    }

    /**
     * Binance's BTCUSDT table as its FAQ printed it in 2020–2021 (tiers 1–3 are those of the FAQ's worked examples;
     * Binance has changed the table since: give today's with {@link #read}).
     *
     * @return the table, from a resource of this module
     */
    public static LeverageBrackets binanceBtcusdt() {
        try (InputStream in = LeverageBrackets.class.getResourceAsStream(BTCUSDT_RESOURCE)) {
            return parse(Objects.requireNonNull(in, BTCUSDT_RESOURCE).readAllBytes(), "BTCUSDT", BTCUSDT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the answer of Binance's {@code GET /fapi/v1/leverageBracket}: one {@code {"symbol", "brackets"}} object,
     * or an array of them from which the symbol's is taken. Numbers may be JSON numbers or strings.
     *
     * @param file   the JSON file
     * @param symbol the symbol whose brackets to take
     * @return the table
     * @throws IllegalArgumentException naming the file when it cannot be read, is not such JSON, lacks the symbol,
     *                                  or holds a table {@link #LeverageBrackets(String, List)} refuses
     */
    public static LeverageBrackets read(Path file, String symbol) {
        try {
            return parse(Files.readAllBytes(file), symbol, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the leverage brackets: " + e.getMessage(), e);
        }
    }

    static LeverageBrackets parse(byte[] json, String symbol, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getMessage(), e);
        }
        JsonNode table = null;
        if (root != null && root.isArray()) {
            for (JsonNode n : root) {
                if (symbol.equals(n.path("symbol").asText())) {
                    table = n;
                }
            }
        } else if (root != null && symbol.equals(root.path("symbol").asText())) {
            table = root;
        }
        if (table == null || !table.path("brackets").isArray()) {
            throw new IllegalArgumentException(source + ": no \"brackets\" for symbol " + symbol
                    + " (expected the JSON of GET /fapi/v1/leverageBracket)");
        }
        List<LeverageBracket> brackets = new ArrayList<>();
        try {
            for (JsonNode b : table.path("brackets")) {
                brackets.add(new LeverageBracket(b.path("bracket").asInt(), b.path("initialLeverage").asInt(),
                        decimal(b, "notionalFloor", source), decimal(b, "notionalCap", source),
                        decimal(b, "maintMarginRatio", source), decimal(b, "cum", source)));
            }
            return new LeverageBrackets(symbol, brackets);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static BigDecimal decimal(JsonNode bracket, String field, String source) {
        JsonNode n = bracket.get(field);
        if (n == null || !(n.isNumber() || n.isTextual())) {
            throw new IllegalArgumentException("bracket " + bracket.path("bracket").asText() + " has no number \""
                    + field + "\"");
        }
        try {
            return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bracket " + bracket.path("bracket").asText() + ": \"" + field
                    + "\" is not a number: " + n.asText(), e);
        }
    }

    /**
     * The symbol.
     *
     * @return e.g. {@code BTCUSDT}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The tiers.
     *
     * @return from the lowest notional
     */
    public List<LeverageBracket> brackets() {
        return brackets;
    }

    /**
     * The tier a notional falls in.
     *
     * @param notional USDT, &ge; 0
     * @return the tier; the last one for a notional beyond every cap
     * @throws IllegalArgumentException when the notional is negative
     */
    public LeverageBracket bracketFor(BigDecimal notional) {
        if (notional.signum() < 0) {
            throw new IllegalArgumentException("notional must be >= 0, got " + notional.toPlainString());
        }
        for (LeverageBracket b : brackets) {
            if (b.contains(notional)) {
                return b;
            }
        }
        return brackets.get(brackets.size() - 1);
    }

    /**
     * The maintenance margin of a position: {@code N × mmr − cum} of the tier of {@code N}.
     *
     * @param notional the position's notional at the mark price, USDT, &ge; 0
     * @return USDT, exact
     */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return bracketFor(notional).maintenanceMargin(notional);
    }

    /**
     * The initial margin of a position: {@code notional / leverage} (Binance, "Leverage and Margin of USDⓈ-M
     * Futures"; its cost-to-open FAQ's example: 1 BTC long at 9,253.30 with 20x needs 462.66 USDT, the 462.665 of
     * this formula at cent precision).
     *
     * @param notional the position's notional, USDT, &ge; 0
     * @param leverage the leverage, 1 to {@link #maxLeverage()}
     * @return USDT, 34 significant digits
     * @throws IllegalArgumentException when the leverage is outside that range
     */
    public BigDecimal initialMargin(BigDecimal notional, int leverage) {
        checkLeverage(leverage);
        return notional.divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL128);
    }

    /**
     * The largest leverage the table allows at all: the first tier's.
     *
     * @return &ge; 1
     */
    public int maxLeverage() {
        return brackets.get(0).initialLeverage();
    }

    /**
     * The largest position notional a leverage may hold: the cap of the last tier whose initial leverage is at least
     * it (Binance's {@code maxNotionalValue} of a position at that leverage).
     *
     * @param leverage the leverage, 1 to {@link #maxLeverage()}
     * @return USDT
     * @throws IllegalArgumentException when the leverage is outside that range
     */
    public BigDecimal maxNotional(int leverage) {
        checkLeverage(leverage);
        BigDecimal cap = brackets.get(0).notionalCap();
        for (LeverageBracket b : brackets) {
            if (b.initialLeverage() >= leverage) {
                cap = b.notionalCap();
            }
        }
        return cap;
    }

    /**
     * Refuses a leverage the symbol does not offer.
     *
     * @param leverage the leverage asked for
     * @throws IllegalArgumentException naming the symbol and the allowed range
     */
    public void checkLeverage(int leverage) {
        if (leverage < 1 || leverage > maxLeverage()) {
            throw new IllegalArgumentException("leverage " + leverage + " is outside " + symbol + "'s limit: 1 to "
                    + maxLeverage());
        }
    }
}
