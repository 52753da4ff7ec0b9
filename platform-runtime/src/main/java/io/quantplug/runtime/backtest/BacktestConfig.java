package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What to backtest and how.
 *
 * @param instrument     the instrument traded; the account currency is its quote asset
 * @param initialCapital starting cash, &gt; 0, account currency
 * @param feeBps         fee per fill, bps of notional, 0 to 1,000
 * @param slippageBps    slippage of taker fills, bps of price, 0 to 1,000
 * @param strategy       the strategy and its parameters
 * @param enhancers      signal enhancers, applied in order
 * @param sizer          the position sizer, or null to invest all available cash
 * @param riskRules      risk rules, checked in order
 */
public record BacktestConfig(Instrument instrument, BigDecimal initialCapital, BigDecimal feeBps,
                             BigDecimal slippageBps, ExtensionRef strategy, List<ExtensionRef> enhancers,
                             ExtensionRef sizer, List<ExtensionRef> riskRules) {

    private static final BigDecimal MAX_BPS = new BigDecimal("1000");

    /**
     * Validates the numbers.
     *
     * @param instrument the instrument traded; the account currency is its quote asset
     * @param initialCapital starting cash, &gt; 0, account currency
     * @param feeBps fee per fill, bps of notional, 0 to 1,000
     * @param slippageBps slippage of taker fills, bps of price, 0 to 1,000
     * @param strategy the strategy and its parameters
     * @param enhancers signal enhancers, applied in order
     * @param sizer the position sizer, or null to invest all available cash
     * @param riskRules risk rules, checked in order
     * @throws BacktestConfigurationException when capital is not positive or a bps value is outside 0..1,000
     * 
     */
    public BacktestConfig {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(strategy, "strategy");
        enhancers = List.copyOf(enhancers);
        riskRules = List.copyOf(riskRules);
        if (initialCapital.signum() <= 0) {
            throw new BacktestConfigurationException("capital must be > 0, got " + initialCapital.toPlainString());
        }
        checkBps("fee-bps", feeBps);
        checkBps("slippage-bps", slippageBps);
    }

    private static void checkBps(String name, BigDecimal bps) {
        if (bps.signum() < 0 || bps.compareTo(MAX_BPS) > 0) {
            throw new BacktestConfigurationException(name + " = " + bps.toPlainString()
                    + " is out of range: allowed 0 .. 1000 (bps)");
        }
    }
}
