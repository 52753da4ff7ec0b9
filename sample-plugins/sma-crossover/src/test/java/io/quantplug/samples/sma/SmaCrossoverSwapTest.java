package io.quantplug.samples.sma;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestData;
import io.quantplug.testkit.TestParameters;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hot swap of the SMA crossover in the middle of 50,000 real one-minute bars: the old instance's snapshot restored
 * into a new one gives exactly the signals of an uninterrupted run, at every cut tried (before warm-up, right after
 * it, mid-run), and a snapshot of other periods is declined.
 */
class SmaCrossoverSwapTest {

    private static final Instrument BTC = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), BigDecimal.TEN);

    private static List<Bar> bars() throws IOException {
        List<String> lines = Files.readAllLines(TestData.file(SmaCrossoverTest.FILE));
        List<Bar> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long t = LocalDateTime.parse(f[0].replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
            out.add(new Bar(BTC.id(), Timeframe.parse("1m"), t, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        }
        return out;
    }

    private static Strategy create(FakeStrategyContext ctx, int fast, int slow) {
        SmaCrossoverProvider p = new SmaCrossoverProvider();
        return p.create(ctx.parameters(TestParameters.of(p, "fast", Integer.toString(fast), "slow",
                Integer.toString(slow))));
    }

    private static List<String> signals(FakeStrategyContext ctx) {
        return ctx.signals().stream().map(Signal::toString).toList();
    }

    @Test
    void aRestoredInstanceContinuesExactlyAsTheOldOneWould() throws IOException {
        List<Bar> bars = bars();
        FakeStrategyContext whole = new FakeStrategyContext(BTC);
        Strategy uninterrupted = create(whole, 10, 30);
        for (Bar b : bars) {
            whole.onBar(uninterrupted, b);
        }
        assertThat(whole.signals()).hasSizeGreaterThan(1_900);

        for (int cut : new int[] {5, 30, 31, 17_321, 49_999}) {
            FakeStrategyContext ctx = new FakeStrategyContext(BTC);
            Strategy old = create(ctx, 10, 30);
            for (Bar b : bars.subList(0, cut)) {
                ctx.onBar(old, b);
            }
            StateSnapshot snapshot = old.snapshot();
            Strategy next = create(ctx, 10, 30);
            assertThat(next.restore(snapshot)).as("cut " + cut).isTrue();
            for (Bar b : bars.subList(cut, bars.size())) {
                ctx.onBar(next, b);
            }
            assertThat(signals(ctx)).as("cut " + cut).isEqualTo(signals(whole));
        }
    }

    @Test
    void aSnapshotOfOtherPeriodsIsDeclined() {
        FakeStrategyContext ctx = new FakeStrategyContext(BTC);
        StateSnapshot of1030 = create(ctx, 10, 30).snapshot();
        assertThat(create(ctx, 5, 20).restore(of1030)).isFalse();
        assertThat(create(ctx, 10, 30).restore(new StateSnapshot("other-layout/1", java.util.Map.of()))).isFalse();
    }
}
