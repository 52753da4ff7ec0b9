package io.quantplug.testkit;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.testkit.StreakProvider.Variant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwapRehearsalTest {

    private static final InstrumentId BTC_ID = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument BTC = Instrument.spot(BTC_ID, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ONE);
    /**
     * Hourly closes; each bar opens at the previous close. By hand, for streaks of 3: closes 1..3 rise (LONG on bar
     * 3's close, filled at bar 4's open, 103), 5..7 fall (FLAT on bar 7, out at bar 8's open, 101), 9..11 rise (LONG
     * on bar 11, in at bar 12's open, 103), held to the end (closed at bar 13's close, 105).
     */
    private static final double[] CLOSES = {100, 101, 102, 103, 104, 103, 102, 101, 100, 101, 102, 103, 104, 105};

    private static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        long t = 1_700_000_000_000L - 1_700_000_000_000L % 3_600_000L;
        double open = CLOSES[0];
        for (double close : CLOSES) {
            bars.add(new Bar(BTC_ID, Timeframe.H1, t, open, Math.max(open, close), Math.min(open, close), close, 5));
            open = close;
            t += 3_600_000L;
        }
        return bars;
    }

    private static final Consumer<PluginBacktest> SETUP = b -> b.bars(bars(), Timeframe.H1).instrument(BTC);

    @Test
    void aRestoredInstanceTradesAsTheUninterruptedRun() {
        SwapRehearsal.Result r = SwapRehearsal.of(new StreakProvider(Variant.FAITHFUL)).swapBeforeBar(6)
                .backtest(SETUP).run();

        assertThat(r.restored()).isTrue();
        // after bar 5: last close 103, falling once
        assertThat(r.snapshot().format()).isEqualTo("streak/1");
        assertThat(r.snapshot().values()).containsEntry("lastClose", "103.0").containsEntry("ups", "0")
                .containsEntry("downs", "1");
        assertThat(r.swapped().closedTrades()).extracting(ClosedTrade::entryBar, ClosedTrade::exitBar,
                        ClosedTrade::exit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 8, TradeExit.SIGNAL),
                        org.assertj.core.groups.Tuple.tuple(12, 13, TradeExit.END_OF_DATA));
        assertThat(r.swapped().closedTrades().get(0).entryPrice()).isEqualByComparingTo("103");
        assertThat(r.swapped().closedTrades().get(0).exitPrice()).isEqualByComparingTo("101");
        assertThat(r.swapped().closedTrades().get(1).exitPrice()).isEqualByComparingTo("105");
        r.assertMatchesUninterrupted();
    }

    @Test
    void anInstanceThatForgetsItsStateMissesTheExitAndTheCheckSaysWhere() {
        StreakProvider forgetful = new StreakProvider(Variant.FORGETFUL);
        SwapRehearsal.Result r = SwapRehearsal.of(forgetful).swapBeforeBar(6).backtest(SETUP).run();

        assertThat(r.snapshot()).isNull();
        assertThat(r.restored()).isFalse();
        // started fresh at bar 6: closes 102, 101, 100 are only two falls after its first bar, so no FLAT
        assertThat(r.swapped().closedTrades()).singleElement()
                .satisfies(t -> assertThat(t.exit()).isEqualTo(TradeExit.END_OF_DATA));
        assertThatThrownBy(r::assertMatchesUninterrupted).isInstanceOf(AssertionError.class)
                .hasMessageContaining("signal 1 differs after the swap");
    }

    @Test
    void aNewBuildThatDeclinesTheSnapshotIsStartedFresh() {
        StreakProvider next = new StreakProvider(Variant.NEXT_LAYOUT);
        SwapRehearsal.Result r = SwapRehearsal.of(new StreakProvider(Variant.FAITHFUL), next).swapBeforeBar(6)
                .backtest(SETUP).run();

        assertThat(r.snapshot().format()).isEqualTo("streak/1");
        assertThat(r.restored()).isFalse();
        // one onStart for the swapped run's new instance, one for the uninterrupted run
        assertThat(next.starts).isEqualTo(2);
        assertThatThrownBy(r::assertMatchesUninterrupted).isInstanceOf(AssertionError.class);
    }

    @Test
    void aSnapshotThatThrowsFailsTheRehearsalNamingIt() {
        SwapRehearsal rehearsal = SwapRehearsal.of(new StreakProvider(Variant.BROKEN_SNAPSHOT),
                new StreakProvider(Variant.FAITHFUL)).swapBeforeBar(6).backtest(SETUP);

        assertThatThrownBy(rehearsal::run).isInstanceOf(AssertionError.class)
                .hasMessageContaining("snapshot() threw").hasMessageContaining("cannot write the streaks");
    }

    @Test
    void aSwapAfterTheLastBarIsReported() {
        SwapRehearsal rehearsal = SwapRehearsal.of(new StreakProvider(Variant.FAITHFUL)).swapBeforeBar(14)
                .backtest(SETUP);

        assertThatThrownBy(rehearsal::run).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no swap happened: the data has 14 bars");
    }

    @Test
    void rejectsASwapBeforeTheFirstBar() {
        assertThatThrownBy(() -> SwapRehearsal.of(new StreakProvider(Variant.FAITHFUL)).swapBeforeBar(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swapBeforeBar");
    }
}
