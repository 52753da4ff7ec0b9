package io.quantplug.web.session;

import io.quantplug.app.PortfolioFile;
import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code portfolio} of {@code POST /api/backtests}: several instruments and strategies on one account, in the
 * shape of the {@code quantplug backtest --config} YAML file (see {@code docs/portfolio-backtests.md}) written as
 * JSON, except that an instrument's bars come from an uploaded data set or the store instead of a file path.
 * Checked by {@link PortfolioPlanner}.
 *
 * @param capital     initial capital in the quote asset every instrument shares, default 10000, &gt; 0
 * @param feeBps      fee per fill in bps of notional, default 10, 0..1000
 * @param slippageBps slippage in bps of price, default 0, 0..1000
 * @param instruments the instruments, at least one, at most {@link PortfolioPlanner#MAX_INSTRUMENTS}
 * @param strategies  the strategy entries, at least one: {@code id}, {@code params}, and the symbols it trades in
 *                    {@code instruments} (default every instrument)
 * @param aggregation how the strategies on one instrument share it ({@code policy} none, unanimous, majority or
 *                    weighted with one {@code weights} entry per strategy entry and a {@code threshold}), or null
 * @param enhancers   signal enhancers ({@code id}, {@code params}), may be null
 * @param sizer       the position sizer, or null to invest the signal's strength times the available cash
 * @param riskRules   risk rules, may be null
 */
public record PortfolioRequest(BigDecimal capital, BigDecimal feeBps, BigDecimal slippageBps,
                               List<Instrument> instruments, List<PortfolioFile.StrategyEntry> strategies,
                               PortfolioFile.AggregationEntry aggregation, List<PortfolioFile.ExtensionEntry> enhancers,
                               PortfolioFile.ExtensionEntry sizer, List<PortfolioFile.ExtensionEntry> riskRules) {

    /**
     * One instrument: an uploaded data set ({@code dataset}, its symbol from the file name unless given) or a stored
     * series ({@code symbol} + {@code timeframe}), optionally limited to {@code [from, to)}.
     *
     * @param dataset      an uploaded data set's name, or null for stored bars
     * @param symbol       the symbol: optional with {@code dataset}, required without
     * @param venue        the venue, default {@code BINANCE}
     * @param timeframe    the stored series' bar length, e.g. {@code 1h} (not with {@code dataset})
     * @param from         first bar open time, ISO-8601 UTC or a date, or null
     * @param to           bars opening before this, or null
     * @param dropLastBars how many of the final bars to leave out (e.g. 1 for a candle still open when the data was
     *                     downloaded), default 0
     * @param market       {@code spot} (default) or {@code usdm}: a USDⓈ-M perpetual leg on margin, venue
     *                     {@code BINANCE_USDM} unless given
     * @param leverage     usdm: the leverage, default 1
     * @param marginMode   usdm: {@code cross} (default) or {@code isolated}
     * @param funding      usdm: the recorded funding rates covering the bars (required)
     */
    public record Instrument(String dataset, String symbol, String venue, String timeframe, String from, String to,
                             Integer dropLastBars, String market, Integer leverage, String marginMode,
                             Funding funding) {
    }

    /**
     * A perpetual leg's recorded funding rates, inline.
     *
     * @param unit  {@code fraction} (default, as Binance's API: 0.0001 = 0.01 %) or {@code percent}
     * @param rates {@code [fundingTime epoch milliseconds, rate]} pairs in time order; or null with {@code file}
     * @param file  instead of {@code rates}: the text of a funding file as {@code --funding} reads it (Binance's
     *              {@code GET /fapi/v1/fundingRate} JSON, {@code [time, rate]} pairs, or a CSV with a time and a
     *              rate column), as the console uploads it; at most the request's 1 MiB
     */
    public record Funding(String unit, List<List<BigDecimal>> rates, String file) {
    }
}
