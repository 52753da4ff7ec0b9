package io.quantplug.sdk.indicator;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Builds ta4j series with DecimalNum (exact decimal, 32 significant digits): the reference side of the comparisons
 * is then computed without binary rounding, from the decimal text of each value.
 */
final class Ta4jSeries {

    private Ta4jSeries() {
    }

    static BarSeries ofCloses(double[] closes) {
        BarSeries s = new BaseBarSeriesBuilder().withName("closes").build();
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.parse("2023-03-01T00:01:00Z"), ZoneOffset.UTC);
        for (double c : closes) {
            String v = Double.toString(c);
            s.addBar(new BaseBar(Duration.ofMinutes(1), t, v, v, v, v, "1"));
            t = t.plusMinutes(1);
        }
        return s;
    }

    static BarSeries ofBars(RealBars bars) {
        BarSeries s = new BaseBarSeriesBuilder().withName(bars.file).build();
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.parse("2023-03-01T00:01:00Z"), ZoneOffset.UTC);
        for (int i = 0; i < bars.size(); i++) {
            s.addBar(new BaseBar(Duration.ofMinutes(1), t, Double.toString(bars.open[i]),
                    Double.toString(bars.high[i]), Double.toString(bars.low[i]), Double.toString(bars.close[i]),
                    Double.toString(bars.volume[i])));
            t = t.plusMinutes(1);
        }
        return s;
    }
}
