package io.quantplug.web.session;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON body that starts a backtest ({@code POST /api/backtests}) or creates an instance
 * ({@code POST /api/instances}). Bars come from an uploaded data set ({@code dataset}) or from the store
 * ({@code symbol} + {@code timeframe}, optionally {@code from}/{@code to}). Checked by {@link RunPlanner}; a
 * {@code portfolio} instead by {@link PortfolioPlanner}.
 *
 * @param strategy    the strategy's extension id, required
 * @param parameters  its parameters by name (numbers or strings), may be null
 * @param dataset     an uploaded data set's name, or null to read stored bars
 * @param symbol      the symbol, e.g. {@code BTCUSDT}: with {@code dataset} optional (inferred from the file name),
 *                    without it required
 * @param venue       the venue, default {@code BINANCE}
 * @param timeframe   the stored series' bar length, e.g. {@code 1m} (without {@code dataset})
 * @param from        first bar open time, ISO-8601 UTC or a date, or null
 * @param to          bars opening before this, or null
 * @param capital     initial capital in the quote asset, default 10000, &gt; 0
 * @param feeBps      fee per fill in bps of notional, default 10, 0..1000
 * @param slippageBps slippage in bps of price, default 0, 0..1000
 * @param enhancers   signal enhancers, may be null
 * @param sizer       the position sizer, or null to invest the signal's strength times the available cash
 * @param riskRules   risk rules, may be null
 * @param speed       paper instances only: bars replayed per second, 0.1..100000 (default 10)
 * @param portfolio   backtests only: a portfolio backtest (several instruments and strategies on one account), in
 *                    the shape of the {@code --config} YAML file; it describes the whole run, so every other field
 *                    is then absent
 * @param exchange    instances only: the bars come live from an exchange adapter plugin ({@code symbol} as the
 *                    exchange lists it and {@code timeframe} required; no {@code dataset}, {@code from}, {@code to}
 *                    or {@code speed}), with simulated fills or, {@code "mode": "LIVE"}, on the exchange
 * @param market      {@code spot} (default) or {@code usdm}: the bars are a Binance USDⓈ-M perpetual's, traded long
 *                    and short on margin with funding, as {@code quantplug backtest --market usdm} trades them;
 *                    stored or uploaded bars only, not an exchange's live bars
 * @param leverage    {@code usdm} only: the leverage, 1 up to the symbol's limit (default 1)
 * @param marginMode  {@code usdm} only: {@code cross} (default) or {@code isolated}
 * @param funding     {@code usdm} only, required with it: the recorded funding rates over the bars, inline
 */
public record RunRequest(String strategy, Map<String, String> parameters, String dataset, String symbol,
                         String venue, String timeframe, String from, String to, BigDecimal capital,
                         BigDecimal feeBps, BigDecimal slippageBps, List<Extension> enhancers, Extension sizer,
                         List<Extension> riskRules, Double speed, PortfolioRequest portfolio, Exchange exchange,
                         String market, Integer leverage, String marginMode, PortfolioRequest.Funding funding) {

    /**
     * Where an instance's live bars come from, and whether it trades on the exchange.
     *
     * @param id               the exchange adapter's id, e.g. {@code binance}
     * @param parameters       its parameters (e.g. {@code network}), may be null; never API keys: a live instance
     *                         takes them from the server's environment only
     * @param warmupBars       closed bars of history the strategy warms up on before the first live bar (nothing
     *                         trades on them), 0..10000; default the strategy's declared warm-up
     * @param mode             {@code PAPER} (default: simulated fills) or {@code LIVE} (orders go to the exchange;
     *                         admins only)
     * @param flattenOnStop    {@code LIVE} only: whether a stop or the kill switch closes the open position with a
     *                         market order (default false: the position is kept)
     * @param allowNoRiskRules {@code LIVE} only: trade on {@code network=mainnet} without any risk rule of the
     *                         request's (refused otherwise; default false)
     */
    public record Exchange(String id, Map<String, String> parameters, Long warmupBars, Mode mode,
                           Boolean flattenOnStop, Boolean allowNoRiskRules) {
    }

    /** How an instance on an exchange trades. */
    public enum Mode {
        /** Simulated fills on the exchange's live bars, stored as a {@code PAPER} run. */
        PAPER,
        /** Orders to the exchange, each journaled before it is sent, stored as a {@code LIVE} run. */
        LIVE
    }

    /**
     * An enhancement or risk rule with its parameters.
     *
     * @param id         the extension id
     * @param parameters its parameters, may be null
     */
    public record Extension(String id, Map<String, String> parameters) {
    }
}
