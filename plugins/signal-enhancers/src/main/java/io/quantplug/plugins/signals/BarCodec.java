package io.quantplug.plugins.signals;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes bars of one instrument and timeframe as text for a {@link io.quantplug.api.StateSnapshot} and reads them
 * back: {@code openTime,open,high,low,close,volume} per bar, bars separated by {@code ;}. Numbers use
 * {@link Double#toString(double)}, which round-trips exactly.
 */
final class BarCodec {

    private BarCodec() {
    }

    /**
     * Writes bars.
     *
     * @param bars the bars, any order
     * @return the text; empty for no bars
     */
    static String write(List<Bar> bars) {
        StringBuilder s = new StringBuilder(bars.size() * 64);
        for (Bar b : bars) {
            if (!s.isEmpty()) {
                s.append(';');
            }
            s.append(b.openTimeMillis()).append(',').append(b.open()).append(',').append(b.high()).append(',')
                    .append(b.low()).append(',').append(b.close()).append(',').append(b.volume());
        }
        return s.toString();
    }

    /**
     * Reads bars written by {@link #write}.
     *
     * @param text       the text, possibly empty
     * @param instrument the bars' instrument
     * @param timeframe  the bars' timeframe
     * @return the bars in the order written
     * @throws IllegalArgumentException when the text is malformed or a bar is invalid
     */
    static List<Bar> read(String text, InstrumentId instrument, Timeframe timeframe) {
        List<Bar> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String row : text.split(";")) {
            String[] f = row.split(",");
            if (f.length != 6) {
                throw new IllegalArgumentException("bar '" + row + "' needs 6 fields, has " + f.length);
            }
            out.add(new Bar(instrument, timeframe, Long.parseLong(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5])));
        }
        return out;
    }
}
