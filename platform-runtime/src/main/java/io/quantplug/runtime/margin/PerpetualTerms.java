package io.quantplug.runtime.margin;

import java.util.Objects;

/**
 * How a backtest trades a linear perpetual: the leverage and margin mode chosen, the symbol's brackets and the
 * recorded funding rates.
 *
 * <p>Mark price: the bars carry none, so the simulated venue uses the last trade price for it — the bar's close for
 * funding and its high and low for liquidation — and the result says so ({@code markPrice: "close"}).
 *
 * @param leverage the leverage, 1 to {@code brackets.maxLeverage()}; the initial margin of a position is its notional
 *                 / leverage, and its notional may not exceed {@link LeverageBrackets#maxNotional(int)}
 * @param mode     isolated or cross margin
 * @param brackets the symbol's leverage brackets
 * @param funding  the recorded funding rates
 */
public record PerpetualTerms(int leverage, MarginMode mode, LeverageBrackets brackets, FundingRates funding) {

    /**
     * Checks the leverage against the brackets.
     *
     * @param leverage the leverage
     * @param mode     isolated or cross margin
     * @param brackets the symbol's brackets
     * @param funding  the recorded funding rates
     *
     * @throws IllegalArgumentException when the leverage is above the symbol's limit or below 1
     */
    public PerpetualTerms {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(brackets, "brackets");
        Objects.requireNonNull(funding, "funding");
        brackets.checkLeverage(leverage);
    }
}
