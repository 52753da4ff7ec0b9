package io.quantplug.app;

import io.quantplug.runtime.store.LiveTradeMarks;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * What a live session's start-up reconciliation knows of earlier live runs' trades on its instrument: the last
 * exchange trade id they reconciled and the fills they stored; and where it notes how far it reconciled itself.
 */
public interface TradeLedger {

    /**
     * The highest exchange trade id an earlier live run on the instrument reconciled, {@code -1} when the account
     * had no trade then.
     *
     * @return the id, or empty when no earlier live run noted one (the first live session on the instrument)
     */
    OptionalLong lastTradeId();

    /**
     * The fills live runs on the instrument stored at or after a time, oldest first.
     *
     * @param fromMillis earliest execution time, UTC epoch milliseconds
     * @return the fills
     */
    List<LiveTradeMarks.StoredFill> fillsSince(long fromMillis);

    /**
     * Notes the highest trade id this session reconciled.
     *
     * @param tradeId the id, or {@code -1} when the account has no trade
     */
    void reconciledTo(long tradeId);

    /**
     * The ledger of the store for one run.
     *
     * @param marks        the store's live trade marks
     * @param instrumentId the instrument id as runs store it, e.g. {@code BTCUSDT.BINANCE}
     * @param runId        gives the session's run id (known once the run is recorded)
     * @return the ledger
     */
    static TradeLedger of(LiveTradeMarks marks, String instrumentId, LongSupplier runId) {
        return new TradeLedger() {
            @Override
            public OptionalLong lastTradeId() {
                return marks.lastTradeId(instrumentId, runId.getAsLong());
            }

            @Override
            public List<LiveTradeMarks.StoredFill> fillsSince(long fromMillis) {
                return marks.liveFillsSince(instrumentId, fromMillis);
            }

            @Override
            public void reconciledTo(long tradeId) {
                marks.mark(runId.getAsLong(), tradeId);
            }
        };
    }
}
