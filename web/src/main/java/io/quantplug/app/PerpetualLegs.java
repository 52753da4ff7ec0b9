package io.quantplug.app;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.margin.FundingRates;
import io.quantplug.runtime.margin.FundingUnit;
import io.quantplug.runtime.margin.LeverageBrackets;
import io.quantplug.runtime.margin.MarginMode;
import io.quantplug.runtime.margin.PerpetualTerms;

import java.util.List;
import java.util.Locale;

/**
 * What the command line ({@code --market usdm}, a portfolio file's {@code market: usdm}) and the API (a portfolio
 * instrument's {@code market}) share when a leg is a USDⓈ-M perpetual: its venue, its instrument kind, and its
 * {@link PerpetualTerms} checked against its bars. A refusal names the key at fault through the caller's
 * {@link PortfolioBooks.Refusal}. Stateless.
 */
public final class PerpetualLegs {

    /** The venue a perpetual is given when none is named: Binance's USDⓈ-M futures, apart from its spot pairs. */
    public static final String USDM_VENUE = "BINANCE_USDM";

    private PerpetualLegs() {
    }

    /**
     * Whether a market name is a perpetual's.
     *
     * @param market {@code spot}, {@code usdm}, or null (spot)
     * @param key    the key, for the message
     * @param refuse makes the exception
     * @return true for {@code usdm}
     * @throws RuntimeException the refusal's, for any other name
     */
    public static boolean perpetual(String market, String key, PortfolioBooks.Refusal refuse) {
        if (market == null) {
            return false;
        }
        return switch (market.strip().toLowerCase(Locale.ROOT)) {
            case "spot" -> false;
            case "usdm" -> true;
            default -> throw refuse.at(key, "market must be spot or usdm, got " + market);
        };
    }

    /**
     * A spot instrument's filters as a perpetual's.
     *
     * @param spot the instrument as resolved from the data
     * @return the same id and filters, kind {@link InstrumentKind#PERPETUAL}
     */
    public static Instrument asPerpetual(Instrument spot) {
        return new Instrument(spot.id(), spot.baseAsset(), spot.quoteAsset(), spot.tickSize(), spot.lotSize(),
                spot.minQuantity(), spot.minNotional(), InstrumentKind.PERPETUAL);
    }

    /**
     * The unit of funding rates from its name.
     *
     * @param unit   {@code fraction}, {@code percent}, or null for the data's own
     * @param key    the key, for the message
     * @param refuse makes the exception
     * @return the unit, or null
     */
    public static FundingUnit unit(String unit, String key, PortfolioBooks.Refusal refuse) {
        if (unit == null) {
            return null;
        }
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "fraction" -> FundingUnit.FRACTION;
            case "percent" -> FundingUnit.PERCENT;
            default -> throw refuse.at(key, "the funding unit must be fraction or percent, got " + unit);
        };
    }

    /**
     * The terms of a perpetual leg, its funding checked against its bars.
     *
     * @param instrument the perpetual
     * @param bars       its bars, at least one
     * @param leverage   the leverage, or null for 1
     * @param marginMode {@code cross} (or null) or {@code isolated}
     * @param funding    its recorded funding rates
     * @param brackets   its leverage brackets, or null for the default BTCUSDT table (refused for another symbol)
     * @param keys       the keys of leverage, margin mode, funding and brackets, in that order, for messages
     * @param refuse     makes the exception
     * @return the terms
     * @throws RuntimeException the refusal's: an unknown margin mode, rates that do not cover the bars, brackets
     *                          missing for the symbol, a leverage outside its limit
     */
    public static PerpetualTerms terms(Instrument instrument, List<Bar> bars, Integer leverage, String marginMode,
                                       FundingRates funding, LeverageBrackets brackets, List<String> keys,
                                       PortfolioBooks.Refusal refuse) {
        MarginMode mode = switch (marginMode == null ? "cross" : marginMode.strip().toLowerCase(Locale.ROOT)) {
            case "cross" -> MarginMode.CROSS;
            case "isolated" -> MarginMode.ISOLATED;
            default -> throw refuse.at(keys.get(1), "margin mode must be cross or isolated, got " + marginMode);
        };
        try {
            funding.checkCovers(bars.get(0).openTimeMillis(), bars.get(bars.size() - 1).closeTimeMillis());
        } catch (IllegalArgumentException e) {
            throw refuse.at(keys.get(2), e.getMessage());
        }
        String symbol = instrument.id().symbol();
        LeverageBrackets table = brackets != null ? brackets
                : symbol.equals("BTCUSDT") ? LeverageBrackets.binanceBtcusdt() : null;
        if (table == null) {
            throw refuse.at(keys.get(3), "a perpetual on " + symbol + " needs its leverage brackets (the answer of"
                    + " GET /fapi/v1/leverageBracket?symbol=" + symbol + ")");
        }
        try {
            return new PerpetualTerms(leverage == null ? 1 : leverage, mode, table, funding);
        } catch (IllegalArgumentException e) {
            throw refuse.at(keys.get(0), e.getMessage());
        }
    }
}
