package io.quantplug.plugins.orderflow;

import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.sdk.orderflow.BookImbalance;
import io.quantplug.sdk.orderflow.Footprint;
import io.quantplug.sdk.orderflow.SpoofDetector;
import io.quantplug.sdk.orderflow.VolumeProfile;
import io.quantplug.sdk.orderflow.WhaleDetector;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.InstantSource;

import static io.quantplug.plugins.orderflow.ScalperBench.BTCUSDT;
import static io.quantplug.plugins.orderflow.ScalperBench.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-event paths allocate nothing: the SDK's order-flow classes, and {@code volume-scalper}'s callbacks while it
 * emits no signal, measured with the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}) over 100,000 events after a warm-up run of
 * the same events. The bound, 4 KiB, leaves room for the counter's own bookkeeping; one 16-byte object per event
 * would be 1.6 MB. (Here rather than in the sdk module, whose tests run as a JPMS module that does not read
 * {@code jdk.management}.)
 */
class NoAllocationTest {

    private static final int EVENTS = 100_000;

    private static long allocatedBytes(Runnable work) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        work.run();
        long before = bean.getCurrentThreadAllocatedBytes();
        work.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }

    private static OrderBookView book() {
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bids.add(new BookLevel(99 - i, 1 + i));
            asks.add(new BookLevel(101 + i, 2 + i));
        }
        return new OrderBookSnapshot(BTCUSDT.id(), 0, bids, asks);
    }

    @Test
    void theSdkOrderFlowUpdatesAllocateNothing() {
        VolumeProfile profile = new VolumeProfile(1.0, 5_000, 0.7, 10_000, 1_000);
        Footprint footprint = new Footprint(1.0, 1_000, 1_000, 5, 2.0, 1);
        WhaleDetector whales = new WhaleDetector(100, 10);
        BookImbalance imbalance = new BookImbalance(5);
        SpoofDetector spoofs = new SpoofDetector(5, 100, 10, 1_000, 0.8, 16);
        OrderBookView book = book();
        long[] clock = {0};
        long bytes = allocatedBytes(() -> {
            for (int i = 0; i < EVENTS; i++) {
                long t = clock[0]++;
                double price = 100 + (i % 37) * 0.5;
                double quantity = 0.1 + (i % 11);
                Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
                profile.update(t, price, quantity);
                footprint.update(t, price, quantity, side);
                whales.observe(quantity);
                imbalance.compute(book);
                spoofs.onTrade(price, quantity, side);
                spoofs.onBook(book);
                if (i % 100 == 0) {
                    profile.valueAreaLow();
                }
            }
        });
        assertThat(bytes).isLessThan(4_096);
    }

    /**
     * The test kit's context with a clock like the engine's ({@code SimulatedClock} overrides {@code millis()}): the
     * kit's own clock makes an {@code Instant} per read, which would be measured here as the strategy's.
     */
    private static final class EngineLikeClockContext extends FakeStrategyContext {
        private final InstantSource clock = new InstantSource() {
            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(timeMillis());
            }

            @Override
            public long millis() {
                return timeMillis();
            }
        };

        EngineLikeClockContext() {
            super(BTCUSDT);
        }

        @Override
        public InstantSource clock() {
            return clock;
        }
    }

    @Test
    void volumeScalperCallbacksAllocateNothingWhileItDoesNotSignal() {
        // 1,000,000 trades of warm-up can never be in the window (it holds 200,000): no signal, only the hot path
        VolumeScalperProvider provider = new VolumeScalperProvider();
        EngineLikeClockContext context = new EngineLikeClockContext();
        context.parameters(TestParameters.of(provider, "minProfileTrades", "1000000", "whaleTrades", "10"));
        Strategy scalper = provider.create(context);
        OrderBookView book = book();
        TradeTick[] ticks = new TradeTick[2 * EVENTS];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = new TradeTick(BTCUSDT.id(), T0 + i, 100 + (i % 37) * 0.5, 0.1 + (i % 11),
                    (i & 1) == 0 ? Side.BUY : Side.SELL, "t");
        }
        int[] next = {0};
        long bytes = allocatedBytes(() -> {
            for (int i = 0; i < EVENTS; i++) {
                TradeTick tick = ticks[next[0]++];
                context.at(tick.timeMillis());
                scalper.onTrade(tick);
                scalper.onOrderBook(book);
            }
        });
        assertThat(context.signals()).isEmpty();
        assertThat(bytes).isLessThan(4_096);
    }
}
