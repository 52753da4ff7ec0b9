package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Liquidity;

import java.math.BigDecimal;

/** What a fill costs in fees. */
public interface FeeModel {

    /**
     * The fee of one fill.
     *
     * @param notional  price times quantity, account currency
     * @param liquidity maker or taker
     * @return the fee in the account currency, &ge; 0
     */
    BigDecimal fee(BigDecimal notional, Liquidity liquidity);

    /**
     * The fee as a fraction of notional, for sizing a quote-amount order so that amount covers the fee too.
     *
     * @param liquidity maker or taker
     * @return fee rate, e.g. 0.001 for 10 bps
     */
    BigDecimal rate(Liquidity liquidity);
}
