package io.quantplug.app;

import io.quantplug.api.exchange.AccountTrade;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.store.LiveTradeMarks;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills missed while a live session was down, against a hand-written account: the account's trades after the last
 * reconciled id, each matched with a stored fill or reported.
 */
class MissedFillsTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instrument SPOT = new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"), InstrumentKind.SPOT);
    private static final long T0 = 1_655_683_200_000L;

    @Test
    void reportsTheTradesNoLiveRunStoredAndNotesTheLastId() {
        // trades 5 and 6 were stored by the killed run (6's stored time 3 ms off, as a stream may give it); trade 7
        // (same side, price and quantity as 6) filled after the kill; trade 4 was reconciled by an earlier session
        Trades account = new Trades(List.of(trade(4, Side.BUY, "20500.00", "0.01", T0),
                trade(5, Side.BUY, "20500.00", "0.01", T0 + 60_000),
                trade(6, Side.SELL, "20510.00", "0.01", T0 + 120_000),
                trade(7, Side.SELL, "20510.00", "0.01", T0 + 180_000)));
        Ledger ledger = new Ledger(4L, List.of(stored(Side.BUY, "20500.0", "0.010", T0 + 60_000),
                stored(Side.SELL, "20510", "0.01", T0 + 120_003)));

        List<ReconciliationDifference> found = MissedFills.check(account, SPOT, ledger);

        assertThat(account.asked).containsExactly(5L);
        assertThat(ledger.fromMillis).isEqualTo(T0 + 60_000 - MissedFills.TIME_TOLERANCE_MILLIS);
        assertThat(found).extracting(ReconciliationDifference::kind).containsExactly("missed-fill");
        assertThat(found.get(0).detail()).startsWith("trade 7 of BTCUSDT.BINANCE at 2022-06-20T00:03:00Z: SELL 0.01 BTC"
                + " at 20510.00 (fee 0.02 USDT)");
        assertThat(ledger.reconciled).isEqualTo(7L);
    }

    @Test
    void pagesThroughFullPagesAndTheFirstRunOnlyNotesWhereTheTradesStand() {
        List<AccountTrade> history = LongStream.range(0, MissedFills.PAGE + 2)
                .mapToObj(i -> trade(i, Side.BUY, "20500.00", "0.01", T0 + i)).toList();
        Trades account = new Trades(history);
        Ledger ledger = new Ledger(null, List.of());

        assertThat(MissedFills.check(account, SPOT, ledger)).isEmpty();
        assertThat(account.asked).containsExactly(0L, (long) MissedFills.PAGE);
        assertThat(ledger.reconciled).isEqualTo(MissedFills.PAGE + 1L);
    }

    @Test
    void anAccountWithoutTradesIsNotedAsMinusOneSoThatTheNextRunLooksFromTheFirstTrade() {
        Ledger ledger = new Ledger(null, List.of());
        assertThat(MissedFills.check(new Trades(List.of()), SPOT, ledger)).isEmpty();
        assertThat(ledger.reconciled).isEqualTo(-1L);
    }

    @Test
    void anAdapterThatCannotListTradesIsReportedOnce() {
        ExchangeAdapter none = new ExchangeAdapter() {
            @Override
            public Set<ExchangeCapability> capabilities() {
                return Set.of(ExchangeCapability.ORDER_EXECUTION);
            }

            @Override
            public String id() {
                return "none";
            }

            @Override
            public void close() {
            }
        };
        Ledger ledger = new Ledger(3L, List.of());
        assertThat(MissedFills.check(none, SPOT, ledger)).extracting(ReconciliationDifference::kind)
                .containsExactly("trades-unavailable");
        assertThat(ledger.reconciled).isNull();
    }

    private static AccountTrade trade(long id, Side side, String price, String qty, long time) {
        return new AccountTrade(id, BTC, side, new BigDecimal(price), new BigDecimal(qty), new BigDecimal("0.02"),
                "USDT", time);
    }

    private static LiveTradeMarks.StoredFill stored(Side side, String price, String qty, long time) {
        return new LiveTradeMarks.StoredFill(1, "qab12c-sma-crossover-1", side, new BigDecimal(price),
                new BigDecimal(qty), time);
    }

    /** A ledger in memory. */
    static final class Ledger implements TradeLedger {
        private final Long last;
        private final List<LiveTradeMarks.StoredFill> fills;
        Long reconciled;
        long fromMillis = -1;

        Ledger(Long last, List<LiveTradeMarks.StoredFill> fills) {
            this.last = last;
            this.fills = fills;
        }

        @Override
        public OptionalLong lastTradeId() {
            return last == null ? OptionalLong.empty() : OptionalLong.of(last);
        }

        @Override
        public List<LiveTradeMarks.StoredFill> fillsSince(long from) {
            fromMillis = from;
            return fills;
        }

        @Override
        public void reconciledTo(long tradeId) {
            reconciled = tradeId;
        }
    }

    /** An account that lists its trades by id as Binance does. */
    private static final class Trades implements ExchangeAdapter {
        private final List<AccountTrade> trades;
        final List<Long> asked = new ArrayList<>();

        Trades(List<AccountTrade> trades) {
            this.trades = trades;
        }

        @Override
        public Set<ExchangeCapability> capabilities() {
            return Set.of(ExchangeCapability.ORDER_EXECUTION);
        }

        @Override
        public String id() {
            return "account";
        }

        @Override
        public List<AccountTrade> accountTrades(InstrumentId instrument, long fromTradeId, int limit) {
            asked.add(fromTradeId);
            return trades.stream().filter(t -> t.tradeId() >= fromTradeId).limit(limit).toList();
        }

        @Override
        public void close() {
        }
    }
}
