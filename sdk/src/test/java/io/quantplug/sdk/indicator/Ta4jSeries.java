package io.quantplug.sdk.indicator;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Builds a ta4j series (DecimalNum, exact decimal) whose closes are the given values. */
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
}
