package io.quantplug.plugins.pairs;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;

import java.util.Map;

/**
 * Pairs the bars of the two instruments by open time: each instrument's latest close is kept, and a pair is complete
 * when both latest bars have the same open time, at the second of the two bars to arrive (whatever the order the
 * session delivers them in). A time at which one instrument has no bar (a gap in its data) forms no pair.
 *
 * <p>Mutable, engine thread only.
 */
final class PairedCloses {

    private final InstrumentId y;
    private final InstrumentId x;
    private long timeY = Long.MIN_VALUE;
    private long timeX = Long.MIN_VALUE + 1;
    private double closeY = Double.NaN;
    private double closeX = Double.NaN;
    private long pairedTime = Long.MIN_VALUE;

    PairedCloses(InstrumentId y, InstrumentId x) {
        this.y = y;
        this.x = x;
    }

    /**
     * Takes a bar of either instrument.
     *
     * @param bar a bar of y, of x, or of neither (ignored)
     * @return true when this bar completes a pair: {@link #closeY()} and {@link #closeX()} are then both of
     *         {@link #time()}
     */
    boolean add(Bar bar) {
        if (bar.instrument().equals(y)) {
            timeY = bar.openTimeMillis();
            closeY = bar.close();
        } else if (bar.instrument().equals(x)) {
            timeX = bar.openTimeMillis();
            closeX = bar.close();
        } else {
            return false;
        }
        if (timeY != timeX || timeY == pairedTime) {
            return false;
        }
        pairedTime = timeY;
        return true;
    }

    /** @return the open time of the last complete pair, UTC epoch milliseconds */
    long time() {
        return pairedTime;
    }

    /** @return y's latest close */
    double closeY() {
        return closeY;
    }

    /** @return x's latest close */
    double closeX() {
        return closeX;
    }

    void writeTo(Map<String, String> out) {
        out.put("pairing.timeY", Long.toString(timeY));
        out.put("pairing.timeX", Long.toString(timeX));
        out.put("pairing.closeY", Double.toString(closeY));
        out.put("pairing.closeX", Double.toString(closeX));
        out.put("pairing.pairedTime", Long.toString(pairedTime));
    }

    /** @throws IllegalArgumentException when a value is missing or malformed; nothing is changed then */
    void readFrom(Map<String, String> in) {
        long ty = SnapshotState.whole(in, "pairing.timeY");
        long tx = SnapshotState.whole(in, "pairing.timeX");
        double cy = SnapshotState.number(in, "pairing.closeY");
        double cx = SnapshotState.number(in, "pairing.closeX");
        long paired = SnapshotState.whole(in, "pairing.pairedTime");
        timeY = ty;
        timeX = tx;
        closeY = cy;
        closeX = cx;
        pairedTime = paired;
    }
}
