package io.quantplug.cli;

import io.quantplug.app.UserInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The windows of a walk-forward study, as {@code --walk-forward in=90d,out=30d[,anchored]} gives them: an
 * in-sample span on which the grid is optimised, followed by an out-of-sample span on which the best parameters
 * trade. The next window moves on by the out-of-sample span, so the out-of-sample spans tile the data after the
 * first in-sample span. Rolling windows keep the in-sample length; anchored ones keep its start at the first bar
 * and grow. Only windows whose out-of-sample span ends within the data are kept. Spans are whole days ({@code d})
 * or hours ({@code h}).
 *
 * @param in       the in-sample span
 * @param out      the out-of-sample span
 * @param anchored whether the in-sample spans all start at the first bar
 */
record WalkForwardSpec(Duration in, Duration out, boolean anchored) {

    private static final Pattern FORM = Pattern.compile("in=(\\d+)([dh]),out=(\\d+)([dh])(,anchored)?");

    /**
     * One window.
     *
     * @param inFromMillis  first in-sample bar open time, inclusive, UTC epoch milliseconds
     * @param outFromMillis end of the in-sample span and start of the out-of-sample one
     * @param outToMillis   end of the out-of-sample span, exclusive
     */
    record Window(long inFromMillis, long outFromMillis, long outToMillis) {
    }

    /**
     * Parses the option.
     *
     * @param text e.g. {@code in=90d,out=30d} or {@code in=720h,out=168h,anchored}
     * @return the spec
     * @throws UserInputException when it is malformed or a span is zero
     */
    static WalkForwardSpec parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new UserInputException("--walk-forward " + text + ": expected in=SPAN,out=SPAN[,anchored] with spans"
                    + " like 90d or 36h");
        }
        Duration in = span(m.group(1), m.group(2));
        Duration out = span(m.group(3), m.group(4));
        if (in.isZero() || out.isZero()) {
            throw new UserInputException("--walk-forward " + text + ": the spans must be longer than 0");
        }
        return new WalkForwardSpec(in, out, m.group(5) != null);
    }

    private static Duration span(String n, String unit) {
        long v = Long.parseLong(n);
        return unit.equals("d") ? Duration.ofDays(v) : Duration.ofHours(v);
    }

    /**
     * The windows over some data.
     *
     * @param firstOpenMillis open time of the first bar
     * @param endMillis       end of the data: the last bar's open time plus the bar length
     * @return the windows, at least one
     * @throws UserInputException when even one in-sample plus out-of-sample span is longer than the data
     */
    List<Window> windows(long firstOpenMillis, long endMillis) {
        List<Window> windows = new ArrayList<>();
        long outFrom = firstOpenMillis + in.toMillis();
        for (int k = 0; outFrom + out.toMillis() <= endMillis; k++, outFrom += out.toMillis()) {
            long inFrom = anchored ? firstOpenMillis : firstOpenMillis + k * out.toMillis();
            windows.add(new Window(inFrom, outFrom, outFrom + out.toMillis()));
        }
        if (windows.isEmpty()) {
            throw new UserInputException("--walk-forward: one window (" + label(in) + " in sample + " + label(out)
                    + " out of sample) is longer than the data, " + Instant.ofEpochMilli(firstOpenMillis) + " .. "
                    + Instant.ofEpochMilli(endMillis));
        }
        return windows;
    }

    /** A span as typed: {@code 90d}, or {@code 36h} when it is not whole days. */
    static String label(Duration span) {
        return span.toHours() % 24 == 0 ? span.toDays() + "d" : span.toHours() + "h";
    }
}
