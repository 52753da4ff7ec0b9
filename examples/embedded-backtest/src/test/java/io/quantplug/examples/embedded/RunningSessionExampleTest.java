package io.quantplug.examples.embedded;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.Platform;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.ExtensionBuild;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.runtime.session.RunningSession;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The running-session handle as an embedding application uses it: {@link Platform#open} on a source of its own (the
 * real 2022 BTCUSDT one-minute bars, handed out as a stream that pauses after 20,000 bars), run on a thread of its
 * own and watched from the test's thread. What the handle showed while the session waited must be what the result
 * says after the stop: the position open at that moment is the round trip the stop closed ({@code END_OF_DATA}),
 * with its quantity and entry price.
 */
class RunningSessionExampleTest {

    private static final String FILE = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";
    private static final int PAUSE_AT = 20_000;

    /** The file's bars as a stream with no known end, which waits after {@link #PAUSE_AT} bars until released. */
    static final class PausingStream implements BarSource {
        final CountDownLatch release = new CountDownLatch(1);
        private final List<Bar> bars;
        private int next;

        PausingStream(List<Bar> bars) {
            this.bars = bars;
        }

        @Override
        public Bar next() {
            if (next == PAUSE_AT) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return next < bars.size() ? bars.get(next++) : null;
        }

        @Override
        public void stop() {
            release.countDown();
        }
    }

    @Test
    void theHandleShowsWhatTheResultConfirms() throws Exception {
        Path file = SharedData.require(FILE);
        Instrument btc = EmbeddedBacktest.binanceSpot("BTCUSDT");
        List<Bar> bars = new BarFileReader().read(file).series().toBars(btc.id());
        try (Platform platform = Platform.builder()
                .classPathExtensions(RunningSessionExampleTest.class.getClassLoader()).build()) {
            PausingStream stream = new PausingStream(bars);
            BacktestRun run = platform.open(EmbeddedBacktest.config(btc), Timeframe.M1, stream,
                    new SessionListener() { });
            assertThat(run.extensions()).containsExactly(new ExtensionBuild("strategy", SmaMomentumProvider.ID,
                    null, null));
            CompletableFuture<BacktestResult> done = CompletableFuture.supplyAsync(
                    () -> run.run(BacktestProgress.NONE));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (run.barCount() < PAUSE_AT) {
                assertThat(System.nanoTime()).as("20,000 bars within 60 s").isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(run.state()).isEqualTo(RunningSession.State.RUNNING);
            assertThat(run.lastPrice()).isEqualTo(bars.get(PAUSE_AT - 1).close());
            List<OpenPosition> open = run.positions();
            double drawdown = run.maxDrawdown();
            double equity = run.currentEquity();
            assertThat(run.workingOrders()).isEmpty(); // the strategy trades market orders, filled on the next bar

            run.stop("example");
            BacktestResult result = done.get(60, TimeUnit.SECONDS);
            assertThat(run.state()).isEqualTo(RunningSession.State.STOPPED);
            assertThat(result.barCount()).isEqualTo(PAUSE_AT);
            assertThat(result.stoppedBy()).isEqualTo("stopped by example");
            // a stream publishes after every bar: the handle's equity is the curve's last point before the stop closed
            // the position, which cost the 10 bps fee on its notional at the last close; its drawdown is the curve's
            // (computed here) with that point. The curve has a point for the start (the capital) and one per bar.
            double[] curve = result.equity().values();
            assertThat(curve).hasSize(PAUSE_AT + 1);
            double fee = open.isEmpty() ? 0 : open.get(0).quantity().doubleValue() * bars.get(PAUSE_AT - 1).close()
                    * 10 / 10_000;
            assertThat(equity - curve[PAUSE_AT]).isCloseTo(fee, within(1e-6));
            double peak = Double.NEGATIVE_INFINITY;
            double deepest = 0;
            for (int i = 0; i <= PAUSE_AT; i++) {
                double e = i == PAUSE_AT ? equity : curve[i];
                peak = Math.max(peak, e);
                deepest = Math.max(deepest, (peak - e) / peak);
            }
            assertThat(drawdown).isCloseTo(deepest, within(1e-12));
            List<RoundTrip> trades = result.trades();
            RoundTrip last = trades.get(trades.size() - 1);
            if (open.isEmpty()) {
                assertThat(last.exitReason()).isNotEqualTo(ExitReason.END_OF_DATA);
            } else {
                assertThat(open).hasSize(1);
                assertThat(last.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
                assertThat(open.get(0).quantity()).isEqualByComparingTo(last.quantity());
                assertThat(open.get(0).averageEntryPrice()).isEqualByComparingTo(last.entryPrice());
            }
            System.out.printf("RunningSessionExampleTest: at bar %d the handle showed %s; %d trades%n", PAUSE_AT,
                    open, trades.size());
        }
    }
}
