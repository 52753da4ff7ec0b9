package io.quantplug.plugins.sizing;

import io.quantplug.api.market.BarHistory;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSpec;

/** The parameters several sizers of this plugin share, declared once so their names, bounds and texts agree. */
final class CommonParameters {

    /** Share of cash a spot buy leaves unspent, percent. */
    static final String CASH_BUFFER_PERCENT = "cashBufferPercent";
    /** Largest position notional as a multiple of equity. */
    static final String MAX_LEVERAGE = "maxLeverage";
    /** Target annualised volatility, percent. */
    static final String TARGET_VOLATILITY_PERCENT = "targetVolatilityPercent";
    /** Returns in the realised volatility estimate. */
    static final String VOLATILITY_BARS = "volatilityBars";

    private CommonParameters() {
    }

    static ParameterSpec cashBufferPercent() {
        return ParameterSpec.decimal(CASH_BUFFER_PERCENT).defaultValue(1).range(0, 50).unit("%")
                .description("on a spot instrument, the notional is capped at the available cash less this share, "
                        + "leaving room for the fee and the move to the fill price (the venue refuses a buy that "
                        + "costs more than the cash)").build();
    }

    static ParameterSpec maxLeverage(String description) {
        return ParameterSpec.decimal(MAX_LEVERAGE).defaultValue(1).range(0.01, 20).unit("x equity")
                .description(description).build();
    }

    static ParameterSpec targetVolatilityPercent(String description) {
        return ParameterSpec.decimal(TARGET_VOLATILITY_PERCENT).defaultValue(20).range(1, 200).unit("% a year")
                .description(description).build();
    }

    static ParameterSpec volatilityBars() {
        return ParameterSpec.integer(VOLATILITY_BARS).defaultValue(30).range(2, 999).unit("bars")
                .description("close-to-close log returns in the realised volatility (sample standard deviation, "
                        + "annualised by the bar length over a 365-day year); needs one bar more than this in the "
                        + "history, and no trade is sized before that").build();
    }

    /**
     * Refuses a look-back of {@code value} bars that, with the one extra bar it needs, the session's history window
     * can never hold: such a sizer would never trade.
     *
     * @param history   the history window
     * @param parameter the parameter that set the look-back
     * @param value     its value; {@code value + 1} bars are needed
     * @throws InvalidParameterException naming the parameter and the largest value the window allows
     */
    static void requireHistoryFor(BarHistory history, String parameter, int value) {
        if (history.capacity() < value + 1) {
            throw new InvalidParameterException(parameter, "parameter '" + parameter + "' = " + value + " needs "
                    + (value + 1) + " bars of history, but the session keeps " + history.capacity()
                    + ": allowed at most " + (history.capacity() - 1) + " (bars) in this session");
        }
    }
}
