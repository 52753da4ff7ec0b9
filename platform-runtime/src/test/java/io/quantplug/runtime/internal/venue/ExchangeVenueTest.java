package io.quantplug.runtime.internal.venue;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.runtime.session.LiveOptions;
import io.quantplug.runtime.session.SendBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.quantplug.runtime.internal.venue.VenueFixtures.BTC;
import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.d;
import static io.quantplug.runtime.internal.venue.VenueFixtures.id;
import static io.quantplug.runtime.internal.venue.VenueFixtures.limit;
import static io.quantplug.runtime.internal.venue.VenueFixtures.market;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange venue against a hand-written adapter whose order events come from a thread of the test, as a real
 * adapter's come from its stream thread. Fee figures are worked out by hand: 0.0004 BTC at 20,000 is 8 USDT.
 */
class ExchangeVenueTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-08T00:00:00Z"), ZoneOffset.UTC);

    private final FakeAdapter adapter = new FakeAdapter();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ExecutorService exchangeThread = Executors.newSingleThreadExecutor();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<OrderEvent> delivered = new ArrayList<>();
    private final CountDownLatch durable = new CountDownLatch(1);
    private final List<String> order = new CopyOnWriteArrayList<>();
    private volatile long awaitedMark = -1;

    /** A barrier the test opens: the journal becomes durable when it says so. */
    private final SendBarrier barrier = new SendBarrier() {
        @Override
        public long mark() {
            return 42;
        }

        @Override
        public boolean await(long mark, Duration timeout) throws InterruptedException {
            awaitedMark = mark;
            boolean ok = durable.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            order.add("durable");
            return ok;
        }
    };

    private ExchangeVenue venue(SendBarrier b, Duration wait) {
        ExchangeVenue v = new ExchangeVenue(SPOT, adapter, io,
                new LiveOptions("qtest.", false, b, wait, notices::add), CLOCK);
        v.connect((event, o, owner) -> delivered.add(event));
        return v;
    }

    @AfterEach
    void stop() {
        io.shutdownNow();
        exchangeThread.shutdownNow();
    }

    @Test
    void refusesAnOrderBelowTheLotSizeAtOnceWithoutSendingIt() throws Exception {
        ExchangeVenue v = venue(SendBarrier.NONE, Duration.ofSeconds(5));
        OrderEvent answer = v.submit(market("a-1", Side.BUY, "0.0005"), 20_000, 0, "owner", false);
        v.flush();
        io.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertThat(answer).isInstanceOf(OrderRejected.class);
        assertThat(((OrderRejected) answer).reason().code()).isEqualTo("QUANTITY_BELOW_LOT_SIZE");
        assertThat(adapter.submitted).isEmpty();
        assertThat(v.workingCount()).isZero();
    }

    @Test
    void sendsAnOrderOnlyAfterTheJournalIsDurable() throws Exception {
        ExchangeVenue v = venue(barrier, Duration.ofSeconds(5));
        OrderEvent answer = v.submit(market("a-1", Side.BUY, "0.010"), 20_000, 0, "owner", false);
        assertThat(answer).isInstanceOf(OrderAccepted.class);
        assertThat(v.ownerOf(id("a-1"))).isEqualTo("owner");
        v.flush();
        Thread.sleep(200); // the I/O thread waits for the barrier: nothing may reach the exchange meanwhile
        assertThat(adapter.submitted).isEmpty();
        durable.countDown();
        adapter.awaitSubmitted(1);
        assertThat(awaitedMark).isEqualTo(42);
        assertThat(order).containsExactly("durable", "submit a-1");
    }

    @Test
    void refusesAnOrderWhoseJournalEntryIsNotDurableInTime() throws Exception {
        ExchangeVenue v = venue(barrier, Duration.ofMillis(100));
        v.submit(market("a-1", Side.BUY, "0.010"), 20_000, 0, "owner", false);
        v.flush();
        awaitInbox(v, 1);
        assertThat(adapter.submitted).isEmpty();
        assertThat(delivered).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason().code()).isEqualTo("JOURNAL_NOT_DURABLE"));
        assertThat(v.workingCount()).isZero();
    }

    @Test
    void keepsAPartlyFilledOrderWorkingAndConvertsABaseAssetFeeAtTheFillPrice() throws Exception {
        ExchangeVenue v = venue(SendBarrier.NONE, Duration.ofSeconds(5));
        v.submit(limit("a-1", Side.BUY, "0.010", "20000", TimeInForce.GTC), 20_000, 0, "owner", false);
        v.flush();
        adapter.awaitSubmitted(1);
        exchange(() -> {
            v.offer(new OrderAccepted(id("a-1"), BTC, 1));
            v.offer(fill("a-1", "0.004", "0.0000040", "BTC", "0.006"));
        });
        awaitInbox(v, 1);
        OrderFilled first = (OrderFilled) delivered.get(0);
        assertThat(first.complete()).isFalse();
        assertThat(first.fill().feeAsset()).isEqualTo("USDT");
        assertThat(first.fill().fee()).isEqualByComparingTo("0.08"); // 0.000004 BTC x 20,000 USDT/BTC
        assertThat(v.workingIds()).containsExactly(id("a-1"));

        exchange(() -> v.offer(fill("a-1", "0.006", "0.0000060", "BTC", "0")));
        awaitInbox(v, 2);
        assertThat(((OrderFilled) delivered.get(1)).fill().fee()).isEqualByComparingTo("0.12");
        assertThat(v.workingCount()).isZero();
        assertThat(notices).isEmpty();
    }

    @Test
    void booksAFeeInAThirdAssetAsZeroAndReportsIt() throws Exception {
        ExchangeVenue v = venue(SendBarrier.NONE, Duration.ofSeconds(5));
        v.submit(market("a-1", Side.BUY, "0.010"), 20_000, 0, "owner", false);
        v.flush();
        adapter.awaitSubmitted(1);
        exchange(() -> v.offer(fill("a-1", "0.010", "0.00031", "BNB", "0")));
        awaitInbox(v, 1);
        assertThat(((OrderFilled) delivered.get(0)).fill().fee()).isZero();
        assertThat(notices).singleElement().asString().contains("0.00031 BNB").contains("a-1");
    }

    @Test
    void endsAnOrderTheExchangeRefusesAfterAcceptance() throws Exception {
        ExchangeVenue v = venue(SendBarrier.NONE, Duration.ofSeconds(5));
        assertThat(v.submit(market("a-1", Side.BUY, "0.010"), 20_000, 0, "owner", false))
                .isInstanceOf(OrderAccepted.class);
        v.flush();
        adapter.awaitSubmitted(1);
        exchange(() -> v.offer(new OrderRejected(id("a-1"), BTC, 2, new RejectReason(RejectSource.VENUE,
                "INSUFFICIENT_BALANCE", "Account has insufficient balance for requested action.", null))));
        awaitInbox(v, 1);
        assertThat(delivered).singleElement().isInstanceOf(OrderRejected.class);
        assertThat(v.workingCount()).isZero();
    }

    @Test
    void sendsACancelAndEndsTheOrderWhenTheExchangeReportsIt() throws Exception {
        ExchangeVenue v = venue(SendBarrier.NONE, Duration.ofSeconds(5));
        v.submit(limit("a-1", Side.SELL, "0.010", "21000", TimeInForce.GTC), 20_000, 0, "owner", false);
        v.flush();
        adapter.awaitSubmitted(1);
        assertThat(v.cancel(id("a-1"), 5)).isNull();
        assertThat(v.workingIds()).containsExactly(id("a-1")); // until the exchange says it is canceled
        adapter.canceled.poll(5, TimeUnit.SECONDS);
        exchange(() -> v.offer(new OrderCanceled(id("a-1"), BTC, 6)));
        awaitInbox(v, 1);
        assertThat(delivered).singleElement().isInstanceOf(OrderCanceled.class);
        assertThat(v.workingCount()).isZero();
        assertThat(v.cancel(id("a-1"), 7)).isNull();
        assertThat(adapter.canceled).isEmpty();
    }

    @Test
    void cancelAllWaitsForTheCancelsAndDeliversALateFill() throws Exception {
        ExchangeVenue v = venue(SendBarrier.NONE, Duration.ofSeconds(5));
        v.submit(limit("a-1", Side.BUY, "0.010", "19000", TimeInForce.GTC), 20_000, 0, "owner", false);
        v.submit(limit("a-2", Side.SELL, "0.010", "21000", TimeInForce.GTC), 20_000, 0, "owner", false);
        v.flush();
        adapter.awaitSubmitted(2);
        adapter.onCancel = cid -> v.offer(cid.equals(id("a-1")) ? fill("a-1", "0.010", "0.019", "USDT", "0")
                : new OrderCanceled(cid, BTC, 9));
        assertThat(v.cancelAll(8)).isEmpty();
        assertThat(delivered).hasSize(2).anySatisfy(e -> assertThat(e).isInstanceOf(OrderFilled.class))
                .anySatisfy(e -> assertThat(e).isInstanceOf(OrderCanceled.class));
        assertThat(v.workingCount()).isZero();
    }

    private static OrderFilled fill(String cid, String qty, String fee, String feeAsset, String remaining) {
        return new OrderFilled(new Fill(id(cid), BTC, Side.BUY, d("20000"), d(qty), d(fee), feeAsset,
                Liquidity.TAKER, 3), d(remaining));
    }

    private void exchange(Runnable r) throws Exception {
        exchangeThread.submit(r).get(5, TimeUnit.SECONDS);
    }

    /** Polls the venue as the engine thread does until {@code n} events were delivered (at most 5 s). */
    private void awaitInbox(ExchangeVenue v, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (delivered.size() < n && System.nanoTime() < deadline) {
            if (!v.poll()) {
                Thread.sleep(5);
            }
        }
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(n);
    }

    /** Records what reaches the exchange; cancels optionally answered at once. */
    private final class FakeAdapter implements ExchangeAdapter {
        final List<Order> submitted = new CopyOnWriteArrayList<>();
        final java.util.concurrent.BlockingQueue<ClientOrderId> canceled =
                new java.util.concurrent.LinkedBlockingQueue<>();
        volatile Consumer<ClientOrderId> onCancel = c -> { };

        @Override
        public Set<ExchangeCapability> capabilities() {
            return Set.of(ExchangeCapability.ORDER_EXECUTION);
        }

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public void submit(Order o) {
            order.add("submit " + o.clientOrderId().value());
            submitted.add(o);
        }

        @Override
        public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
            canceled.add(clientOrderId);
            onCancel.accept(clientOrderId);
        }

        void awaitSubmitted(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (submitted.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(submitted).hasSize(n);
        }

        @Override
        public void close() {
        }
    }

}
