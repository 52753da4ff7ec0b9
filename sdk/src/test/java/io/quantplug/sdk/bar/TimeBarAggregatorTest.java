package io.quantplug.sdk.bar;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeBarAggregatorTest {

    private final List<double[]> bars = new ArrayList<>();
    private final TimeBarAggregator oneSecond = new TimeBarAggregator(1_000,
            (t, o, h, l, c, v) -> bars.add(new double[] {t, o, h, l, c, v}));

    @Test
    void tradesMakeOneBarPerIntervalWithTradesAndNoneForAnEmptyOne() {
        oneSecond.trade(10_000, 100.0, 0.5);   // bar 10 s: opens at 100
        oneSecond.trade(10_400, 101.5, 0.25);  // high
        oneSecond.trade(10_999, 99.75, 1.0);   // low and close
        oneSecond.trade(12_000, 99.0, 2.0);    // bar 12 s (11 s had no trade: no bar)
        assertThat(bars).hasSize(1);           // the 10 s bar closed when the 12 s trade came
        assertThat(oneSecond.openTrades()).isEqualTo(1);
        oneSecond.flush();
        oneSecond.flush();                     // nothing open: nothing more

        // by hand: 10 s bar o 100, h 101.5, l 99.75, c 99.75, v 0.5 + 0.25 + 1.0 = 1.75; 12 s bar all 99, v 2
        assertThat(bars.get(0)).containsExactly(10_000, 100.0, 101.5, 99.75, 99.75, 1.75);
        assertThat(bars.get(1)).containsExactly(12_000, 99.0, 99.0, 99.0, 99.0, 2.0);
    }

    @Test
    void intervalsAreUtcAlignedAndEarlierTradesAreRefused() {
        TimeBarAggregator minute = new TimeBarAggregator(60_000, (t, o, h, l, c, v) -> bars.add(new double[] {t}));
        minute.trade(1_723_161_255_342L, 61_837.63, 0.02); // 2024-08-08T23:54:15.342Z
        minute.trade(1_723_161_300_001L, 61_840.00, 0.01); // 23:55:00.001: a new minute
        assertThat(bars).singleElement().satisfies(b -> assertThat((long) b[0]).isEqualTo(1_723_161_240_000L));
        assertThatThrownBy(() -> minute.trade(1_723_161_299_999L, 61_830.0, 0.01))
                .hasMessage("trade at 1723161299999 ms is before the bar at 1723161300000 ms: trades must come in"
                        + " time order");
        assertThatThrownBy(() -> minute.trade(1_723_161_300_002L, 0, 1)).hasMessageContaining("> 0, got 0.0 x 1.0");
        assertThatThrownBy(() -> new TimeBarAggregator(0, (t, o, h, l, c, v) -> { }))
                .hasMessage("bar length must be >= 1 ms, got 0");
    }
}
