package io.quantplug.plugins.pairs;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule and the leg sizes on a synthetic cointegrated pair, {@code ln y = 0.3 + 1.5 ln x + e}, with {@code e} a
 * small oscillation and a step of +0.005 for bars 200..209: the spread turns rich (short the spread) and reverts.
 * The expected decisions and sizes come from {@link HandSpread} and the documented sizing formula.
 */
class PairsTradingStrategyTest {

    static final int N = 300;
    static final BigDecimal LOT = new BigDecimal("0.001");

    static HandSpread synthetic() {
        long[] times = new long[N];
        double[] y = new double[N];
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            times[t] = 1_672_531_200_000L + t * PairHarness.HOUR;
            x[t] = 50 * Math.exp(0.05 * Math.sin(t / 9.0) + 0.0005 * t);
            double e = 0.002 * Math.sin(1.7 * t) + (t >= 200 && t < 210 ? 0.005 : 0);
            y[t] = Math.exp(0.3 + 1.5 * Math.log(x[t]) + e);
        }
        return HandSpread.of(times, y, x);
    }

    static Instrument instrument(String symbol, String base, InstrumentKind kind) {
        return new Instrument(InstrumentId.of(symbol, "BINANCE"), base, "USDT", new BigDecimal("0.01"), LOT, LOT,
                new BigDecimal("5"), kind);
    }

    private static BigDecimal lots(double quantity) {
        return BigDecimal.valueOf((long) Math.floor(quantity / 0.001)).multiply(LOT);
    }

    @Test
    void shortsTheRichSpreadDollarNeutralAndClosesExactlyWhatItHolds() {
        HandSpread pairs = synthetic();
        List<HandSpread.Decision> expected = pairs.decisions(100, 2, 0.5, 0);
        assertThat(expected).extracting(HandSpread.Decision::what)
                .containsExactly("entry SHORT_SPREAD", "exit");
        HandSpread.Decision entry = expected.get(0);
        assertThat(entry.index()).isEqualTo(200);
        PairHarness h = new PairHarness(instrument("YYYUSDT", "YYY", InstrumentKind.PERPETUAL),
                instrument("XXXUSDT", "XXX", InstrumentKind.PERPETUAL),
                Map.of("lookback", 100, "stopZ", 0, "significance", 0, "mode", "long-short", "allocation", 0.5),
                "10000");
        h.feed(pairs, 0, N);

        double beta = entry.fit().hedgeRatio();
        assertThat(beta).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));
        double notionalY = 0.5 * 10_000 / (1 + beta);
        BigDecimal qy = lots(notionalY / pairs.closeY[200]);
        BigDecimal qx = lots(beta * notionalY / pairs.closeX[200]);
        List<String> orders = h.context.orders().stream().map(s -> describe((MarketOrder) s.order())).toList();
        int exit = expected.get(1).index();
        assertThat(orders).containsExactly(
                "SELL YYYUSDT " + qy.toPlainString(), "BUY XXXUSDT " + qx.toPlainString(),
                "BUY YYYUSDT " + qy.toPlainString(), "SELL XXXUSDT " + qx.toPlainString());
        assertThat(h.context.orders()).extracting(RecordingContext.Submitted::timeMillis).containsExactly(
                pairs.times[200] + PairHarness.HOUR, pairs.times[200] + PairHarness.HOUR,
                pairs.times[exit] + PairHarness.HOUR, pairs.times[exit] + PairHarness.HOUR);
        assertThat(((PairsTradingStrategy) h.strategy).legs().heldY()).isZero();
        assertThat(((PairsTradingStrategy) h.strategy).legs().heldX()).isZero();
    }

    @Test
    void longOnlyBuysOnlyTheCheapLegAtItsShareOfThePair() {
        HandSpread pairs = synthetic();
        HandSpread.Decision entry = pairs.decisions(100, 2, 0.5, 0).get(0);
        PairHarness h = new PairHarness(instrument("YYYUSDT", "YYY", InstrumentKind.SPOT),
                instrument("XXXUSDT", "XXX", InstrumentKind.SPOT),
                Map.of("lookback", 100, "stopZ", 0, "significance", 0), "10000");
        h.feed(pairs, 0, N);
        double beta = entry.fit().hedgeRatio();
        BigDecimal qx = lots(0.5 * 10_000 * beta / (1 + beta) / pairs.closeX[200]);
        assertThat(h.context.orders().stream().map(s -> describe((MarketOrder) s.order())).toList())
                .containsExactly("BUY XXXUSDT " + qx.toPlainString(), "SELL XXXUSDT " + qx.toPlainString());
    }

    @Test
    void noEntryBeyondStopZ() {
        HandSpread pairs = synthetic();
        double z = pairs.decisions(100, 2, 0.5, 0).get(0).fit().z();
        assertThat(z).isGreaterThan(2.1);
        double stop = Math.floor(z * 10) / 10;
        PairHarness h = new PairHarness(instrument("YYYUSDT", "YYY", InstrumentKind.SPOT),
                instrument("XXXUSDT", "XXX", InstrumentKind.SPOT),
                Map.of("lookback", 100, "stopZ", stop, "significance", 0), "10000");
        h.feed(pairs, 0, N);
        List<HandSpread.Decision> expected = pairs.decisions(100, 2, 0.5, stop);
        assertThat(expected).extracting(HandSpread.Decision::index).doesNotContain(200);
        assertThat(h.context.orders()).extracting(RecordingContext.Submitted::timeMillis)
                .isEqualTo(expected.stream().map(d -> pairs.times[d.index()] + PairHarness.HOUR).toList());
    }

    private static String describe(MarketOrder o) {
        return o.side() + " " + o.instrument().symbol() + " " + ((OrderSize.Base) o.size()).quantity().toPlainString();
    }
}
