package io.quantplug.runtime.session;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Warm-up bars first, then streamed bars in order, each once; an end after N streamed bars or a stop. */
class ExchangeBarSourceTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 60_000;

    private static Bar bar(int i) {
        return new Bar(BTC, Timeframe.M1, T0 + i * 60_000L, 100, 101, 99, 100.5, 1);
    }

    @Test
    void warmUpBeforeTheFirstStreamedBarThenStreamedBarsEachOnceUntilTheLimit() {
        List<long[]> asked = new java.util.ArrayList<>();
        ExchangeBarSource source = new ExchangeBarSource(BTC, Timeframe.M1, 2, (open, count) -> {
            asked.add(new long[] {open, count});
            return List.of(bar(-1), bar(0), bar(1)); // more than asked: the last two are taken
        }, 8, 3);
        source.onBar(bar(2));
        source.onBar(bar(2)); // sent again after a reconnect: dropped
        source.onBar(new Bar(InstrumentId.of("ETHUSDT", "BINANCE"), Timeframe.M1, T0 + 180_000, 1, 1, 1, 1, 1));
        source.onBar(new Bar(BTC, Timeframe.M5, T0 + 300_000, 1, 1, 1, 1, 1)); // another timeframe: ignored
        source.onBar(bar(3));
        source.onBar(bar(4));
        source.onBar(bar(5)); // after the third streamed bar: never handed out
        assertThat(List.of(source.next(), source.next(), source.next(), source.next(), source.next()))
                .containsExactly(bar(0), bar(1), bar(2), bar(3), bar(4));
        assertThat(source.next()).isNull();
        assertThat(source.liveBars()).isEqualTo(3);
        assertThat(source.warmUpBarsFetched()).isEqualTo(2);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactly(bar(2).openTimeMillis(), 2);
    }

    @Test
    void theEventLagIsTheClocksTimeWhenTheEngineTakesABarMinusItsClose() {
        // the bar closes at T0 + 60 s; the engine takes it 1.5 s later by the injected clock
        Clock clock = Clock.fixed(java.time.Instant.ofEpochMilli(T0 + 61_500), java.time.ZoneOffset.UTC);
        ExchangeBarSource source = new ExchangeBarSource(BTC, Timeframe.M1, 0, null, 8, Long.MAX_VALUE, clock);
        assertThat(source.eventLagMillis()).isEqualTo(-1);
        source.onBar(bar(0));
        assertThat(source.next()).isEqualTo(bar(0));
        assertThat(source.eventLagMillis()).isEqualTo(1_500);
    }

    @Test
    void aStopWakesTheEngineThread() throws Exception {
        ExchangeBarSource source = new ExchangeBarSource(BTC, Timeframe.M1, 0, null, 8, Long.MAX_VALUE);
        CompletableFuture<Bar> waiting = CompletableFuture.supplyAsync(source::next);
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        source.onConnectionChange(false, "stream closed: 1006");
        source.stop();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(source.connected()).isFalse();
        assertThat(source.connectionDetail()).isEqualTo("stream closed: 1006");
    }

    @Test
    void aShortOrWrongHistoryIsRefusedWithWhatItLacks() {
        ExchangeBarSource shortHistory = new ExchangeBarSource(BTC, Timeframe.M1, 3, (open, count) -> List.of(bar(0)),
                8, 5);
        shortHistory.onBar(bar(1));
        assertThatIllegalStateException().isThrownBy(shortHistory::next).withMessageContaining("only 1 of the 3");
        ExchangeBarSource overlapping = new ExchangeBarSource(BTC, Timeframe.M1, 1, (open, count) -> List.of(bar(1)),
                8, 5);
        overlapping.onBar(bar(1));
        assertThatIllegalStateException().isThrownBy(overlapping::next).withMessageContaining("not before");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ExchangeBarSource(BTC, Timeframe.M1, 0, null, 8,
                0)).withMessageContaining("stopAfterBars");
        assertThatIllegalArgumentException().isThrownBy(() -> new ExchangeBarSource(BTC, Timeframe.M5, 2, null, 8,
                1)).withMessageContaining("warmupBars");
    }
}
