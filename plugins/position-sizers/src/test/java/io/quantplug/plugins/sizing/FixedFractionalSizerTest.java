package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.testkit.FakeBarHistory;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeSizingContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quantplug.plugins.sizing.SizerStubs.PERP;
import static io.quantplug.plugins.sizing.SizerStubs.SPOT;
import static io.quantplug.plugins.sizing.SizerStubs.closes;
import static io.quantplug.plugins.sizing.SizerStubs.longSignal;
import static io.quantplug.plugins.sizing.SizerStubs.sizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FixedFractionalSizerTest {

    private static final FixedFractionalProvider PROVIDER = new FixedFractionalProvider();

    /**
     * Four daily bars (oldest first) whose true ranges are whole numbers:
     * <pre>
     *   bar  O    H    L    C     TR = max(H - L, |H - C_prev|, |L - C_prev|)
     *   0   100  102   98  100    (no previous close)
     *   1   100  104   99  103    max(5, |104 - 100| = 4, |99 - 100| = 1)  = 5
     *   2   102  103  100  101    max(3, |103 - 103| = 0, |100 - 103| = 3) = 3
     *   3   105  108  104  107    max(4, |108 - 101| = 7, |104 - 101| = 3) = 7
     *   ATR_3 = (5 + 3 + 7) / 3 = 5
     * </pre>
     */
    private static List<Bar> atrBars() {
        return List.of(bar(0, 100, 102, 98, 100), bar(1, 100, 104, 99, 103), bar(2, 102, 103, 100, 101),
                bar(3, 105, 108, 104, 107));
    }

    private static Bar bar(int day, double open, double high, double low, double close) {
        return new Bar(SPOT.id(), Timeframe.D1, day * Timeframe.D1.millis(), open, high, low, close, 1.0);
    }

    private static FakeSizingContext flatPrice(Instrument instrument, String equity, double price) {
        return new FakeSizingContext(instrument, new FakePortfolio().equity(equity),
                closes(instrument, Timeframe.D1, price));
    }

    @Test
    void risksOnePercentOfEquityOverATwoPercentStop() {
        // risk = 1 % x 10 000 = 100 USDT; stop distance = 2 % x 50 = 1 USDT per BTC; quantity = 100 / 1 = 100 BTC
        // (notional 5 000, below the cash cap 10 000 x 0.99 = 9 900)
        PositionSizer sizer = sizer(PROVIDER);
        assertThat(sizer.size(longSignal(SPOT), flatPrice(SPOT, "10000", 50))).isEqualByComparingTo("100");
    }

    @Test
    void roundsTheQuantityDownToTheLot() {
        // notional = 1 % x 10 000 / 2 % = 5 000; at 30: 5 000 / 30 = 166.666... -> 166.666 (lot 0.001)
        PositionSizer sizer = sizer(PROVIDER);
        assertThat(sizer.size(longSignal(SPOT), flatPrice(SPOT, "10000", 30))).isEqualByComparingTo("166.666");
    }

    @Test
    void setsTheStopInAverageTrueRanges() {
        // ATR_3 = 5 (see atrBars); stop = 2 x 5 = 10 USDT per BTC; risk = 1 % x 10 000 = 100; quantity = 100 / 10
        // = 10 BTC at the last close 107 (notional 1 070)
        PositionSizer sizer = sizer(PROVIDER, "stop", "atr", "atrMultiple", "2", "atrBars", "3");
        FakeSizingContext context = new FakeSizingContext(SPOT, new FakePortfolio().equity("10000"), atrBars());
        assertThat(sizer.size(longSignal(SPOT), context)).isEqualByComparingTo("10");
    }

    @Test
    void tradesNothingUntilTheAtrHasItsBars() {
        // atrBars = 3 needs 4 bars; 3 are there
        PositionSizer sizer = sizer(PROVIDER, "stop", "atr", "atrBars", "3");
        FakeSizingContext context = new FakeSizingContext(SPOT, new FakePortfolio().equity("10000"),
                atrBars().subList(0, 3));
        assertThat(sizer.size(longSignal(SPOT), context)).isZero();
    }

    @Test
    void tradesNothingWhenTheAtrIsZero() {
        // flat bars: every true range is 0, so there is no stop distance to size against
        PositionSizer sizer = sizer(PROVIDER, "stop", "atr", "atrBars", "3");
        FakeSizingContext context = new FakeSizingContext(SPOT, new FakePortfolio().equity("10000"),
                closes(SPOT, Timeframe.D1, 100, 100, 100, 100));
        assertThat(sizer.size(longSignal(SPOT), context)).isZero();
    }

    @Test
    void leverageCapBindsWhenTheStopIsTight() {
        // 2 % risk over a 0.5 % stop asks for 0.02 x 10 000 / 0.005 = 40 000 notional = 4 x equity;
        // maxLeverage 1 caps it at 10 000 -> 10 000 / 50 = 200; maxLeverage 2 -> 20 000 / 50 = 400
        FakeSizingContext context = flatPrice(PERP, "10000", 50);
        assertThat(sizer(PROVIDER, "riskPercent", "2", "stopPercent", "0.5").size(longSignal(PERP), context))
                .isEqualByComparingTo("200");
        assertThat(sizer(PROVIDER, "riskPercent", "2", "stopPercent", "0.5", "maxLeverage", "2")
                .size(longSignal(PERP), context)).isEqualByComparingTo("400");
    }

    @Test
    void spotBuyLeavesTheCashBuffer() {
        // the same 40 000 asked, capped at 1 x equity = 10 000, then at cash x (1 - 1 %) = 9 900 -> 9 900 / 50 = 198
        FakeSizingContext context = flatPrice(SPOT, "10000", 50);
        assertThat(sizer(PROVIDER, "riskPercent", "2", "stopPercent", "0.5").size(longSignal(SPOT), context))
                .isEqualByComparingTo("198");
        // with less cash than equity (another position holds the rest): 4 000 x 0.99 = 3 960 -> 79.2
        context.portfolio().cash("4000");
        assertThat(sizer(PROVIDER, "riskPercent", "2", "stopPercent", "0.5").size(longSignal(SPOT), context))
                .isEqualByComparingTo("79.2");
    }

    @Test
    void tradesNothingWithoutEquity() {
        PositionSizer sizer = sizer(PROVIDER);
        assertThat(sizer.size(longSignal(SPOT), flatPrice(SPOT, "0", 50))).isZero();
        assertThat(sizer.size(longSignal(PERP), flatPrice(PERP, "-100", 50))).isZero();
    }

    @Test
    void refusesAnAtrLookBackTheHistoryCannotHold() {
        PositionSizer sizer = sizer(PROVIDER, "stop", "atr", "atrBars", "20");
        FakeSizingContext context = new FakeSizingContext(SPOT, new FakePortfolio().equity("10000"),
                new FakeBarHistory(atrBars(), 10));
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> sizer.size(longSignal(SPOT), context))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("atrBars"))
                .withMessage("parameter 'atrBars' = 20 needs 21 bars of history, but the session keeps 10: "
                        + "allowed at most 9 (bars) in this session");
    }
}
