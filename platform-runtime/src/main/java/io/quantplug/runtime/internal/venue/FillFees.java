package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.Fill;

import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Puts an exchange fill's fee into the account currency (the instrument's quote asset), which the portfolio books.
 *
 * <ul>
 *   <li>A fee in the quote asset is kept.</li>
 *   <li>A fee in the base asset (Binance charges a spot buy's fee in what was bought) is converted at the fill's own
 *       price: {@code fee × price}, exact. The portfolio's position then counts the whole filled quantity, while the
 *       exchange balance holds that quantity less the fee: the difference is the fee, already paid in cash here.</li>
 *   <li>A fee in any other asset (BNB, when the account pays fees in BNB) has no price in the session: it is booked
 *       as 0 and reported to the notices, so a person can account for it.</li>
 * </ul>
 */
final class FillFees {

    private final Instrument instrument;
    private final Consumer<String> notices;

    FillFees(Instrument instrument, Consumer<String> notices) {
        this.instrument = instrument;
        this.notices = notices;
    }

    /** The fill with its fee in the quote asset. */
    Fill inQuote(Fill fill) {
        String asset = fill.feeAsset();
        if (asset.equals(instrument.quoteAsset())) {
            return fill;
        }
        BigDecimal fee;
        if (asset.equals(instrument.baseAsset())) {
            fee = fill.fee().multiply(fill.price());
        } else {
            fee = BigDecimal.ZERO;
            if (fill.fee().signum() != 0) {
                notices.accept("fee of " + fill.fee().toPlainString() + " " + asset + " on order "
                        + fill.clientOrderId().value() + " is not booked: the session has no " + asset + " price");
            }
        }
        return new Fill(fill.clientOrderId(), fill.instrument(), fill.side(), fill.price(), fill.quantity(), fee,
                instrument.quoteAsset(), fill.liquidity(), fill.timeMillis());
    }
}
