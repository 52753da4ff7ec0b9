package io.quantplug.app;

import io.quantplug.api.exchange.Balance;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.order.ClientOrderId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up reconciliation against a hand-written account: each difference found, earlier sessions' orders canceled. */
class LiveReconciliationTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instrument SPOT = new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"), InstrumentKind.SPOT);

    @Test
    void cancelsAnEarlierLiveSessionsOrderAndReportsEveryDifference() {
        Account account = new Account(List.of(new ClientOrderId("qab12c-sma-crossover-3"),
                new ClientOrderId("web_manual_order_1")),
                List.of(new Balance("BTC", new BigDecimal("0.002"), new BigDecimal("0.001")),
                        new Balance("USDT", new BigDecimal("900"), BigDecimal.ZERO)));
        List<ReconciliationDifference> found = LiveReconciliation.check(account, SPOT, new BigDecimal("1000"),
                new MissedFillsTest.Ledger(null, List.of()));
        assertThat(account.canceled).containsExactly(new ClientOrderId("qab12c-sma-crossover-3"));
        assertThat(found).extracting(ReconciliationDifference::kind).containsExactly("open-order-canceled",
                "open-order-foreign", "base-balance", "quote-balance");
        assertThat(found.get(2).detail()).contains("0.003 BTC");
        assertThat(found.get(3).detail()).contains("900").contains("1000");
    }

    @Test
    void findsNothingOnAnAccountThatMatchesTheStart() {
        Account account = new Account(List.of(), List.of(new Balance("USDT", new BigDecimal("1000"), BigDecimal.ZERO)));
        assertThat(LiveReconciliation.check(account, SPOT, new BigDecimal("1000"),
                new MissedFillsTest.Ledger(null, List.of()))).isEmpty();
        assertThat(account.canceled).isEmpty();
    }

    @Test
    void runTagsAreSevenCharactersThatTheReconciliationRecognises() {
        String tag = LiveSession.runTag(new Random(7));
        assertThat(tag).hasSize(7).matches("q[0-9a-z]{5}-");
        assertThat(LiveReconciliation.RUN_TAG.matcher(tag + "sma-crossover-1").matches()).isTrue();
    }

    private static final class Account implements ExchangeAdapter {
        final List<ClientOrderId> open;
        final List<Balance> balances;
        final List<ClientOrderId> canceled = new ArrayList<>();

        Account(List<ClientOrderId> open, List<Balance> balances) {
            this.open = open;
            this.balances = balances;
        }

        @Override
        public Set<ExchangeCapability> capabilities() {
            return Set.of(ExchangeCapability.ORDER_EXECUTION, ExchangeCapability.BALANCES);
        }

        @Override
        public String id() {
            return "account";
        }

        @Override
        public List<ClientOrderId> openOrders(InstrumentId instrument) {
            return open;
        }

        @Override
        public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
            canceled.add(clientOrderId);
        }

        @Override
        public List<io.quantplug.api.exchange.AccountTrade> accountTrades(InstrumentId instrument, long fromTradeId,
                                                                          int limit) {
            return List.of();
        }

        @Override
        public List<Balance> balances() {
            return balances;
        }

        @Override
        public void close() {
        }
    }
}
