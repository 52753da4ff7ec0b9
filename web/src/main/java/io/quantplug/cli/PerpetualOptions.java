package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.app.PerpetualLegs;
import io.quantplug.app.PortfolioBooks;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.margin.FundingRates;
import io.quantplug.runtime.margin.FundingUnit;
import io.quantplug.runtime.margin.LeverageBrackets;
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
     * @return the same for spot; for usdm, the same filters with kind {@link io.quantplug.api.instrument.InstrumentKind#PERPETUAL}
     */
    Instrument instrument(Instrument spot) {
        return perpetual() ? PerpetualLegs.asPerpetual(spot) : spot;
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

    /**
     * The terms of a perpetual from option or YAML values, its funding checked against the bars.
     *
     * @param instrument  the perpetual
     * @param bars        its bars, at least one
     * @param leverage    the leverage
     * @param marginMode  {@code cross} or {@code isolated}, or null for cross
     * @param funding     the funding rates file, or null (refused)
     * @param fundingUnit {@code fraction}, {@code percent}, or null for the file's own
     * @param brackets    the leverage brackets file, or null for the default BTCUSDT table
     * @param key         how the values are named in messages: {@code --} for options, {@code instruments[1].}
     *                    for a YAML entry
     * @return the terms
     * @throws UserInputException naming the option or key at fault
     */
    static PerpetualTerms terms(Instrument instrument, List<Bar> bars, int leverage, String marginMode, Path funding,
                                String fundingUnit, Path brackets, String key) {
        boolean options = key.equals("--");
        List<String> keys = options ? List.of("--leverage", "--margin-mode", "--funding", "--leverage-brackets")
                : List.of(key + "leverage", key + "marginMode", key + "funding", key + "leverageBrackets");
        PortfolioBooks.Refusal refuse = (at, message) -> new UserInputException(at + ": " + message);
        if (funding == null) {
            throw new UserInputException(keys.get(2) + " is missing: a perpetual needs the recorded funding rates of "
                    + instrument.id().symbol() + " over the bars");
        }
        FundingUnit unit = PerpetualLegs.unit(fundingUnit, options ? "--funding-unit" : key + "fundingUnit", refuse);
        FundingRates rates;
        LeverageBrackets table;
        try {
            rates = FundingRates.read(UserInputException.requireDataFile(funding), unit);
            table = brackets == null ? null : LeverageBrackets.read(brackets, instrument.id().symbol());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        return PerpetualLegs.terms(instrument, bars, leverage, marginMode, rates, table, keys, refuse);
    }
}
