package io.quantplug.app;

import io.quantplug.api.exchange.AccountTrade;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.UnsupportedCapabilityException;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.runtime.store.LiveTradeMarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The missed-fill part of the start-up reconciliation ({@link LiveReconciliation}): the account's trades of the
 * instrument after the last trade id an earlier live run reconciled, each matched with a fill a live run stored (same
 * side, price and quantity, execution times at most {@link #TIME_TOLERANCE_MILLIS} apart; each stored fill matches one
 * trade). A trade nothing matches was executed while no session listened (a session killed between send and fill,
 * or with a working order that filled while it was down), or by someone else on the account: it is reported, not
 * booked, since the new session starts flat. Venues list trades without client order ids, so the trade is not tied
 * to an order. The first live session on an instrument only notes where the account's trades stand.
 */
final class MissedFills {

    /** How far apart the venue's trade time and the stored fill's time may be (Binance reports the same time). */
    static final long TIME_TOLERANCE_MILLIS = 1_000;

    /** Trades asked for per request (Binance's maximum). */
    static final int PAGE = 1000;

    private MissedFills() {
    }

    /**
     * Finds the trades no live run stored, and notes the highest trade id in the ledger.
     *
     * @param adapter    the exchange
     * @param instrument the instrument
     * @param ledger     what the store knows
     * @return a {@code missed-fill} difference per unmatched trade, a {@code trades-unavailable} one when the
     *         adapter cannot list trades, else none
     */
    static List<ReconciliationDifference> check(ExchangeAdapter adapter, Instrument instrument,
                                                     TradeLedger ledger) {
        OptionalLong last = ledger.lastTradeId();
        List<AccountTrade> trades = new ArrayList<>();
        try {
            long from = last.orElse(-1) + 1;
            List<AccountTrade> page;
            do {
                page = adapter.accountTrades(instrument.id(), from, PAGE);
                trades.addAll(page);
                if (!page.isEmpty()) {
                    from = page.get(page.size() - 1).tradeId() + 1;
                }
            } while (page.size() == PAGE);
        } catch (UnsupportedCapabilityException e) {
            return List.of(new ReconciliationDifference("trades-unavailable", "exchange adapter '" + adapter.id()
                    + "' cannot list the account's trades: fills missed while down are not looked for"));
        }
        ledger.reconciledTo(trades.isEmpty() ? last.orElse(-1) : trades.get(trades.size() - 1).tradeId());
        if (last.isEmpty() || trades.isEmpty()) {
            return List.of();
        }
        List<LiveTradeMarks.StoredFill> stored = new ArrayList<>(
                ledger.fillsSince(trades.get(0).timeMillis() - TIME_TOLERANCE_MILLIS));
        List<ReconciliationDifference> out = new ArrayList<>();
        for (AccountTrade t : trades) {
            if (!stored.removeIf(new OneMatch(t))) {
                out.add(new ReconciliationDifference("missed-fill", "trade " + t.tradeId() + " of "
                        + instrument.id() + " at " + Instant.ofEpochMilli(t.timeMillis()) + ": " + t.side() + " "
                        + t.quantity().toPlainString() + " " + instrument.baseAsset() + " at "
                        + t.price().toPlainString() + " (fee " + t.fee().toPlainString() + " " + t.feeAsset()
                        + ") is on the exchange but no live run stored it; the session starts flat without it"));
            }
        }
        return out;
    }

    /** True for the first stored fill that matches the trade, false for every other (removes one at most). */
    private static final class OneMatch implements java.util.function.Predicate<LiveTradeMarks.StoredFill> {
        private final AccountTrade trade;
        private boolean found;

        OneMatch(AccountTrade trade) {
            this.trade = trade;
        }

        @Override
        public boolean test(LiveTradeMarks.StoredFill f) {
            if (found || f.side() != trade.side() || f.price().compareTo(trade.price()) != 0
                    || f.quantity().compareTo(trade.quantity()) != 0
                    || Math.abs(f.timeMillis() - trade.timeMillis()) > TIME_TOLERANCE_MILLIS) {
                return false;
            }
            found = true;
            return true;
        }
    }
}
