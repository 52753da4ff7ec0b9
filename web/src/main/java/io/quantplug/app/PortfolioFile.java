package io.quantplug.app;

import io.quantplug.runtime.backtest.ExtensionRef;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The YAML file of {@code quantplug backtest --config}, as written (see {@code docs/portfolio-backtests.md}): the
 * account, the instruments (bar files, relative to the YAML file's folder), the strategies, and the aggregation,
 * enhancers, sizer and risk rules. Parameter values are kept as text, as {@code --param k=v} gives them.
 *
 * @param capital     initial capital in the quote asset, or null for 10,000
 * @param feeBps      fee per fill in bps, or null for 10
 * @param slippageBps slippage in bps, or null for 0
 * @param instruments the bar files, at least one
 * @param strategies  the strategies, at least one
 * @param aggregation how the strategies on one instrument share it, or null for each on its own
 * @param enhancers   signal enhancers, or null for none
 * @param sizer       the position sizer, or null to invest the signal's strength times the available cash
 * @param riskRules   risk rules, or null for none
 */
public record PortfolioFile(BigDecimal capital, BigDecimal feeBps, BigDecimal slippageBps, List<InstrumentEntry> instruments,
                     List<StrategyEntry> strategies, AggregationEntry aggregation, List<ExtensionEntry> enhancers,
                     ExtensionEntry sizer, List<ExtensionEntry> riskRules) {

    /**
     * One bar file.
     *
     * @param data         the bar file, relative to the YAML file's folder (or absolute)
     * @param symbol       the symbol, or null to take it from the file name
     * @param venue        the venue, or null for {@code BINANCE}
     * @param tickSize     the tick size, or null for the data's finest price step
     * @param lotSize      the lot size, or null for Binance's or 0.00000001
     * @param minNotional  the minimum notional, or null for Binance's or 0
     * @param dropLastBars how many of the file's final rows to leave out (e.g. 1 for a candle still open when the
     *                     file was downloaded), or null for none
     * @param market       {@code spot} (or null) or {@code usdm}: a USDⓈ-M perpetual traded on margin, whose venue
     *                     defaults to {@code BINANCE_USDM}
     * @param leverage     usdm: the leverage, or null for 1
     * @param marginMode   usdm: {@code cross} (or null) or {@code isolated}
     * @param funding      usdm: the recorded funding rates file, relative to the YAML file's folder
     * @param fundingUnit  usdm: {@code fraction} or {@code percent}, or null for the file's own
     * @param leverageBrackets usdm: the symbol's {@code GET /fapi/v1/leverageBracket} JSON, or null for BTCUSDT's
     *                     default
     * @param from         the first bar's open time to keep (e.g. {@code 2022-11-04}, UTC), or null for the first
     * @param to           keep bars opening before this time, or null for all
     */
    public record InstrumentEntry(String data, String symbol, String venue, BigDecimal tickSize, BigDecimal lotSize,
                           BigDecimal minNotional, Integer dropLastBars, String market, Integer leverage,
                           String marginMode, String funding, String fundingUnit, String leverageBrackets,
                           String from, String to) {

        /**
         * Whether the entry is a perpetual.
         *
         * @return true for {@code market: usdm}
         */
        public boolean perpetual() {
            return market != null && market.strip().equalsIgnoreCase("usdm");
        }
    }

    /**
     * One strategy entry.
     *
     * @param id          the strategy id
     * @param params      its parameters, or null for the defaults
     * @param instruments the symbols (or {@code SYMBOL.VENUE} ids) it trades, one instance on each, or null for
     *                    every instrument
     * @param subscribe   instead of {@code instruments}: the instruments one multi-instrument instance trades
     *                    together (at least two, in the order its context lists them), or null
     */
    public record StrategyEntry(String id, Map<String, String> params, List<String> instruments,
                                List<String> subscribe) {

        /**
         * An entry of single-instrument instances.
         *
         * @param id          the strategy id
         * @param params      its parameters, or null
         * @param instruments the instruments, or null for every one
         */
        public StrategyEntry(String id, Map<String, String> params, List<String> instruments) {
            this(id, params, instruments, null);
        }
    }

    /**
     * An enhancer, sizer or risk rule.
     *
     * @param id     the extension id
     * @param params its parameters, or null for the defaults
     */
    public record ExtensionEntry(String id, Map<String, String> params) {

        /**
         * The entry as an extension reference.
         *
         * @param where the entry's place in the file, for the message, e.g. {@code riskRules[1]}
         * @return the reference, its parameters as written (the defaults when none)
         * @throws UserInputException naming {@code where} when the id is missing
         */
        public ExtensionRef ref(String where) {
            if (id == null || id.isBlank()) {
                throw new UserInputException(where + ": id is missing");
            }
            return new ExtensionRef(id.strip(), params == null ? Map.of() : params);
        }
    }

    /**
     * The aggregation block.
     *
     * @param policy    {@code none}, {@code unanimous}, {@code majority} or {@code weighted}
     * @param weights   weighted: one weight per strategy entry, in the file's order
     * @param threshold weighted: the agreement needed, in (0, 1]
     */
    public record AggregationEntry(String policy, List<Double> weights, Double threshold) {
    }

    /**
     * Reads and checks the shape of a file.
     *
     * @param file the YAML file
     * @return what it says
     * @throws UserInputException naming the file, and the line or the key at fault
     */
    public static PortfolioFile read(Path file) {
        PortfolioFile f = YamlFiles.read(file, PortfolioFile.class, "config file");
        if (f == null) {
            throw new UserInputException(file + ": the file is empty; it needs instruments and strategies");
        }
        if (f.instruments() == null || f.instruments().isEmpty()) {
            throw new UserInputException(file + ": 'instruments' is missing or empty; list at least one bar file");
        }
        if (f.strategies() == null || f.strategies().isEmpty()) {
            throw new UserInputException(file + ": 'strategies' is missing or empty; list at least one strategy");
        }
        for (int i = 0; i < f.instruments().size(); i++) {
            InstrumentEntry e = f.instruments().get(i);
            if (e == null || e.data() == null || e.data().isBlank()) {
                throw new UserInputException(file + ": instruments[" + i + "].data is missing");
            }
            if (e.market() != null && !e.perpetual() && !e.market().strip().equalsIgnoreCase("spot")) {
                throw new UserInputException(file + ": instruments[" + i + "].market = " + e.market()
                        + " is not spot or usdm");
            }
            if (!e.perpetual() && (e.leverage() != null || e.funding() != null || e.marginMode() != null
                    || e.fundingUnit() != null || e.leverageBrackets() != null)) {
                throw new UserInputException(file + ": instruments[" + i + "]: leverage, marginMode, funding,"
                        + " fundingUnit and leverageBrackets go with market: usdm (a spot leg has no margin)");
            }
            if (e.dropLastBars() != null && e.dropLastBars() < 0) {
                throw new UserInputException(file + ": instruments[" + i + "].dropLastBars = " + e.dropLastBars()
                        + " is out of range: allowed >= 0");
            }
        }
        for (int i = 0; i < f.strategies().size(); i++) {
            StrategyEntry s = f.strategies().get(i);
            if (s == null || s.id() == null || s.id().isBlank()) {
                throw new UserInputException(file + ": strategies[" + i + "].id is missing");
            }
            if (s.subscribe() != null && (s.instruments() != null || s.subscribe().size() < 2)) {
                throw new UserInputException(file + ": strategies[" + i + "].subscribe lists the at least two"
                        + " instruments one instance trades together; it does not go with instruments");
            }
        }
        return f;
    }
}
