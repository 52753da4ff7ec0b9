package io.quantplug.runtime.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quantplug.runtime.margin.FundingPayment;
import io.quantplug.runtime.margin.Liquidation;
import io.quantplug.runtime.margin.MarginCall;
import io.quantplug.runtime.margin.PerpetualReport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The {@code perpetual} block of {@code result.json}: a run on margin's terms, funding payments, liquidations and margin calls
 * ({@link PerpetualReport}). Amounts are exact decimals in USDT; times ISO-8601 UTC.
 *
 * @param leverage     the leverage traded at
 * @param marginMode   {@code ISOLATED} or {@code CROSS}
 * @param markPrice    the mark price's source: {@code close} (the bars carry none)
 * @param totalFunding the sum of every payment's amount
 * @param funding      every payment, in time order
 * @param liquidations every liquidation, in time order
 * @param marginCalls  every margin call, in time order (absent in documents written before they were recorded)
 */
@JsonPropertyOrder({"leverage", "marginMode", "markPrice", "totalFunding", "funding", "liquidations", "marginCalls"})
public record PerpetualSection(int leverage, String marginMode, String markPrice, BigDecimal totalFunding,
                               List<Payment> funding, List<LiquidationEntry> liquidations,
                               List<MarginCallEntry> marginCalls) {

    /**
     * Reads a missing list as empty.
     *
     * @param leverage     the leverage
     * @param marginMode   the margin mode
     * @param markPrice    the mark price's source
     * @param totalFunding the payments' sum
     * @param funding      the payments
     * @param liquidations the liquidations
     * @param marginCalls  the margin calls, or null for none
     */
    public PerpetualSection {
        marginCalls = marginCalls == null ? List.of() : List.copyOf(marginCalls);
    }

    /**
     * One margin call.
     *
     * @param time              the bar's close
     * @param instrument        the perpetual
     * @param position          the signed position
     * @param markPrice         the mark price (the close)
     * @param marginBalance     the margin balance
     * @param maintenanceMargin the maintenance margin
     * @param marginRatio       maintenance margin / margin balance
     */
    @JsonPropertyOrder({"time", "instrument", "position", "markPrice", "marginBalance", "maintenanceMargin",
        "marginRatio"})
    public record MarginCallEntry(Instant time, String instrument, BigDecimal position, BigDecimal markPrice,
                                  BigDecimal marginBalance, BigDecimal maintenanceMargin, BigDecimal marginRatio) {

        static MarginCallEntry of(MarginCall c) {
            return new MarginCallEntry(Instant.ofEpochMilli(c.timeMillis()), c.instrument().toString(), c.position(),
                    c.markPrice(), c.marginBalance(), c.maintenanceMargin(), c.marginRatio());
        }
    }

    /**
     * One funding payment.
     *
     * @param time       the funding time
     * @param instrument the perpetual
     * @param rate       the rate, a fraction
     * @param markPrice  the mark price used
     * @param position   the signed position held, base units
     * @param amount     received (positive) or paid (negative): {@code −position × markPrice × rate}
     */
    @JsonPropertyOrder({"time", "instrument", "rate", "markPrice", "position", "amount"})
    public record Payment(Instant time, String instrument, BigDecimal rate, BigDecimal markPrice, BigDecimal position,
                          BigDecimal amount) {

        static Payment of(FundingPayment p) {
            return new Payment(Instant.ofEpochMilli(p.timeMillis()), p.instrument().toString(), p.rate(),
                    p.markPrice(), p.position(), p.amount());
        }
    }

    /**
     * One liquidation.
     *
     * @param time              the open of the bar that reached the price
     * @param instrument        the perpetual
     * @param position          the signed position closed
     * @param entryPrice        its average entry price
     * @param liquidationPrice  the liquidation price on the tick grid
     * @param fillPrice         the price it was closed at
     * @param walletBalance     the wallet balance the price was computed from
     * @param maintenanceMargin the maintenance margin at the liquidation price
     * @param marginMode        {@code ISOLATED} or {@code CROSS}
     */
    @JsonPropertyOrder({"time", "instrument", "position", "entryPrice", "liquidationPrice", "fillPrice",
        "walletBalance", "maintenanceMargin", "marginMode"})
    public record LiquidationEntry(Instant time, String instrument, BigDecimal position, BigDecimal entryPrice,
                                   BigDecimal liquidationPrice, BigDecimal fillPrice, BigDecimal walletBalance,
                                   BigDecimal maintenanceMargin, String marginMode) {

        static LiquidationEntry of(Liquidation l) {
            return new LiquidationEntry(Instant.ofEpochMilli(l.timeMillis()), l.instrument().toString(),
                    l.position(), l.entryPrice(), l.liquidationPrice(), l.fillPrice(), l.walletBalance(),
                    l.maintenanceMargin(), l.mode().name());
        }
    }

    /**
     * The block of a run's report.
     *
     * @param r the report, or null
     * @return the block, or null for a run without margin
     */
    public static PerpetualSection of(PerpetualReport r) {
        return r == null ? null : new PerpetualSection(r.leverage(), r.mode().name(), r.markPrice(),
                r.totalFunding(), r.funding().stream().map(Payment::of).toList(),
                r.liquidations().stream().map(LiquidationEntry::of).toList(),
                r.marginCalls().stream().map(MarginCallEntry::of).toList());
    }
}
