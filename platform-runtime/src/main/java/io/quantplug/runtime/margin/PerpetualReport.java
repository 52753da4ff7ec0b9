package io.quantplug.runtime.margin;

import java.math.BigDecimal;
import java.util.List;

/**
 * What trading a perpetual on margin added to a run: its terms, every funding payment, liquidation and margin call.
 *
 * @param leverage     the leverage traded at
 * @param mode         the margin mode
 * @param markPrice    where the mark price came from: {@code "close"} (the bars carry no mark price: the close for
 *                     funding, the high and low for liquidation)
 * @param totalFunding the sum of the payments' amounts, USDT, exact
 * @param funding      every payment, in time order
 * @param liquidations every liquidation, in time order
 * @param marginCalls  every margin call, in time order
 */
public record PerpetualReport(int leverage, MarginMode mode, String markPrice, BigDecimal totalFunding,
                              List<FundingPayment> funding, List<Liquidation> liquidations,
                              List<MarginCall> marginCalls) {

    /** The mark price source of a run on bars. */
    public static final String MARK_PRICE_CLOSE = "close";

    /**
     * Copies the lists.
     *
     * @param leverage     the leverage traded at
     * @param mode         the margin mode
     * @param markPrice    the mark price's source
     * @param totalFunding the payments' sum
     * @param funding      the payments
     * @param liquidations the liquidations
     * @param marginCalls  the margin calls
     */
    public PerpetualReport {
        funding = List.copyOf(funding);
        liquidations = List.copyOf(liquidations);
        marginCalls = List.copyOf(marginCalls);
    }

    /**
     * The report of a run on these terms.
     *
     * @param terms        the terms
     * @param funding      the payments, in time order
     * @param liquidations the liquidations, in time order
     * @param marginCalls  the margin calls, in time order
     * @return the report, its total the exact sum of the amounts
     */
    public static PerpetualReport of(PerpetualTerms terms, List<FundingPayment> funding,
                                     List<Liquidation> liquidations, List<MarginCall> marginCalls) {
        BigDecimal total = BigDecimal.ZERO;
        for (FundingPayment p : funding) {
            total = total.add(p.amount());
        }
        return new PerpetualReport(terms.leverage(), terms.mode(), MARK_PRICE_CLOSE, total, funding, liquidations,
                marginCalls);
    }
}
