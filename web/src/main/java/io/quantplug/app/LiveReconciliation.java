package io.quantplug.app;

import io.quantplug.api.exchange.Balance;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.ClientOrderId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The start-up check of a live session against its exchange account: what the exchange holds that the new session
 * does not start from. A session starts flat, with no working order and its {@code --capital} in the quote asset;
 * each difference found is returned (the command line writes it to standard error and to the audit log as
 * {@code live.reconciliation}).
 *
 * <ul>
 *   <li><b>Open orders</b> of the instrument: one whose client order id carries a live session's run tag
 *       ({@code q} + five characters + {@code -}, see {@link LiveSession#runTag}) was left by an earlier session that
 *       stopped without canceling it (killed, crashed). It is <b>canceled</b>, not adopted: the new session has not
 *       got the owner's state that placed it. Any other open order (placed by hand or by another program) is left
 *       alone and reported.</li>
 *   <li><b>Missed fills</b>: the account's trades since the last trade id an earlier live run reconciled that no live
 *       run stored ({@link MissedFills}): fills of a session that was killed or lost its stream. Reported, not
 *       booked.</li>
 *   <li><b>Base asset</b>: a balance (free plus locked) other than zero is reported: the session starts flat and
 *       neither sells nor counts it.</li>
 *   <li><b>Quote asset</b>: a free balance below the capital is reported: orders sized on the capital may be
 *       refused by the exchange.</li>
 * </ul>
 * The base balance is the outside truth for the position: after missed fills it still tells exactly what the account
 * holds that the session does not count.
 */
final class LiveReconciliation {

    /** A live session's run tag at the start of a client order id. */
    static final Pattern RUN_TAG = Pattern.compile("q[0-9a-z]{5}-.*");

    private LiveReconciliation() {
    }

    /**
     * Compares the account with the session's start and cancels open orders of earlier live sessions.
     *
     * @param adapter    the exchange, connected (cancels need its listener)
     * @param instrument the instrument
     * @param capital    the session's capital in the quote asset
     * @param ledger     what the store knows of earlier live runs' trades
     * @return the differences, possibly none
     */
    static List<ReconciliationDifference> check(ExchangeAdapter adapter, Instrument instrument, BigDecimal capital,
                                  TradeLedger ledger) {
        List<ReconciliationDifference> out = new ArrayList<>();
        for (ClientOrderId id : adapter.openOrders(instrument.id())) {
            if (RUN_TAG.matcher(id.value()).matches()) {
                String outcome;
                try {
                    adapter.cancel(instrument.id(), id);
                    outcome = "canceled";
                } catch (RuntimeException e) {
                    outcome = "cancel failed: " + e.getMessage();
                }
                out.add(new ReconciliationDifference("open-order-canceled", "open order " + id.value() + " of "
                        + instrument.id() + " was left by an earlier live session: " + outcome));
            } else {
                out.add(new ReconciliationDifference("open-order-foreign", "open order " + id.value() + " of "
                        + instrument.id() + " is not a live session's; left alone"));
            }
        }
        out.addAll(MissedFills.check(adapter, instrument, ledger));
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        for (Balance b : adapter.balances()) {
            if (b.asset().equals(instrument.baseAsset())) {
                base = b.free().add(b.locked());
            } else if (b.asset().equals(instrument.quoteAsset())) {
                quote = b.free();
            }
        }
        if (base.signum() != 0) {
            out.add(new ReconciliationDifference("base-balance", "the account holds " + base.toPlainString() + " "
                    + instrument.baseAsset() + "; the session starts flat and does not trade it"));
        }
        if (quote.compareTo(capital) < 0) {
            out.add(new ReconciliationDifference("quote-balance", "the account's free " + instrument.quoteAsset()
                    + " is " + quote.toPlainString() + ", below the capital " + capital.toPlainString()
                    + ": orders sized on the capital may be refused"));
        }
        return out;
    }
}
