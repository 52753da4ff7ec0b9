package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.margin.FundingRates;
import io.quantplug.runtime.margin.FundingUnit;
import io.quantplug.runtime.margin.LeverageBrackets;
import io.quantplug.runtime.margin.MarginMode;
import io.quantplug.runtime.margin.PerpetualTerms;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options of a backtest on a USDⓈ-M perpetual: market, leverage, margin mode, funding rates and leverage
 * brackets. Without {@code --market usdm} none applies and the instrument is spot.
 */
final class PerpetualOptions {

    @Option(names = "--market", paramLabel = "MARKET", defaultValue = "spot",
            description = "spot (default: long only, no margin) or usdm: the bars are a Binance USDⓈ-M perpetual's,"
                    + " traded long and short on margin with funding and liquidation (see docs/perpetuals.md).")
    String market;

    @Option(names = "--leverage", paramLabel = "N", defaultValue = "1",
            description = "With --market usdm: the leverage, 1 to the symbol's limit (BTCUSDT: 125); default 1.")
    int leverage;

    @Option(names = "--margin-mode", paramLabel = "MODE", defaultValue = "cross",
            description = "With --market usdm: cross (default) or isolated.")
    String marginMode;

    @Option(names = "--funding", paramLabel = "FILE",
            description = "With --market usdm (required): the recorded funding rates covering the bars: CSV with"
                    + " timestamp and funding_rate columns, Binance's /fapi/v1/fundingRate JSON, or [time, rate]"
                    + " pairs with --funding-unit.")
    Path funding;

    @Option(names = "--funding-unit", paramLabel = "UNIT",
            description = "The unit of --funding's rates: fraction (0.0001 = 0.01 %, Binance's) or percent.")
    String fundingUnit;

    @Option(names = "--leverage-brackets", paramLabel = "FILE",
            description = "With --market usdm: the symbol's brackets as GET /fapi/v1/leverageBracket returns them"
                    + " (default for BTCUSDT: the table of Binance's FAQ; required for other symbols).")
    Path leverageBrackets;

    /**
     * Whether the run is on a perpetual.
     *
     * @return true for {@code --market usdm}
     * @throws UserInputException for a market other than spot or usdm, or perpetual options without usdm
     */
    boolean perpetual() {
        String m = market.toLowerCase(Locale.ROOT);
        if (!m.equals("spot") && !m.equals("usdm")) {
            throw new UserInputException("--market must be spot or usdm, got " + market);
        }
        boolean usdm = m.equals("usdm");
        if (!usdm && (funding != null || leverage != 1 || leverageBrackets != null || fundingUnit != null)) {
            throw new UserInputException("--leverage, --funding, --funding-unit and --leverage-brackets go with"
                    + " --market usdm: a spot account has no margin (and cannot short)");
        }
        return usdm;
    }

    /**
     * The instrument as the market trades it.
     *
     * @param spot the instrument resolved from the data
     * @return the same for spot; for usdm, the same filters with kind {@link InstrumentKind#PERPETUAL}
     */
    Instrument instrument(Instrument spot) {
        return perpetual() ? asPerpetual(spot) : spot;
    }

    /**
     * The terms of a perpetual run, its funding checked against the bars.
     *
     * @param instrument the instrument
     * @param bars       the bars, at least one
     * @return the terms, or null on spot
     * @throws UserInputException for a missing or unreadable funding file, rates that do not cover the bars, an
     *                            unknown unit or mode, brackets missing for the symbol, or a leverage above its limit
     */
    PerpetualTerms terms(Instrument instrument, List<Bar> bars) {
        if (!perpetual()) {
            return null;
        }
        return terms(instrument, bars, leverage, marginMode, funding, fundingUnit, leverageBrackets, "--");
    }

    /** The venue a perpetual is given when none is named: Binance's USDⓈ-M futures, apart from its spot pairs. */
    static final String USDM_VENUE = "BINANCE_USDM";

    /**
     * The terms of a perpetual from option or YAML values, its funding checked against the bars.
     *
     * @param instrument the perpetual
     * @param bars       its bars, at least one
     * @param leverage   the leverage
     * @param marginMode {@code cross} or {@code isolated}
     * @param funding    the funding rates file, or null (refused)
     * @param fundingUnit {@code fraction}, {@code percent}, or null for the file's own
     * @param brackets   the leverage brackets file, or null for the default BTCUSDT table
     * @param key        how the values are named in messages: {@code --} for options, {@code instruments[1].}
     *                   for a YAML entry
     * @return the terms
     * @throws UserInputException naming the option or key at fault
     */
    static PerpetualTerms terms(Instrument instrument, List<Bar> bars, int leverage, String marginMode, Path funding,
                                String fundingUnit, Path brackets, String key) {
        String funKey = key.equals("--") ? "--funding" : key + "funding";
        if (funding == null) {
            throw new UserInputException(funKey + " is missing: a perpetual needs the recorded funding rates of "
                    + instrument.id().symbol() + " over the bars");
        }
        MarginMode mode = switch (marginMode == null ? "cross" : marginMode.toLowerCase(Locale.ROOT)) {
            case "cross" -> MarginMode.CROSS;
            case "isolated" -> MarginMode.ISOLATED;
            default -> throw new UserInputException(name(key, "margin-mode", "marginMode") + " must be cross or"
                    + " isolated, got " + marginMode);
        };
        FundingUnit unit = fundingUnit == null ? null : switch (fundingUnit.toLowerCase(Locale.ROOT)) {
            case "fraction" -> FundingUnit.FRACTION;
            case "percent" -> FundingUnit.PERCENT;
            default -> throw new UserInputException(name(key, "funding-unit", "fundingUnit")
                    + " must be fraction or percent, got " + fundingUnit);
        };
        try {
            FundingRates rates = FundingRates.read(UserInputException.requireDataFile(funding), unit);
            rates.checkCovers(bars.get(0).openTimeMillis(), bars.get(bars.size() - 1).closeTimeMillis());
            String symbol = instrument.id().symbol();
            LeverageBrackets table = brackets != null ? LeverageBrackets.read(brackets, symbol)
                    : symbol.equals("BTCUSDT") ? LeverageBrackets.binanceBtcusdt() : null;
            if (table == null) {
                throw new UserInputException("a perpetual on " + symbol + " needs "
                        + name(key, "leverage-brackets", "leverageBrackets") + " FILE (the answer of"
                        + " GET /fapi/v1/leverageBracket?symbol=" + symbol + ")");
            }
            return new PerpetualTerms(leverage, mode, table, rates);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private static String name(String key, String option, String yamlKey) {
        return key.equals("--") ? "--" + option : key + yamlKey;
    }

    /**
     * A spot instrument's filters as a perpetual's.
     *
     * @param spot the instrument as resolved from the data
     * @return the same id and filters, kind {@link InstrumentKind#PERPETUAL}
     */
    static Instrument asPerpetual(Instrument spot) {
        return new Instrument(spot.id(), spot.baseAsset(), spot.quoteAsset(), spot.tickSize(), spot.lotSize(),
                spot.minQuantity(), spot.minNotional(), InstrumentKind.PERPETUAL);
    }
}
