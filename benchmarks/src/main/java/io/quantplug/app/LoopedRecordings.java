package io.quantplug.app;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.FileStamp;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Large recordings for the replay benchmarks: a shared recording repeated back to back, written straight into the
 * compact copy a replay reads ({@link TickFile}). Each repeat is shifted in time (by the recording's span plus a
 * second), in trade ids, and in depth update ids so that its first diff follows the previous repeat's last one
 * (spot: {@code U = previous u + 1}; futures: {@code pu = previous u}); the snapshot is kept in the first repeat
 * only. In this package because the compact copy is the application's own format.
 */
public final class LoopedRecordings {

    /** What a looped copy keeps of the recording. */
    public enum Content {
        /** Trades only. */
        TRADES,
        /** Depth diffs and the snapshot only. */
        DEPTH,
        /** Everything a replay uses. */
        ALL
    }

    private static final FileStamp STAMP = new FileStamp("looped", 0, 0, 0);

    private LoopedRecordings() {
    }

    /** One event of the recording, held in memory. */
    private record Event(MarketMessageKind kind, String symbol, long localNanos, long eventTime, long tradeTime,
                         double price, double quantity, boolean buyerMaker, long tradeId, DepthUpdate depth,
                         DepthSnapshot snapshot) {
    }

    /**
     * Writes a looped compact copy.
     *
     * @param recording a shared recording
     * @param times     how many repeats
     * @param content   what to keep
     * @param out       the copy to write
     * @return how many trades, depth diffs and level updates in the diffs the copy holds
     * @throws IOException when writing fails
     */
    public static long[] write(Path recording, int times, Content content, Path out) throws IOException {
        List<Event> events = new ArrayList<>();
        try (MarketEvents in = TickFileCache.json(recording)) {
            while (in.next()) {
                MarketMessageKind k = in.kind();
                boolean trade = k == MarketMessageKind.TRADE;
                boolean depth = k == MarketMessageKind.DEPTH_UPDATE || k == MarketMessageKind.DEPTH_SNAPSHOT;
                if (trade && content != Content.DEPTH || depth && content != Content.TRADES) {
                    events.add(new Event(k, in.symbol(), in.localTimeNanos(), in.eventTimeMillis(),
                            in.tradeTimeMillis(), in.price(), in.quantity(), in.buyerMaker(), in.tradeId(),
                            k == MarketMessageKind.DEPTH_UPDATE ? in.depthUpdate().copy() : null,
                            k == MarketMessageKind.DEPTH_SNAPSHOT ? in.snapshot() : null));
                }
            }
        }
        Looped looped = new Looped(events, times);
        TickFile.write(looped, STAMP, out);
        return new long[] {looped.trades, looped.diffs, looped.levels};
    }

    /**
     * Opens a looped copy for replay.
     *
     * @param copy       the copy
     * @param instrument the instrument its events are given as
     * @param bar        the bar length
     * @return the replay
     * @throws IOException when the copy cannot be read
     */
    public static RecordingTicks replay(Path copy, InstrumentId instrument, Timeframe bar) throws IOException {
        return new RecordingTicks(TickFile.open(copy, STAMP, copy), instrument, bar);
    }

    /** The events, repeated with shifted times and ids. */
    private static final class Looped implements MarketEvents {
        private final List<Event> events;
        private final int times;
        private final long timeShift;
        private final long tradeIdShift;
        private final long depthIdShift;
        private final DepthUpdate shifted = new DepthUpdate();
        private int loop;
        private int index = -1;
        private Event e;
        long trades;
        long diffs;
        long levels;

        Looped(List<Event> events, int times) {
            this.events = events;
            this.times = times;
            long minT = Long.MAX_VALUE;
            long maxT = Long.MIN_VALUE;
            long minId = Long.MAX_VALUE;
            long maxId = Long.MIN_VALUE;
            DepthUpdate first = null;
            DepthUpdate last = null;
            for (Event x : events) {
                long t = Math.max(x.eventTime, x.tradeTime);
                if (t > 0) {
                    minT = Math.min(minT, t);
                    maxT = Math.max(maxT, t);
                }
                if (x.kind == MarketMessageKind.TRADE) {
                    minId = Math.min(minId, x.tradeId);
                    maxId = Math.max(maxId, x.tradeId);
                }
                if (x.depth != null) {
                    first = first == null ? x.depth : first;
                    last = x.depth;
                }
            }
            this.timeShift = maxT - minT + 1_000;
            this.tradeIdShift = minId == Long.MAX_VALUE ? 0 : maxId - minId + 1;
            this.depthIdShift = first == null ? 0 : first.previousFinalUpdateId() >= 0
                    ? last.finalUpdateId() - first.previousFinalUpdateId()
                    : last.finalUpdateId() - first.firstUpdateId() + 1;
        }

        @Override
        public boolean next() {
            do {
                index++;
                if (index == events.size()) {
                    index = 0;
                    loop++;
                }
                if (loop == times) {
                    return false;
                }
                e = events.get(index);
            } while (loop > 0 && e.snapshot != null);
            if (e.kind == MarketMessageKind.TRADE) {
                trades++;
            } else if (e.depth != null) {
                diffs++;
                DepthUpdate d = e.depth;
                levels += d.bidCount() + d.askCount();
                long s = loop * depthIdShift;
                shifted.reset();
                shifted.ids(d.firstUpdateId() + s, d.finalUpdateId() + s,
                        d.previousFinalUpdateId() < 0 ? -1 : d.previousFinalUpdateId() + s);
                shifted.eventTimeMillis(d.eventTimeMillis() + loop * timeShift);
                for (int i = 0; i < d.bidCount(); i++) {
                    shifted.addBid(d.bidPrice(i), d.bidQuantity(i));
                }
                for (int i = 0; i < d.askCount(); i++) {
                    shifted.addAsk(d.askPrice(i), d.askQuantity(i));
                }
            }
            return true;
        }

        private long shiftTime(long t) {
            return t == 0 ? 0 : t + loop * timeShift;
        }

        @Override
        public MarketMessageKind kind() {
            return e.kind;
        }

        @Override
        public String symbol() {
            return e.symbol;
        }

        @Override
        public long localTimeNanos() {
            return e.localNanos + loop * timeShift * 1_000_000;
        }

        @Override
        public long eventTimeMillis() {
            return shiftTime(e.eventTime);
        }

        @Override
        public long tradeTimeMillis() {
            return shiftTime(e.tradeTime);
        }

        @Override
        public double price() {
            return e.price;
        }

        @Override
        public double quantity() {
            return e.quantity;
        }

        @Override
        public boolean buyerMaker() {
            return e.buyerMaker;
        }

        @Override
        public long tradeId() {
            return e.tradeId + loop * tradeIdShift;
        }

        @Override
        public DepthUpdate depthUpdate() {
            return shifted;
        }

        @Override
        public DepthSnapshot snapshot() {
            return e.snapshot;
        }

        @Override
        public long line() {
            return (long) loop * events.size() + index + 1;
        }

        @Override
        public String where() {
            return "looped:" + line();
        }

        @Override
        public void close() {
        }
    }
}
