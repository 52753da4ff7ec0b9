package io.quantplug.runtime.backtest;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.ExtensionBuild;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.runtime.session.RunningSession;
import io.quantplug.runtime.session.SessionListener;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The running-session handle seen from another thread while a session runs on a blocking source, as a console
 * instance or a live session does: state, bar count, the position after a fill, a working limit order, the builds,
 * and a stop that ends the run with its result up to the stop.
 */
class BacktestRunTest {

    private static final long T0 = 1_677_628_800_000L;
    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ZERO);

    /** Bar 0: a long signal (filled at bar 1's open); bar 1: a limit buy of 0.5 at 50, far below the market. */
    static final class BuyThenBid implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("buy-then-bid", "Buy then bid", "A test strategy.",
                    ParameterSchema.empty());
        }

        @Override
        public Strategy create(StrategyContext ctx) {
            return new Strategy() {
                private int bars;

                @Override
                public void onBar(Bar bar) {
                    if (bars == 0) {
                        ctx.emit(Signal.of(BTC, SignalDirection.LONG, ctx.clock().millis(), "go"));
                    } else if (bars == 1) {
                        ctx.submit(new LimitOrder(ctx.nextClientOrderId(), BTC, Side.BUY, new BigDecimal("0.5"),
                                new BigDecimal("50"), TimeInForce.GTC));
                    }
                    bars++;
                }
            };
        }
    }

    /** A source the test feeds by hand; {@code next} blocks until a bar or the stop comes. */
    static final class HandFed implements BarSource {
        private static final Bar END = new Bar(BTC, Timeframe.M1, 0, 1, 1, 1, 1, 0);
        final BlockingQueue<Bar> queue = new LinkedBlockingQueue<>();

        @Override
        public Bar next() {
            try {
                Bar b = queue.take();
                return b == END ? null : b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public void stop() {
            queue.add(END);
        }
    }

    private static Bar bar(int i) {
        double p = 100 + i;
        return new Bar(BTC, Timeframe.M1, T0 + i * 60_000L, p, p + 0.5, p - 0.5, p + 0.25, 1);
    }

    private static BacktestRun open(BarSource source) {
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(new ExtensionInfo(ExtensionKind.STRATEGY,
                new BuyThenBid(), null)));
        BacktestConfig config = new BacktestConfig(SPOT, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                ExtensionRef.parse("buy-then-bid"), List.of(), null, List.of());
        return new Backtester(catalog).open(config, Timeframe.M1, source, new SessionListener() { });
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void anotherThreadSeesPositionsWorkingOrdersAndTheStop() throws Exception {
        HandFed source = new HandFed();
        BacktestRun run = open(source);
        assertThat(run.state()).isEqualTo(RunningSession.State.CREATED);
        assertThat(run.extensions()).containsExactly(new ExtensionBuild("strategy", "buy-then-bid", null, null));
        CompletableFuture<BacktestResult> result = CompletableFuture.supplyAsync(() -> run.run(BacktestProgress.NONE));

        source.queue.add(bar(0));
        source.queue.add(bar(1));
        source.queue.add(bar(2));
        await(() -> run.barCount() == 3);
        assertThat(run.state()).isEqualTo(RunningSession.State.RUNNING);
        // the market buy of bar 0's signal filled at bar 1's open, 101
        List<OpenPosition> positions = run.positions();
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).instrument()).isEqualTo(BTC);
        assertThat(positions.get(0).quantity()).isPositive();
        assertThat(positions.get(0).averageEntryPrice()).isEqualByComparingTo("101");
        // bar 1's limit bid at 50 rests: bar 2 never traded that low
        List<Order> working = run.workingOrders();
        assertThat(working).hasSize(1);
        assertThat(working.get(0)).isInstanceOf(LimitOrder.class);
        assertThat(((LimitOrder) working.get(0)).limitPrice()).isEqualByComparingTo("50");
        assertThat(run.lastPrice()).isEqualTo(bar(2).close());
        // all-in at 101 rounds down to 9.900 BTC (lot 0.001), 0.1 USDT left; marked at bar 2's close, 102.25:
        // 0.1 + 9.9 * 102.25 = 1012.375, never below its running peak (1000, 1002.475, 1012.375)
        assertThat(run.currentEquity()).isCloseTo(1012.375, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run.maxDrawdown()).isZero();

        run.stop("alice");
        BacktestResult r = result.get(5, TimeUnit.SECONDS);
        assertThat(run.state()).isEqualTo(RunningSession.State.STOPPED);
        assertThat(run.stoppedBy()).isEqualTo("alice");
        assertThat(r.stoppedBy()).isEqualTo("stopped by alice");
        assertThat(r.barCount()).isEqualTo(3);
        // finishing canceled the bid and closed the position at the last close
        assertThat(run.workingOrders()).isEmpty();
        assertThat(run.positions()).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> run.run(BacktestProgress.NONE))
                .withMessageContaining("used once");
    }

    @Test
    void aSourceThatEndsFinishesTheRun() {
        List<Bar> bars = List.of(bar(0), bar(1), bar(2), bar(3));
        BacktestRun run = open(BarSource.of(bars));
        BacktestResult r = run.run(BacktestProgress.NONE);
        assertThat(run.state()).isEqualTo(RunningSession.State.FINISHED);
        assertThat(r.stoppedBy()).isNull();
        assertThat(r.barCount()).isEqualTo(4);
        assertThat(run.barCount()).isEqualTo(4);
    }

    @Test
    void warmUpBarsAreSeenButNothingTrades() {
        List<Bar> bars = List.of(bar(0), bar(1), bar(2), bar(3));
        List<String> outcomes = new java.util.ArrayList<>();
        List<io.quantplug.api.order.OrderEvent> events = new java.util.ArrayList<>();
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(new ExtensionInfo(ExtensionKind.STRATEGY,
                new BuyThenBid(), null)));
        BacktestConfig config = new BacktestConfig(SPOT, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                ExtensionRef.parse("buy-then-bid"), List.of(), null, List.of());
        BacktestRun run = new Backtester(catalog).open(config, Timeframe.M1, BarSource.of(bars), new SessionListener() {
            @Override
            public void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
                outcomes.add(outcome);
            }

            @Override
            public void onOrderEvent(String strategy, io.quantplug.api.order.OrderEvent event) {
                events.add(event);
            }
        }).warmUp(2);
        BacktestResult r = run.run(BacktestProgress.NONE);
        // bar 0's signal and bar 1's limit order fall in the warm-up: nothing traded, the order refused
        assertThat(outcomes).containsExactly("not traded: warm-up bar");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).isInstanceOfSatisfying(io.quantplug.api.order.OrderRejected.class,
                e -> assertThat(e.reason().code()).isEqualTo("WARM_UP"));
        assertThat(r.trades()).isEmpty();
        assertThat(r.barCount()).isEqualTo(4);
        assertThatIllegalStateException().isThrownBy(() -> run.warmUp(1));
    }
}
